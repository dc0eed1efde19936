// What /toll shows for a story, computed from its figures: per measure and group, each
// originator's latest figure with its citations and history, a headline, breakdown checks.
// Never an average. Pure.
import { GROUPS, type Group, type Measure, type Qualifier } from "../core/types.js";
import type { FigureView } from "../store/figures.js";
import { compareDates, valueLabel } from "./decide.js";
import { describeValue, type Interval, intervalOf, isBound } from "./interval.js";

export interface Citation {
  articleId: number;
  outlet: string | null;
  url: string | null;
  file: string | null;
  title: string | null;
  published: string | null;
  text: string;
}

/** One value from one originator, with every article that printed it. */
export interface CitedValue {
  originator: string | null;
  count: number;
  qualifier: Qualifier;
  range: Interval | null;
  /** "at least 1,000", "745", "30–40". */
  words: string;
  /** Newest date among its citations. */
  published: string | null;
  citations: Citation[];
  figureIds: number[];
}

export interface OriginatorLine {
  originator: string | null;
  latest: CitedValue;
  /** Earlier values from the same originator, oldest first. */
  history: CitedValue[];
}

export interface GroupSummary {
  group: Group;
  originators: OriginatorLine[];
}

export interface MeasureSummary {
  measure: Measure;
  /** The most-cited current figure for the whole toll (named originators first). */
  headline: (CitedValue & { group: Group }) | null;
  groups: GroupSummary[];
  /** Figures their own articles call superseded ("up from 20"). */
  superseded: CitedValue[];
  /** Breakdowns that do not fit the same originator's total. */
  breakdownIssues: string[];
}

// the vocabulary lists groups in the order /toll shows them
const GROUP_ORDER: readonly Group[] = GROUPS;
/** Groups that do not overlap: together they can be at most the total. */
const PARTS: Group[] = ["civilians", "security_forces", "fighters"];

/** a is newer than b: by article date when both have one, else by storage order. */
function newer(a: FigureView, b: FigureView): boolean {
  const c = compareDates(a.published, b.published);
  return c === null || c === 0 ? a.id > b.id : c > 0;
}

function cite(v: FigureView): Citation {
  return {
    articleId: v.articleId,
    outlet: v.outlet,
    url: v.url,
    file: v.file,
    title: v.title,
    published: v.published,
    text: v.text,
  };
}

/** Groups one originator's figures by the value they state: a repeat is a citation, not a figure. */
function cluster(figures: FigureView[]): { value: CitedValue; newest: FigureView }[] {
  const byKey = new Map<string, FigureView[]>();
  for (const f of figures) {
    const key = `${isBound(f.qualifier) ? f.qualifier : "point"}:${valueLabel(f)}`;
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  return [...byKey.values()].map((list) => {
    const newest = list.reduce((a, b) => (newer(b, a) ? b : a));
    const qualifier: Qualifier = list.some((f) => f.qualifier === "exact") ? "exact" : newest.qualifier;
    const citations: Citation[] = [];
    const cited = new Set<number>();
    for (const f of list) {
      if (cited.has(f.articleId)) continue;
      cited.add(f.articleId);
      citations.push(cite(f));
    }
    const dates = list.map((f) => f.published).filter((d): d is string => d !== null);
    return {
      newest,
      value: {
        originator: newest.originator,
        count: newest.count!,
        qualifier,
        range: newest.range,
        words: describeValue(newest.count!, qualifier, newest.range),
        published: dates.length ? dates.sort()[dates.length - 1]! : null,
        citations,
        figureIds: list.map((f) => f.id),
      },
    };
  });
}

function lines(figures: FigureView[]): OriginatorLine[] {
  const byOriginator = new Map<string | null, FigureView[]>();
  for (const f of figures) {
    const list = byOriginator.get(f.originator);
    if (list) list.push(f);
    else byOriginator.set(f.originator, [f]);
  }
  const out: OriginatorLine[] = [];
  for (const [originator, list] of byOriginator) {
    const clusters = cluster(list).sort((a, b) => (newer(a.newest, b.newest) ? 1 : -1));
    const latest = clusters[clusters.length - 1]!;
    out.push({ originator, latest: latest.value, history: clusters.slice(0, -1).map((c) => c.value) });
  }
  // named originators first, then the most cited
  return out.sort(
    (a, b) =>
      Number(a.originator === null) - Number(b.originator === null) ||
      b.latest.citations.length - a.latest.citations.length ||
      (a.originator ?? "").localeCompare(b.originator ?? ""),
  );
}

function pickHeadline(groups: GroupSummary[]): (CitedValue & { group: Group }) | null {
  const total = groups.find((g) => g.group === "total");
  const pool = (total ? [total] : groups).flatMap((g) =>
    g.originators.map((l) => ({ ...l.latest, group: g.group })),
  );
  const ranked = pool.sort(
    (a, b) =>
      Number(a.originator === null) - Number(b.originator === null) ||
      b.citations.length - a.citations.length ||
      (compareDates(b.published, a.published) ?? 0) ||
      b.count - a.count,
  );
  return ranked[0] ?? null;
}

const valueInterval = (v: CitedValue): Interval => v.range ?? intervalOf(v.count, v.qualifier);

function breakdownIssues(groups: GroupSummary[]): string[] {
  const issues: string[] = [];
  const total = groups.find((g) => g.group === "total");
  if (!total) return issues;
  for (const line of total.originators) {
    if (line.originator === null) continue;
    const high = valueInterval(line.latest).high;
    const parts: { group: Group; low: number }[] = [];
    for (const g of groups) {
      if (g.group === "total") continue;
      const mine = g.originators.find((l) => l.originator === line.originator);
      if (!mine) continue;
      const low = valueInterval(mine.latest).low;
      if (low > high)
        issues.push(
          `${line.originator}: ${mine.latest.words} ${g.group.replace("_", " ")} exceeds its total of ${line.latest.words}`,
        );
      if (PARTS.includes(g.group)) parts.push({ group: g.group, low });
    }
    const sum = parts.reduce((s, p) => s + p.low, 0);
    if (parts.length >= 2 && sum > high)
      issues.push(
        `${line.originator}: ${parts.map((p) => p.group.replace("_", " ")).join(" + ")} come to ${Math.round(sum).toLocaleString("en-US")}, more than its total of ${line.latest.words}`,
      );
  }
  return issues;
}

export function summarize(figures: readonly FigureView[]): MeasureSummary[] {
  const usable = figures.filter((f) => f.count !== null && !(f.rangeRole === "high" && f.range));
  const measures = [...new Set(usable.map((f) => f.measure))];
  return measures.map((measure) => {
    const mine = usable.filter((f) => f.measure === measure);
    const current = mine.filter((f) => !f.superseded);
    const groups = GROUP_ORDER.map((group) => ({
      group,
      originators: lines(current.filter((f) => f.group === group)),
    })).filter((g) => g.originators.length > 0);
    return {
      measure,
      headline: pickHeadline(groups),
      groups,
      superseded: cluster(mine.filter((f) => f.superseded)).map((c) => c.value),
      breakdownIssues: breakdownIssues(groups),
    };
  });
}
