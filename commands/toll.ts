// /toll [story]: each originator's latest figure per measure and group, with its citations,
// superseded figures and open disagreements. Never an average.
import type { CommandDefinition } from "../src/core/command.js";
import type { ReplyBlock, ReplyItem, ReplyLink } from "../src/core/reply.js";
import type { Group } from "../src/core/types.js";
import { formatDate, groupWords } from "../src/reconcile/describe.js";
import { type CitedValue, type OriginatorLine, summarize } from "../src/reconcile/summary.js";
import { listAlerts } from "../src/store/alerts.js";
import { listStoryFigures } from "../src/store/figures.js";
import { storyWithNewestFigure } from "../src/store/stories.js";
import { storyFromArg } from "./story-arg.js";

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "at least 1,000 killed" for the total, "745 civilians killed" for a group. */
const valuePhrase = (v: CitedValue, group: Group, measure: string) =>
  group === "total" ? `${v.words} ${measure}` : `${v.words} ${groupWords(group)} ${measure}`;

const reports = (n: number) => `${n} report${n === 1 ? "" : "s"}`;

function citationLinks(v: CitedValue): ReplyLink[] {
  return v.citations.filter((c) => c.url).map((c) => ({ label: c.outlet ?? c.title ?? c.url!, url: c.url! }));
}

function citedBy(v: CitedValue): string {
  const names = v.citations.map((c) => c.outlet ?? c.title ?? c.file ?? c.url ?? `article ${c.articleId}`);
  return [...new Set(names)].join("; ");
}

function lineItem(line: OriginatorLine, group: Group, measure: string): ReplyItem {
  const v = line.latest;
  const who = line.originator ?? "no originator named (the outlet's own figure)";
  const meta = [formatDate(v.published), reports(v.citations.length), citedBy(v)];
  if (line.history.length) meta.push(`earlier: ${line.history.map((h) => h.words).join(", ")}`);
  const links = citationLinks(v);
  return {
    text: `${who}: ${valuePhrase(v, group, measure)}`,
    meta: meta.filter(Boolean).join(" · "),
    ...(links.length ? { links } : {}),
  };
}

const cleanValue = (v: CitedValue) => ({
  originator: v.originator,
  count: v.count,
  qualifier: v.qualifier,
  words: v.words,
  range: v.range,
  published: v.published,
  citations: v.citations,
});

const cleanLine = (l: OriginatorLine) => ({
  ...cleanValue(l.latest),
  history: l.history.map(cleanValue),
});

export const toll: CommandDefinition = {
  name: "toll",
  description: "The toll for a story: each source's latest figure, never averaged",
  options: [
    {
      name: "story",
      description: "story name (default: the one with the newest figure)",
      autocomplete: "story",
    },
  ],
  handler: ({ store }, args) => {
    const picked = storyFromArg(store, "toll", args.story);
    if (picked.error) return picked.error;
    const story = picked.story ?? storyWithNewestFigure(store);
    if (!story) {
      return {
        command: "toll",
        ok: true,
        title: "No figures yet",
        blocks: [{ kind: "text", text: "No casualty figures have been stored. Try: tollwatch ingest seeds" }],
        data: { story: null, measures: [] },
      };
    }
    const summaries = summarize(listStoryFigures(store, story.id));
    const alerts = listAlerts(store, { all: true, storyId: story.id });
    const blocks: ReplyBlock[] = [];
    const measures = summaries.map((m) => {
      const h = m.headline;
      if (h) {
        const where = [
          h.originator ?? "no originator named",
          formatDate(h.published),
          reports(h.citations.length),
        ];
        blocks.push({
          kind: "heading",
          text: `${capitalise(valuePhrase(h, h.group, m.measure))} — ${where.filter(Boolean).join(", ")}`,
        });
      }
      for (const g of m.groups)
        blocks.push(
          {
            kind: "text",
            text:
              g.group === "total" ? `${capitalise(m.measure)}, all people` : capitalise(groupWords(g.group)),
          },
          { kind: "list", items: g.originators.map((l) => lineItem(l, g.group, m.measure)) },
        );
      if (m.superseded.length)
        blocks.push({
          kind: "list",
          items: m.superseded.map((v) => ({
            text: `Superseded: ${v.originator ?? "no originator named"}: ${v.words} ${m.measure}`,
            meta: citedBy(v),
          })),
        });
      for (const issue of m.breakdownIssues)
        blocks.push({ kind: "text", text: `Breakdown does not add up: ${issue}` });
      const open = alerts.filter((a) => a.measure === m.measure);
      for (const a of open) blocks.push({ kind: "alert", text: `${capitalise(a.kind)}: ${a.summary}` });
      blocks.push({ kind: "divider" });
      return {
        measure: m.measure,
        headline: h
          ? { ...cleanValue(h), group: h.group, citations: h.citations.length, sources: h.citations }
          : null,
        originators: (m.groups.find((g) => g.group === "total")?.originators ?? []).map(cleanLine),
        groups: m.groups.map((g) => ({ group: g.group, originators: g.originators.map(cleanLine) })),
        superseded: m.superseded.map(cleanValue),
        breakdown: m.breakdownIssues,
        disagreements: open.map((a) => ({
          id: a.id,
          kind: a.kind,
          group: a.group,
          values: a.values,
          summary: a.summary,
          figures: a.figures,
        })),
      };
    });
    if (blocks[blocks.length - 1]?.kind === "divider") blocks.pop();
    if (!measures.length) blocks.push({ kind: "text", text: "This story has no casualty figures yet." });
    return {
      command: "toll",
      ok: true,
      title: `Toll: ${story.name}`,
      blocks,
      data: { story: { id: story.id, name: story.name }, measures },
    };
  },
};
