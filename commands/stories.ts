// /stories: the stories tollwatch has found, newest first, with their size and alerts.
import type { CommandDefinition } from "../src/core/command.js";
import { formatDate } from "../src/reconcile/describe.js";
import { countStories, listStories } from "../src/store/stories.js";

/** Stories listed: the most recently added to. */
export const STORIES_SHOWN = 50;

export const stories: CommandDefinition = {
  name: "stories",
  description: "Stories (events) and how many articles, figures and alerts each has",
  options: [],
  handler: ({ store }) => {
    const list = listStories(store, false, STORIES_SHOWN);
    const total = list.length < STORIES_SHOWN ? list.length : countStories(store);
    return {
      command: "stories",
      ok: true,
      title: !list.length
        ? "No stories yet"
        : total > list.length
          ? `Stories: the ${list.length} most recently updated of ${total}`
          : "Stories",
      blocks: list.length
        ? [
            {
              kind: "list",
              items: list.map((s) => ({
                text: s.name,
                meta: [
                  `${s.articles} article${s.articles === 1 ? "" : "s"}`,
                  `${s.figures} figures`,
                  `${s.alerts} alerts`,
                  formatDate(s.latest),
                  s.manual ? "named by hand" : null,
                ]
                  .filter(Boolean)
                  .join(" · "),
              })),
            },
          ]
        : [{ kind: "text", text: "Ingest some articles first." }],
      data: {
        stories: list.map((s) => ({
          id: s.id,
          name: s.name,
          manual: s.manual,
          articles: s.articles,
          figures: s.figures,
          alerts: s.alerts,
          latest: s.latest,
          terms: s.terms.slice(0, 10).map((t) => t[2]),
        })),
      },
    };
  },
};
