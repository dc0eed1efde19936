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
    // two originators whose counts do not overlap disagree, whatever their dates: an editor wants to
    // know that a monitor's new count is far from the ministry's last one (ADR 0006)
    if (overlaps(a, b)) return null;
    return { kind: "disagreement", key, figure: f, other: g };
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

/** a is newer than b: by article date at the precision both have, then storage (ingest) order. */
export function isNewer(a: FigureFact, b: FigureFact): boolean {
  const c = compareDates(a.published, b.published);
  return c === null || c === 0 ? a.id > b.id : c > 0;
}

const slotKey = (f: FigureFact) => `${f.storyId}\u0000${f.measure}\u0000${f.group}`;

/**
 * Each originator's latest comparable figure per story × measure × group (by article date, then
 * storage order). Pure and independent of the order the figures are listed in.
 */
export function latestByOriginator(facts: readonly FigureFact[]): Map<string, Map<string, FigureFact>> {
  const slots = new Map<string, Map<string, FigureFact>>();
  for (const f of facts) {
    if (!isComparable(f)) continue;
    const k = slotKey(f);
    const slot = slots.get(k) ?? new Map<string, FigureFact>();
    slots.set(k, slot);
    const cur = slot.get(f.originator!);
    if (!cur || isNewer(f, cur)) slot.set(f.originator!, f);
  }
  return slots;
}

/**
 * The disagreements standing now: pairs of originators whose latest figures in a slot do not
 * overlap, as dedupe keys. Pure; it does not depend on the order figures arrived in.
 */
export function openDisagreements(facts: readonly FigureFact[]): string[] {
  const keys = new Set<string>();
  for (const slot of latestByOriginator(facts).values()) {
    const latest = [...slot.values()];
    for (let i = 0; i < latest.length; i++)
      for (let j = i + 1; j < latest.length; j++) {
        const v = judge(latest[i]!, latest[j]!);
        if (v?.kind === "disagreement") keys.add(v.key);
      }
  }
  return [...keys].sort();
}

/**
 * Judges each incoming figure, in order, against what is known before it (existing figures, then
 * the incoming ones already judged): against its own originator's latest figure in the slot (an
 * update, a revision or a confirmation) and, when it is that originator's new latest figure,
 * against every other originator's latest figure (a disagreement or nothing). Earlier values of
 * other originators are not compared: they were judged when they were the latest. `existing` may
 * hold a slot's whole history or only each originator's latest figure plus the earlier figures of
 * the same value (what the store hands in): the verdicts are the same.
 */
export function decide(existing: readonly FigureFact[], incoming: readonly FigureFact[]): Verdict[] {
  const slots = latestByOriginator(existing);
  // every value each originator gave per slot, to recognise a repeat citation of an older value
  const given = new Map<string, FigureFact[]>();
  const remember = (f: FigureFact) => {
    const k = `${slotKey(f)}\u0000${f.originator}`;
    const list = given.get(k);
    if (list) list.push(f);
    else given.set(k, [f]);
  };
  for (const f of existing) if (isComparable(f)) remember(f);
  const verdicts: Verdict[] = [];
  for (const f of incoming) {
    if (!isComparable(f)) continue;
    const k = slotKey(f);
    const slot = slots.get(k) ?? new Map<string, FigureFact>();
    slots.set(k, slot);
    const own = slot.get(f.originator!);
    const mine: Verdict[] = [];
    const againstOwn = own ? judge(f, own) : null;
    if (againstOwn) mine.push(againstOwn);
    // a value the originator already gave is a citation: it revises nothing, even when the
    // originator has moved on since (its change was judged when the new value arrived)
    const earlier = given.get(`${k}\u0000${f.originator}`) ?? [];
    const repeat = earlier.find((g) => g !== own && judge(f, g)?.kind === "confirmation");
    if (repeat && againstOwn?.kind === "revision") mine.splice(0, 1, judge(f, repeat)!);
    const newLatest = !own || isNewer(f, own);
    if (newLatest) {
      for (const [originator, g] of slot) {
        if (originator === f.originator) continue;
        const v = judge(f, g);
        if (v) mine.push(v);
      }
      slot.set(f.originator!, f);
    }
    verdicts.push(...mine);
    remember(f);
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
 * One alert per new figure and kind, covering every value pair not alerted before (`known`): a
 * figure at odds with three originators who agree with each other is one disagreement, not three.
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
    const id = `${v.figure.id}|${v.kind}`;
    const g = groups.get(id);
    if (!g) groups.set(id, { first: v, others: [v.other], keys: [v.key] });
    else {
      g.keys.push(v.key);
      if (!g.others.some((o) => o.originator === v.other.originator && valueLabel(o) === valueLabel(v.other)))
        g.others.push(v.other);
    }
  }
  return [...groups.values()];
}
