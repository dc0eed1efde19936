// /sources [story]: each originator (who counted), its aliases and its figure history.
import type { CommandDefinition } from "../src/core/command.js";
import type { ReplyBlock } from "../src/core/reply.js";
import { describeFigure, formatDate } from "../src/reconcile/describe.js";
import { listOriginatorFigures } from "../src/store/figures.js";
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
    const originators = listOriginators(store, storyId).map((o) => {
      const figures = listOriginatorFigures(store, o.id, storyId).filter((f) => f.count !== null);
      return {
        name: o.name,
        aliases: o.aliases,
        figures: figures.map((f) => ({
          count: f.count,
          measure: f.measure,
          group: f.group,
          qualifier: f.qualifier,
          superseded: f.superseded,
          published: f.published,
          outlet: f.outlet,
          url: f.url,
          file: f.file,
          text: f.text,
        })),
      };
    });
    const blocks: ReplyBlock[] = originators.flatMap((o): ReplyBlock[] => [
      { kind: "heading", text: o.name },
      ...(o.aliases.length ? [{ kind: "text" as const, text: `Also written: ${o.aliases.join(", ")}` }] : []),
      {
        kind: "list",
        items: o.figures.map((f) => ({
          text: `${describeFigure(f.count!, f.qualifier, f.measure, f.group)}${f.superseded ? " (superseded)" : ""}`,
          meta: [formatDate(f.published), f.outlet ?? f.file].filter(Boolean).join(" · "),
          ...(f.url ? { links: [{ label: f.outlet ?? "article", url: f.url }] } : {}),
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
