// /sources [story]: each originator (who counted), its aliases and its figure history: every value
// it gave, oldest first, with how many reports printed it.
import type { CommandDefinition } from "../src/core/command.js";
import type { ReplyBlock } from "../src/core/reply.js";
import { formatDate, groupWords } from "../src/reconcile/describe.js";
import { summarize } from "../src/reconcile/summary.js";
import { type FigureView, listAttributedFigures } from "../src/store/figures.js";
import { listOriginators } from "../src/store/originators.js";
import { storyFromArg } from "./story-arg.js";

export const sources: CommandDefinition = {
  name: "sources",
  description: "Who counted: each originator with its aliases and figures over time",
  options: [{ name: "story", description: "only this story", autocomplete: "story" }],
  handler: ({ store }, args) => {
    const picked = storyFromArg(store, "sources", args.story);
    if (picked.error) return picked.error;
    const storyId = picked.story?.id;
    // attributed figures read once (a story's all, else the most recent ones), then handed to their originator
    const byOriginator = new Map<number, FigureView[]>();
    for (const f of listAttributedFigures(store, storyId)) {
      const list = byOriginator.get(f.originatorId ?? 0);
      if (list) list.push(f);
      else byOriginator.set(f.originatorId ?? 0, [f]);
    }
    const originators = listOriginators(store, storyId).map((o) => {
      const figures = byOriginator.get(o.id) ?? [];
      const history = summarize(figures).flatMap((m) =>
        m.groups.flatMap((g) =>
          g.originators.flatMap((line) =>
            [...line.history, line.latest].map((v, i, all) => ({
              measure: m.measure,
              group: g.group,
              count: v.count,
              qualifier: v.qualifier,
              words: v.words,
              latest: i === all.length - 1,
              published: v.published,
              reports: v.citations.length,
              citations: v.citations.map((c) => ({
                outlet: c.outlet,
                url: c.url,
                file: c.file,
                title: c.title,
              })),
            })),
          ),
        ),
      );
      return { name: o.name, aliases: o.aliases, figures: history };
    });
    const blocks: ReplyBlock[] = originators.flatMap((o): ReplyBlock[] => [
      { kind: "heading", text: o.name },
      ...(o.aliases.length ? [{ kind: "text" as const, text: `Also written: ${o.aliases.join(", ")}` }] : []),
      {
        kind: "list",
        items: o.figures.map((f) => ({
          text: `${f.words} ${groupWords(f.group)} ${f.measure}${f.latest ? "" : " (earlier)"}`,
          meta: [formatDate(f.published), `${f.reports} report${f.reports === 1 ? "" : "s"}`]
            .filter(Boolean)
            .join(" · "),
        })),
      },
    ]);
    return {
      command: "sources",
      ok: true,
      title: originators.length
        ? `Sources${picked.story ? `: ${picked.story.name}` : ""}`
        : "No sources with figures yet",
      blocks: blocks.length ? blocks : [{ kind: "text", text: "No figure names who counted it yet." }],
      data: { story: picked.story?.name ?? null, originators },
    };
  },
};
