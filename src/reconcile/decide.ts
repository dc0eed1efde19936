// Decisions between figures of one story × measure × group: disagreement, revision, update,
// confirmation. Pure: figures in, verdicts out; the store persists what matters.
import type { Group, Measure, Qualifier } from "../core/types.js";
import { type Interval, intervalOf, isBound, materiallyDifferent, overlaps } from "./interval.js";

/** A stored figure as reconciliation sees it. */
export interface FigureFact {
  id: number;
  storyId: number;
  articleId: number;
  measure: Measure;
  group: Group;
  /** Canonical originator name; null when the article names none (the outlet's own framing). */
  originator: string | null;
  count: number | null;
  qualifier: Qualifier;
  /** Both ends when the figure is a range ("between 30 and 40"). */
  range: Interval | null;
  /** The article's date (YYYY-MM-DD or ISO datetime), when known. */
  published: string | null;
  cumulative: boolean;
  superseded: boolean;
}

export type VerdictKind = "disagreement" | "revision" | "update" | "confirmation";

export interface Verdict {
  kind: VerdictKind;
  /** Alerts are deduplicated on this: story, measure, group and the two values. */
  key: string;
  /** The figure being judged (the newer arrival). */
  figure: FigureFact;
  /** The figure it was compared with. */
  other: FigureFact;
}

/** Measures that only grow while an event goes on: a later, higher count is news, not a conflict. */
const RUNNING_TOLLS: ReadonlySet<Measure> = new Set(["killed", "injured", "casualties"]);

export function intervalOfFact(f: FigureFact): Interval | null {
  if (f.range) return f.range;
  return f.count === null ? null : intervalOf(f.count, f.qualifier);
}

/** The value a figure states, as used in dedupe keys and alert values: "973", "30-40". */
export function valueLabel(f: FigureFact): string {
  if (f.range && f.range.low !== f.range.high) return `${f.range.low}-${f.range.high}`;
  return String(f.count);
}

/** Only figures with a number, a named originator, and not marked superseded take part. */
export function isComparable(f: FigureFact): boolean {
  return f.count !== null && f.originator !== null && !f.superseded;
}

export const sameSlot = (a: FigureFact, b: FigureFact): boolean =>
  a.storyId === b.storyId && a.measure === b.measure && a.group === b.group;

export function dedupeKey(a: FigureFact, b: FigureFact): string {
  const values = [valueLabel(a), valueLabel(b)].sort();
  return `${a.storyId}|${a.measure}|${a.group}|${values.join("~")}`;
}

/** Compares dates at the precision both have; null when either is unknown. */
export function compareDates(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const n = a.length === 10 || b.length === 10 ? 10 : Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

function sameValue(a: FigureFact, b: FigureFact): boolean {
  if (a.range || b.range) {
    const x = intervalOfFact(a)!;
    const y = intervalOfFact(b)!;
    return !materiallyDifferent(x.low, y.low) && !materiallyDifferent(x.high, y.high);
  }
  return !materiallyDifferent(a.count!, b.count!);
}

/** The verdict on `f` (arriving now) against `g` (already known), or null when nothing is to be said. */
export function judge(f: FigureFact, g: FigureFact): Verdict | null {
  if (f.id === g.id || !sameSlot(f, g) || !isComparable(f) || !isComparable(g)) return null;
  const a = intervalOfFact(f)!;
  const b = intervalOfFact(g)!;
  const key = dedupeKey(f, g);
  if (f.originator !== g.originator) {
    return overlaps(a, b) ? null : { kind: "disagreement", key, figure: f, other: g };
  }
  if (sameValue(f, g)) return { kind: "confirmation", key, figure: f, other: g };
  // two values from one originator in one article ("rose to 320 from 250", a district's share)
  // are the article's own account of a change, not a revision to flag
  if (f.articleId === g.articleId) return null;
  // a bound or a range pins no single value: a figure inside it is consistent with it
  if ((isBound(f.qualifier) || isBound(g.qualifier) || f.range || g.range) && overlaps(a, b)) return null;
  const later = compareDates(f.published, g.published);
  const runningToll = f.cumulative || RUNNING_TOLLS.has(f.measure);
  if (later === 1 && runningToll && a.low > b.low) return { kind: "update", key, figure: f, other: g };
  // anything else is flagged: a lower count, or older copy arriving after newer figures
  return { kind: "revision", key, figure: f, other: g };
}

/**
 * Judges each incoming figure against everything known before it (existing figures, then the
 * incoming ones already judged), in order.
 */
export function decide(existing: readonly FigureFact[], incoming: readonly FigureFact[]): Verdict[] {
  const known: FigureFact[] = [...existing];
  const verdicts: Verdict[] = [];
  for (const f of incoming) {
    const mine: Verdict[] = [];
    for (const g of known) {
      const v = judge(f, g);
      if (v) mine.push(v);
    }
    // a value the originator already gave is a citation: it revises nothing, even when the
    // originator has moved on since (its change was judged when the new value arrived)
    const repeat = mine.some((v) => v.kind === "confirmation");
    verdicts.push(...(repeat ? mine.filter((v) => v.kind !== "revision") : mine));
    known.push(f);
  }
  return verdicts;
}

export const isAlertVerdict = (v: Verdict): boolean => v.kind === "disagreement" || v.kind === "revision";

export interface AlertGroup {
  first: Verdict;
  /** The earlier figures the new one is at odds with, one per value. */
  others: FigureFact[];
  /** Every value pair the alert covers; none of them alerts again. */
  keys: string[];
}

/**
 * One alert per new figure, kind and other originator, covering every value pair not alerted
 * before (`known`): a figure at odds with two earlier values of one originator is one alert.
 */
export function alertGroups(
  verdicts: readonly Verdict[],
  known: ReadonlySet<string> = new Set(),
): AlertGroup[] {
  const covered = new Set(known);
  const groups = new Map<string, AlertGroup>();
  for (const v of verdicts) {
    if (!isAlertVerdict(v) || covered.has(v.key)) continue;
    covered.add(v.key);
    const id = `${v.figure.id}|${v.kind}|${v.other.originator}`;
    const g = groups.get(id);
    if (!g) groups.set(id, { first: v, others: [v.other], keys: [v.key] });
    else {
      g.keys.push(v.key);
      if (!g.others.some((o) => valueLabel(o) === valueLabel(v.other))) g.others.push(v.other);
    }
  }
  return [...groups.values()];
}
