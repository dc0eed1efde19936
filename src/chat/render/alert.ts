// An outbox alert as a neutral reply, so Slack and Discord render alerts with the same code as answers.
import type { Alert, AlertFigure } from "../../core/alert.js";
import type { Reply, ReplyItem } from "../../core/reply.js";
import { describeFigure, formatDate } from "../../reconcile/describe.js";

const TITLES: Record<Alert["kind"], string> = {
  disagreement: "Sources disagree",
  revision: "Figure revised",
  feed: "Feed notice",
};

function figureItem(alert: Alert, f: AlertFigure): ReplyItem {
  const what =
    f.count !== null && alert.measure && alert.group
      ? describeFigure(f.count, f.qualifier, alert.measure, alert.group)
      : f.count !== null
        ? String(f.count)
        : "an unstated number";
  const meta = [f.outlet, formatDate(f.published), f.text ? `“${f.text}”` : null].filter(Boolean).join(" · ");
  return {
    text: `${f.originator ?? "Unattributed"}: ${what}`,
    ...(meta ? { meta } : {}),
    ...(f.url ? { links: [{ label: f.outlet ?? "article", url: f.url }] } : {}),
  };
}

export function alertReply(alert: Alert): Reply {
  return {
    command: "alert",
    ok: true,
    title: alert.story ? `${TITLES[alert.kind]}: ${alert.story}` : TITLES[alert.kind],
    blocks: [
      { kind: "alert", text: alert.summary },
      ...(alert.figures.length
        ? [{ kind: "list" as const, items: alert.figures.map((f) => figureItem(alert, f)) }]
        : []),
    ],
    data: alert,
  };
}
