// /alerts [story] [--all]: disagreements and revisions raised, newest last.
import type { CommandDefinition } from "../src/core/command.js";
import { formatDate } from "../src/reconcile/describe.js";
import { listAlerts } from "../src/store/alerts.js";
import { storyFromArg } from "./story-arg.js";

/** Without --all: alerts of the last week, and older ones not yet delivered everywhere. */
export const RECENT_DAYS = 7;

export const alerts: CommandDefinition = {
  name: "alerts",
  description: "Disagreements and revisions between sources",
  options: [
    { name: "story", description: "only this story", autocomplete: "story" },
    { name: "all", description: "every alert, delivered or not, however old" },
  ],
  handler: ({ store, now }, args) => {
    const picked = storyFromArg(store, "alerts", args.story);
    if (picked.error) return picked.error;
    const all = args.all !== undefined;
    const list = listAlerts(store, {
      all,
      since: new Date(now.getTime() - RECENT_DAYS * 86_400_000),
      ...(picked.story ? { storyId: picked.story.id } : {}),
    });
    return {
      command: "alerts",
      ok: true,
      title: list.length ? `${list.length} alert${list.length === 1 ? "" : "s"}` : "No alerts",
      blocks: list.length
        ? list.map((a) => ({
            kind: "alert" as const,
            text: `${a.kind === "revision" ? "Revision" : "Disagreement"} (${a.story ?? "no story"}, ${formatDate(a.created_at)}): ${a.summary}`,
          }))
        : [{ kind: "text", text: all ? "No alerts have been raised." : "No recent alerts. Try --all." }],
      data: {
        alerts: list.map((a) => ({
          id: a.id,
          kind: a.kind,
          story: a.story,
          measure: a.measure,
          group: a.group,
          values: a.values,
          figures: a.figures,
          summary: a.summary,
          created_at: a.created_at,
        })),
      },
    };
  },
};
