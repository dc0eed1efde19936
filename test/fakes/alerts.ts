// A hostile alert for surface tests: article text that tries to ping everyone, mention a user and
// smuggle links in every syntax Slack and Discord know.
import type { Alert } from "../../src/core/alert.js";

export const HOSTILE = "<!channel> @everyone <@U123> <@&42> [x](http://evil) <http://evil|click> & **bold**";

export function hostileAlert(id = 1): Alert {
  return {
    id,
    kind: "disagreement",
    story: "Coastal clashes",
    measure: "killed",
    group: "security_forces",
    values: [125, 200],
    figures: [
      {
        count: 125,
        qualifier: "exact",
        originator: "Syrian Observatory for Human Rights",
        outlet: "Wire <!here>",
        url: "https://news.example/a?x=1&y=2",
        published: "2025-03-09",
        text: `The monitor said 125 members of the security forces were killed. ${HOSTILE}`,
      },
      {
        count: 200,
        qualifier: "min",
        originator: "Interior Ministry",
        outlet: "Daily",
        url: "javascript:alert(1)",
        published: "2025-03-10",
        text: "At least 200 security personnel were killed, the ministry said.",
      },
    ],
    summary: `SOHR says 125 security forces killed; the ministry says at least 200. ${HOSTILE}`,
    created_at: "2025-03-10T08:00:00.000Z",
  };
}
