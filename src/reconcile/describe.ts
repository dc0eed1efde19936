// Words for figures: "at least 200 security forces killed". Pure.
import type { Group, Measure, Qualifier } from "../core/types.js";
import { describeValue, type Interval } from "./interval.js";

const GROUP_WORDS: Record<Group, string> = {
  total: "people",
  civilians: "civilians",
  children: "children",
  women: "women",
  security_forces: "security forces",
  fighters: "fighters",
  journalists: "journalists",
  aid_workers: "aid workers",
  health_workers: "health workers",
  other: "others",
};

export const groupWords = (g: Group): string => GROUP_WORDS[g];

/** "at least 200 security forces killed", "745 civilians killed". */
export function describeFigure(
  count: number,
  qualifier: Qualifier,
  measure: Measure,
  group: Group,
  range?: Interval | null,
): string {
  return `${describeValue(count, qualifier, range)} ${GROUP_WORDS[group]} ${measure}`;
}

/** "9 Mar 2025" from an ISO date or datetime; the input when it is not one. */
export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
