// Numbers as news writes them: digits (1,000 / 1000 / 1.2 million), words (seven, twenty-three,
// a dozen, two dozen, a hundred), and vague amounts (dozens, hundreds, tens of thousands) whose value is null.

import { isJsSpace } from "./chars.js";

export interface NumberMention {
  /** The value, or null for a vague amount ("hundreds"). */
  value: number | null;
  /** Offsets into the string searched. */
  start: number;
  end: number;
  /** Written in digits. */
  digits: boolean;
  /** A compound adjective ("13-year", "nine-storey", "57-year-old"): not a count of people. */
  compound: boolean;
}

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const MULT: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, dozen: 12 };
const VAGUE = new Set(["dozens", "hundreds", "thousands", "millions", "scores", "tens"]);

const WORD_ALT = [...Object.keys(SMALL), ...Object.keys(MULT), ...VAGUE].join("|");
/** A first token: digits or a number word. */
const TOKEN = new RegExp(String.raw`\d[\d,]*(?:\.\d+)?|\b(?:${WORD_ALT})\b`, "gi");
/** A word number token continuing a run (after a space or a hyphen). */
const CONT = new RegExp(String.raw`^(?:[ -]|\s+and\s+)(${WORD_ALT})\b`, "i");
export const SCALE_AFTER_DIGITS = /^(?:\s*(million|billion|thousand)\b|(m|bn)\b(?![-.]\w))/i;
/** False when SCALE_AFTER_DIGITS cannot match at `end`: its words start with m, b or t after \s. */
export function scaleMayFollow(s: string, end: number): boolean {
  let k = end;
  while (k < s.length && isJsSpace(s.charCodeAt(k))) k++;
  const c = s.charCodeAt(k) | 32;
  return c === 109 || c === 98 || c === 116;
}
const ARTICLE_BEFORE = /\b(?:a|one)\s+$/i;
const HALF_A = /\bhalf\s+a\s+$/i;
const VAGUE_OF = /^\s+of\s+(thousands|millions)\b/i;
const isDigitCode = (c: number) => c >= 48 && c <= 57;
/** First letters of an ordinal suffix (st nd rd th), lower case. */
const ORDINAL_FIRST = new Set([115, 110, 114, 116]);

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /\p{L}/u.test(c);
}

/** Reads a run of number words ("two hundred and fifty", "twenty-three", "two dozen"). */
function wordValue(words: string[]): number | null {
  let total = 0;
  let current = 0;
  let any = false;
  for (const w of words) {
    const s = SMALL[w];
    if (s !== undefined) {
      current += s;
      any = true;
      continue;
    }
    const m = MULT[w];
    if (m !== undefined) {
      if (!any && current === 0) current = 1; // "a hundred", "a dozen"
      if (m >= 1000) {
        total += current * m;
        current = 0;
      } else current *= m;
      any = true;
      continue;
    }
    return null;
  }
  return total + current;
}

/** Every number in `s`, left to right, not overlapping. */
export function findNumbers(s: string): NumberMention[] {
  const out: NumberMention[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(s); m !== null; m = TOKEN.exec(s)) {
    let start = m.index;
    let end = start + m[0].length;
    let value: number | null;
    const digits = isDigitCode(m[0].charCodeAt(0));
    if (digits) {
      let raw = m[0].charCodeAt(m[0].length - 1) === 44 ? m[0].replace(/,+$/, "") : m[0];
      // comma groups must be of three digits ("1,000"); otherwise the first group stands alone ("34,61")
      // (or Indian lakh grouping, "1,42,318")
      if (
        raw.includes(",") &&
        !/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(raw) &&
        !/^\d{1,2}(?:,\d{2})+,\d{3}$/.test(raw)
      )
        raw = raw.split(",")[0]!;
      end = start + raw.length;
      // ordinals and codes: 3rd, 4th, 10km, A320
      if (
        isLetter(s[start - 1]) ||
        (ORDINAL_FIRST.has(s.charCodeAt(end) | 32) && /^(?:st|nd|rd|th)\b/i.test(s.slice(end, end + 3)))
      ) {
        TOKEN.lastIndex = end;
        continue;
      }
      const plain = raw.includes(",") ? raw.replace(/,/g, "") : raw;
      // (only the digits count, so a shorter string has at most 12)
      if (plain.length > 12 && plain.replace(/\D/g, "").length > 12) {
        TOKEN.lastIndex = end;
        continue; // a run of digits, not a count
      }
      value = Number(plain);
      const scale = scaleMayFollow(s, end) ? SCALE_AFTER_DIGITS.exec(s.slice(end, end + 12)) : null;
      if (scale) {
        const w = (scale[1] ?? scale[2] ?? "").toLowerCase();
        value *= w === "thousand" ? 1e3 : w === "billion" || w === "bn" ? 1e9 : 1e6;
        value = Math.round(value);
        end += scale[0].length;
      }
      if (isLetter(s[end])) {
        TOKEN.lastIndex = end;
        continue; // 10km, 5am
      }
    } else {
      const first = m[0].toLowerCase();
      if (VAGUE.has(first)) {
        value = null;
        if (first === "tens" || first === "hundreds") {
          const of = VAGUE_OF.exec(s.slice(end, end + 20));
          if (of) end += of[0].length;
          else if (first === "tens") {
            TOKEN.lastIndex = end;
            continue; // "tens" alone is not a number here
          }
        }
      } else {
        const words = [first];
        for (;;) {
          const c = CONT.exec(s.slice(end, end + 30));
          if (!c) break;
          const w = c[1]!.toLowerCase();
          if (VAGUE.has(w)) break;
          // "and" joins only after hundred/thousand ("two hundred and fifty")
          if (/and/i.test(c[0]) && !/hundred|thousand|million/.test(words[words.length - 1]!)) break;
          words.push(w);
          end += c[0].length;
        }
        value = wordValue(words);
        if (value === null) {
          TOKEN.lastIndex = end;
          continue;
        }
        const head = s.slice(Math.max(0, start - 10), start);
        if (MULT[first] !== undefined) {
          const half = HALF_A.exec(head);
          const art = ARTICLE_BEFORE.exec(head);
          if (half && first === "dozen") {
            value = 6;
            start -= half[0].length;
          } else if (art) {
            start -= art[0].length;
          } else if (first !== "dozen") {
            // "hundred" without an article or a number before it is not a count we can read
            TOKEN.lastIndex = end;
            continue;
          } else {
            TOKEN.lastIndex = end;
            continue;
          }
        }
      }
    }
    const compound = s[end] === "-" && isLetter(s[end + 1]) && !CONT.test(s.slice(end, end + 12));
    out.push({ value, start, end, digits, compound });
    TOKEN.lastIndex = end;
  }
  return out;
}

/** True when `s` holds a digit or a number word (the cheap test before a closer look). */
export const HAS_NUMBER = new RegExp(String.raw`\d|\b(?:${WORD_ALT})\b`, "i");
