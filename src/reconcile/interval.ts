// A figure as the interval of counts it allows, and the comparisons reconciliation makes on them.
import type { Qualifier } from "../core/types.js";

/** Inclusive bounds; `high` is Infinity for "at least" figures. */
export interface Interval {
  low: number;
  high: number;
}

/** ± share of an approximate figure ("about 745"). */
export const APPROX_SHARE = 0.1;

export function intervalOf(count: number, qualifier: Qualifier): Interval {
  switch (qualifier) {
    case "exact":
      return { low: count, high: count };
    case "approx":
      return { low: count * (1 - APPROX_SHARE), high: count * (1 + APPROX_SHARE) };
    case "min":
      return { low: count, high: Number.POSITIVE_INFINITY };
    case "max":
      return { low: 0, high: count };
  }
}

/** "between 30 and 40": the two ends in either order. */
export function rangeInterval(a: number, b: number): Interval {
  return { low: Math.min(a, b), high: Math.max(a, b) };
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.low <= b.high && b.low <= a.high;
}

export function contains(outer: Interval, inner: Interval): boolean {
  return outer.low <= inner.low && inner.high <= outer.high;
}

/** Two point counts that differ by more than rounding (1%, at least one unit). */
export function materiallyDifferent(a: number, b: number, share = 0.01): boolean {
  const diff = Math.abs(a - b);
  return diff >= 1 && diff > share * Math.max(Math.abs(a), Math.abs(b));
}

/** A bound ("at least", "up to") pins no value: anything inside it is consistent with it. */
export function isBound(qualifier: Qualifier): boolean {
  return qualifier === "min" || qualifier === "max";
}

/** "at least", "about", "up to": the qualifier as an editor reads it before the number. */
export function qualifierWords(qualifier: Qualifier): string {
  switch (qualifier) {
    case "exact":
      return "";
    case "approx":
      return "about";
    case "min":
      return "at least";
    case "max":
      return "up to";
  }
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** "at least 1,000", "745", "30–40". */
export function describeValue(count: number, qualifier: Qualifier, range?: Interval | null): string {
  // the ends of a range may come marked "min" and "max": the range says it better
  if (range && range.low !== range.high && Number.isFinite(range.high))
    return `${formatCount(range.low)}–${formatCount(range.high)}`;
  const words = qualifierWords(qualifier);
  return words ? `${words} ${formatCount(count)}` : formatCount(count);
}
