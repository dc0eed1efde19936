// Casualty figures with their originators.
// Only sentences holding a number and a measure term (or carrying on the count of the sentence before)
// are read closely. For each number: is it a toll at all (not an age, a year, a date, a duration, a
// distance, money, a count of things), what is counted (the noun phrase after it), which measure applies
// (a verb or noun after or before it, or the head of a list or breakdown it belongs to), the qualifier
// around it, ranges, superseded and running totals; then who counted it (originators.ts).
import type { Figure, Group, Measure, Qualifier, Sentence } from "../core/types.js";
import { isJsSpace } from "./chars.js";
import type { Doc } from "./doc.js";
import {
  ANY_MEASURE,
  BREAKDOWN_BEFORE,
  CONTINUATION_START,
  GLUE,
  GROUP_TERMS,
  KINSHIP,
  MEASURE_FIRST_WORDS,
  MEASURE_G,
  MONTHS,
  measureOf,
  NON_PEOPLE,
  NP_STOP,
  POSSESSIVE,
  QUALIFIER_AFTER,
  QUALIFIER_BEFORE,
  QUALIFIER_BEFORE_TAILS,
  SUPERSEDED_BEFORE,
  TOLL_NOUN,
  TOLL_VERB_END,
} from "./lexicon.js";
import { findNumbers, HAS_NUMBER, type NumberMention } from "./numbers.js";
import { type Originator, Originators } from "./originators.js";

interface Candidate {
  n: NumberMention;
  reject: boolean;
  /** End of the noun phrase after the number (offset in the sentence). */
  npEnd: number;
  group: Group | null;
  /** The noun phrase has a people noun (or a measure adjective) as its head. */
  people: boolean;
  measure: Measure | null;
  /** The measure came from the words right after the number (its own predicate). */
  postMeasure: boolean;
  qualifier: Qualifier | null;
  rangeRole?: "low" | "high";
  superseded: boolean;
  cumulative: boolean;
  /** Index of the candidate whose measure and source this one inherits (breakdowns, lists). */
  head: number | null;
  /** Has a verb of its own that is not a measure ("of whom 793 had been discharged"). */
  ownPredicate: boolean;
  /** "seven of them police officers", "two of whom have died": a share of the count before. */
  share?: boolean;
  /** "76 of the 137 pupils": the words after belong to the inner number. */
  partitive?: boolean;
  /** The measure is an adjective in the noun phrase ("76 abducted pupils"); a verb before wins. */
  adjMeasure?: boolean;
}

export interface Token {
  t: string;
  start: number;
  end: number;
}

export const TOKEN_RE = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}’'.-]*|[,;:()“”"—–]/gu;
const TOKEN_AT = new RegExp(TOKEN_RE.source, "uy");
const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** , ; : ( ) " */
const isAsciiPunctToken = (c: number) => c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 34;

/**
 * The tokens TOKEN_RE finds from `from` (their start before `to`, at most `max`), trailing dots and
 * apostrophes cut. ASCII is read by hand; at any other character the sticky pattern decides.
 */
export function tokenize(s: string, from: number, to: number, max = 25): Token[] {
  const out: Token[] = [];
  const n = s.length;
  let p = from;
  while (p < n && p < to) {
    const c = s.charCodeAt(p);
    let end = -1;
    if (c < 0x80) {
      if (isAsciiAlnum(c)) {
        let q = p + 1;
        for (;;) {
          const d = s.charCodeAt(q);
          if (isAsciiAlnum(d) || d === 39 || d === 46 || d === 45) q++;
          else if (d >= 0x80) {
            q = -1; // a letter, mark, digit or ’ may follow: the pattern reads this token
            break;
          } else break;
        }
        end = q;
      } else if (isAsciiPunctToken(c)) end = p + 1;
      else {
        p++;
        continue;
      }
    }
    if (end < 0) {
      TOKEN_AT.lastIndex = p;
      const m = TOKEN_AT.exec(s);
      if (!m) {
        // step over a whole code point, as a /u search does
        p += c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(p + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
        continue;
      }
      end = TOKEN_AT.lastIndex;
    }
    let t = s.slice(p, end);
    const last = t.charCodeAt(t.length - 1);
    if (t.length > 1 && (last === 46 || last === 0x2019 || last === 39)) t = t.replace(/[.’']+$/, "");
    out.push({ t, start: p, end: p + t.length });
    if (out.length >= max) break;
    p = end;
  }
  return out;
}

/** /^[“”"]$/ */
export function isQuoteToken(t: string): boolean {
  if (t.length !== 1) return false;
  const c = t.charCodeAt(0);
  return c === 0x201c || c === 0x201d || c === 34;
}
/** /^[,;:()—–]$/ */
export function isStopPunctToken(t: string): boolean {
  if (t.length !== 1) return false;
  const c = t.charCodeAt(0);
  return c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 0x2014 || c === 0x2013;
}
/** /^(?:a|an|the)$/i (without u, /i folds only ASCII letters: c | 32 is the lower case of exactly two codes) */
export function isArticle(t: string): boolean {
  switch (t.length) {
    case 1:
      return (t.charCodeAt(0) | 32) === 97;
    case 2:
      return (t.charCodeAt(0) | 32) === 97 && (t.charCodeAt(1) | 32) === 110;
    case 3:
      return (
        (t.charCodeAt(0) | 32) === 116 && (t.charCodeAt(1) | 32) === 104 && (t.charCodeAt(2) | 32) === 101
      );
    default:
      return false;
  }
}

const NP_STOP_WORD = 1;
const NON_PEOPLE_WORD = 2;
const KINSHIP_WORD = 4;
/** What an organisation calls its own people: "two of our staff", "three of their colleagues". */
const ORG_PEOPLE =
  /^(?:staff|colleagues|workers|employees|members|personnel|volunteers|soldiers|officers|troops|medics|nurses|doctors|teachers|students|journalists|reporters|crew|guards|drivers|fighters|men|people)$/i;

/** NP_STOP, NON_PEOPLE and KINSHIP of the words and pairs of words read so far, one bit each. */
const wordClassCache = new Map<string, number>();
function wordClass(w: string): number {
  let f = wordClassCache.get(w);
  if (f !== undefined) return f;
  f =
    (NP_STOP.test(w) ? NP_STOP_WORD : 0) |
    (NON_PEOPLE.test(w) ? NON_PEOPLE_WORD : 0) |
    (KINSHIP.test(w) ? KINSHIP_WORD : 0);
  if (wordClassCache.size >= 20000) wordClassCache.clear(); // bounded over a stream of articles
  wordClassCache.set(w, f);
  return f;
}

/** Groups of the words and pairs of words read so far (the same few recur in every article). */
const groupCache = new Map<string, Group | null>();
function groupOf(phrase: string): Group | null {
  let g = groupCache.get(phrase);
  if (g !== undefined) return g;
  g = null;
  for (const [gg, re] of GROUP_TERMS)
    if (re.test(phrase)) {
      g = gg;
      break;
    }
  if (groupCache.size >= 20000) groupCache.clear(); // a stream of articles cannot grow it without bound
  groupCache.set(phrase, g);
  return g;
}

const GOVERNMENT_SIDE =
  /\b(?:pro-government|government(?:-| )(?:aligned|allied|backed|affiliated|linked)|(?:linked|loyal|allied|affiliated|attached|belonging) (?:to|with) (?:the )?(?:[\w’'-]+ ){0,3}(?:government|army|state|authorities)|government(?:[’']s)? (?:fighters|forces|troops|security|soldiers))\b/i;

const MEASURE_WORD = new RegExp(MEASURE_G.source, "gi");
const MEASURE_AT = new RegExp(MEASURE_G.source, "iy");
/** For each first letter of a measure term, the lengths of the first words starting with it (a bit each). */
const MEASURE_FIRST_LENGTHS = new Int32Array(26);
for (const w of MEASURE_FIRST_WORDS) MEASURE_FIRST_LENGTHS[w.charCodeAt(0) - 97]! |= 1 << w.length;
/** Whether the run of ASCII letters at `pos` is a word a measure term begins with. */
function startsMeasureWord(s: string, pos: number): boolean {
  const f = (s.charCodeAt(pos) | 32) - 97;
  if (!(f >= 0 && f < 26)) return false;
  let e = pos + 1;
  while (((s.charCodeAt(e) | 32) - 97) >>> 0 < 26) e++;
  const len = e - pos;
  if (len > 30 || !((MEASURE_FIRST_LENGTHS[f]! >> len) & 1)) return false;
  return MEASURE_FIRST_WORDS.has(s.slice(pos, e).toLowerCase());
}

export function measureAt(s: string, pos: number): { measure: Measure; end: number; text: string } | null {
  // a term starts with one of its first words, followed by a space or the end of the word
  if (!startsMeasureWord(s, pos)) return null;
  MEASURE_AT.lastIndex = pos;
  const m = MEASURE_AT.exec(s);
  if (!m) return null;
  return { measure: measureOf(m), end: pos + m[0].length, text: m[0] };
}

const POST_GLUE =
  /(?:\s*["“”’‘]?\s*(?:were|was|are|is|have|has|had|been|being|be|who|that|which|also|all|reportedly|allegedly|confirmed|believed|feared|thought|presumed|known|said|to|later|now|still|already|subsequently|both|each|seriously|critically|fatally|badly|slightly|lightly|may|might|could|would|remain|remained|remains|so far|officially|then|either|eventually|likely|probably|reported|listed|declared|initially|found)\b)*\s*/iy;
// "40 people in the village were …", "1,42,318 people from 38,406 families have been shifted …"
const POST_PREP_THEN_VERB =
  /\s+(?:(?:from|in|at|on|near|across|inside|aboard|of)\s+[^,;.“”"\d]{1,40}?|from\s+(?:about\s+|some\s+|nearly\s+|over\s+|more than\s+)?\d[\d,]*\s+(?:families|households))\s+(?:were|was|are|is|have|has|had|remain|remained|remains)\b/iy;
const APPOSITIVE =
  /\s*,\s*(?:including|among them|mostly|most of them|many of them|mainly|nearly all|all|aged|both|the majority|a|an)\b[^,;]{0,60},/iy;
const ACTIVE_OBJECT =
  /^\s+(?:at least|more than|about|around|some|an estimated|nearly|almost|up to|as many as|over|\d|one|two|three|four|five|six|seven|eight|nine|ten|a|an|the|his|her|their|dozens|hundreds|scores|people|civilians|soldiers|children)\b/i;
const OWN_PREDICATE =
  /^\s*(?:were|was|are|is|have|has|had|remain|remained)(?:\s+(?:been|being|also|still|later|now|all))*\s+(\w+)/i;
const ACTIVE_MEASURE =
  /^(?:killed|killing|kills|kill|injured|injuring|injures|wounded|wounding|kidnapped|abducted|detained|arrested|released|freed|displaced)$/i;

/** Qualifier phrases that can stand before a number; QUAL_WORDS and QUAL_TAILS are both made from it. */
const QUAL_PHRASES = [
  "would not exceed",
  "will not exceed",
  "not exceeding",
  "at least",
  "more than",
  "over",
  "upwards of",
  "no fewer than",
  "no less than",
  "not less than",
  "in excess of",
  "a minimum of",
  "up to",
  "as many as",
  "as high as",
  "nearly",
  "almost",
  "fewer than",
  "less than",
  "no more than",
  "not more than",
  "at most",
  "under",
  "close to",
  "about",
  "around",
  "roughly",
  "some",
  "an estimated",
  "estimated",
  "approximately",
  "well over",
  "just over",
  "just under",
];
export const QUAL_WORDS = new RegExp(String.raw`(?:\b(?:${QUAL_PHRASES.join("|")})\s*["“”']?\s*)+$`, "i");

function qualifierBefore(pre: string): Qualifier | null {
  const end = tailEnd(pre, false);
  const endQuoted = tailEnd(pre, true);
  for (const [q, re] of QUALIFIER_BEFORE) {
    const [quote, tails] = QUALIFIER_TAILSETS[q];
    if (endsWithOneOf(pre, quote ? endQuoted : end, tails) && re.test(pre)) return q;
  }
  return null;
}

// ── cheap tests before end-anchored patterns: an end-anchored pattern is tried from every offset of its
// subject, but it can only match when the subject (its trailing spaces cut) ends with one of its last words.
const isQuoteMark = (c: number) => c === 34 || c === 0x201c || c === 0x201d || c === 39;

/** Where `s` ends once trailing \s is cut (with `quote`: then one of "“”' and \s again, as /\s*["“”']?\s*$/). */
export function tailEnd(s: string, quote: boolean): number {
  let e = s.length;
  while (e > 0 && isJsSpace(s.charCodeAt(e - 1))) e--;
  if (quote && e > 0 && isQuoteMark(s.charCodeAt(e - 1))) {
    e--;
    while (e > 0 && isJsSpace(s.charCodeAt(e - 1))) e--;
  }
  return e;
}

/** Words a text may end with, filed by their last character (lower case). */
export type TailSet = ReadonlyArray<readonly string[] | undefined>;
export function tailSet(words: readonly string[]): TailSet {
  const byLast: string[][] = [];
  for (const w of words) {
    const last = w.charCodeAt(w.length - 1);
    const list = byLast[last] ?? [];
    list.push(w);
    byLast[last] = list;
  }
  return byLast;
}

/** Whether s[0, end) ends with one of `tails` (lower case; ASCII letters match either case, as /i does). */
export function endsWithOneOf(s: string, end: number, tails: TailSet): boolean {
  if (end <= 0) return false;
  let c = s.charCodeAt(end - 1);
  if (c >= 65 && c <= 90) c += 32;
  const list = tails[c];
  if (list === undefined) return false;
  next: for (const t of list) {
    const from = end - t.length;
    if (from < 0) continue;
    for (let i = t.length - 2; i >= 0; i--) {
      const w = t.charCodeAt(i);
      const d = s.charCodeAt(from + i);
      if (d !== w && !(w >= 97 && w <= 122 && d === w - 32)) continue next;
    }
    return true;
  }
  return false;
}

/** Last words of QUAL_WORDS: the phrase list's, so a phrase added there cannot be missed here. */
export const QUAL_TAILS = tailSet([...new Set(QUAL_PHRASES.map((p) => p.slice(p.lastIndexOf(" ") + 1)))]);
/** `s` without the qualifier words it ends with (s.replace(QUAL_WORDS, "")). */
export function stripQual(s: string): string {
  return endsWithOneOf(s, tailEnd(s, true), QUAL_TAILS) ? s.replace(QUAL_WORDS, "") : s;
}

/** Last words of SUPERSEDED_BEFORE. */
export const SUPERSEDED_TAILS = tailSet([
  "from",
  "earlier",
  "previous",
  "initial",
  "prior",
  "toll",
  "figure",
  "count",
  "estimate",
  "of",
  "reported",
  "given",
  "announced",
  "at",
  "said",
]);

/** A running total written before the number ("brings the total to", "the toll has risen to"). */
export const CUMULATIVE_END =
  /(?:\b(?:brings?|bringing|brought|raising|raises|pushing|pushes|taking|takes)\b[^.;]{0,80}\bto|\b(?:total|overall|cumulative|running)\b[^.;]{0,60}\b(?:to|at|of|is|was|stands at|stood at|reached)|\b(?:toll|deaths)\b[^.;]{0,60}\b(?:risen|rose|climbed|increased|jumped|reached|now stands at|has reached)(?:\s+to)?)\s*$/i;
/** Last words of CUMULATIVE_END. */
export const CUMULATIVE_TAILS = tailSet([
  "to",
  "at",
  "of",
  "is",
  "was",
  "reached",
  "risen",
  "rose",
  "climbed",
  "increased",
  "jumped",
]);

const FROM = tailSet(["from"]);
const BETWEEN = tailSet(["between"]);
/** - or – (the dashes of /[-–]$/). */
const isDashUnit = (c: number) => c === 45 || c === 0x2013;
const OF = tailSet(["of"]);
const QUALIFIER_TAILSETS = {
  max: [QUALIFIER_BEFORE_TAILS.max[0], tailSet(QUALIFIER_BEFORE_TAILS.max[1])],
  min: [QUALIFIER_BEFORE_TAILS.min[0], tailSet(QUALIFIER_BEFORE_TAILS.min[1])],
  approx: [QUALIFIER_BEFORE_TAILS.approx[0], tailSet(QUALIFIER_BEFORE_TAILS.approx[1])],
  exact: [QUALIFIER_BEFORE_TAILS.exact[0], tailSet(QUALIFIER_BEFORE_TAILS.exact[1])],
} as const;

const WORD_CHAR = /^[\p{L}\p{M}’'.-]$/u;
const isWordCp = (cp: number) =>
  cp < 0x80
    ? (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || cp === 39 || cp === 46 || cp === 45
    : WORD_CHAR.test(String.fromCodePoint(cp));
const isAsciiWord = (cp: number) =>
  (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57) || cp === 95;
/**
 * The last word of `s`, lower case: what /([\p{L}\p{M}’'.-]+)\W*$/u captures, by a character scan (the
 * pattern retries from every position): the first whole run of word characters followed only by
 * characters outside [A-Za-z0-9_].
 */
export function lastWord(s: string): string {
  let tail = s.length;
  while (tail > 0 && !isAsciiWord(s.charCodeAt(tail - 1))) tail--;
  for (let p = 0; p < s.length; ) {
    const cp = s.codePointAt(p)!;
    if (!isWordCp(cp)) {
      p += cp > 0xffff ? 2 : 1;
      continue;
    }
    let b = p + (cp > 0xffff ? 2 : 1);
    while (b < s.length) {
      const c2 = s.codePointAt(b)!;
      if (!isWordCp(c2)) break;
      b += c2 > 0xffff ? 2 : 1;
    }
    if (b >= tail) return s.slice(p, b).toLowerCase();
    p = b;
  }
  return "";
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const WORD_AFTER = /^\s*([\p{L}\p{M}.%]+)/u;
/**
 * The first word of `s` in lower case, as WORD_AFTER captures it. ASCII is read by hand; at any other
 * character (a no-break space, a letter with an accent) the pattern decides.
 */
export function nextWordOf(s: string): string {
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && (c < 9 || c > 13)) break;
  }
  const from = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return (WORD_AFTER.exec(s)?.[1] ?? "").toLowerCase();
    const l = c | 32;
    if (!((l >= 97 && l <= 122) || c === 46 || c === 37)) break;
  }
  return s.slice(from, i).toLowerCase();
}

/** The first character of `s` after \s, lower case for ASCII letters (-1 for none). */
export function firstAfterSpace(s: string): number {
  let i = 0;
  while (i < s.length && isJsSpace(s.charCodeAt(i))) i++;
  if (i >= s.length) return -1;
  const c = s.charCodeAt(i);
  return c >= 65 && c <= 90 ? c + 32 : c;
}
/** Where `s` ends once trailing \s and hyphens are cut. */
function tailEndDash(s: string): number {
  let e = s.length;
  while (e > 0 && (isJsSpace(s.charCodeAt(e - 1)) || s.charCodeAt(e - 1) === 45)) e--;
  return e;
}
/** First letters of the time words after a number (a, p, g, u, b, c, e, h). */
export const TIME_FIRST = new Set([97, 112, 103, 117, 98, 99, 101, 104]);
export const CURRENCY_TAILS = tailSet(["$", "£", "€", "¥", "₹", "usd", "rs", "rs.", "eur", "gbp"]);
const MAGNITUDE = tailSet(["magnitude"]);
export const AGED_TAILS = tailSet(["aged", "age", "ages", "of", "between", "from"]);
export const NUMBER_TAILS = tailSet(["no", "number", "nos", "no.", "number.", "nos."]);
const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
/**
 * The ASCII letters that end the last ASCII word of `s`. When lastWord(s) is a month name these are its letters
 * (lastWord's run holds that last ASCII word character), so a month test on them comes first.
 */
export function lastAsciiLetters(s: string): string {
  let tail = s.length;
  while (tail > 0 && !isAsciiWord(s.charCodeAt(tail - 1))) tail--;
  let p = tail;
  while (p > 0 && isAsciiLetter(s.charCodeAt(p - 1))) p--;
  return s.slice(p, tail);
}

/** Figures of one sentence. `prevHead` is the first figure of the sentence before (for continuations). */
function sentenceFigures(
  s: Sentence,
  si: number,
  orig: Originators,
  prev: { si: number; figures: Figure[] } | null,
  namedBefore: Measure | null = null,
): Figure[] {
  const text = s.text;
  const nums = findNumbers(text);
  if (!nums.length) return [];
  const cands: Candidate[] = nums.map((n) => ({
    n,
    reject: false,
    npEnd: n.end,
    group: null,
    people: false,
    measure: null,
    postMeasure: false,
    qualifier: null,
    superseded: false,
    cumulative: false,
    head: null,
    ownPredicate: false,
    // every field from the start: one object shape for all candidates
    rangeRole: undefined,
    share: undefined,
    partitive: undefined,
    adjMeasure: undefined,
  }));

  // ── not a toll: ages, years, dates, times, money, percentages, magnitudes, codes ──
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    const { n } = c;
    const pre = text.slice(Math.max(0, n.start - 40), n.start);
    const post = text.slice(n.end, n.end + 40);
    const nextWord = nextWordOf(post);
    const v = n.value;
    // cheap tests before the patterns: the first character after the number, the last word before it
    const f = firstAfterSpace(post);
    const preEnd = tailEnd(pre, false);
    if (n.compound) c.reject = true;
    else if (
      (post.charCodeAt(0) === 58 && isDigit(post.charCodeAt(1))) || // /^:\d/
      (pre.charCodeAt(pre.length - 1) === 58 && isDigit(pre.charCodeAt(pre.length - 2))) || // /\d:$/
      (TIME_FIRST.has(f) && /^\s*(?:am|pm|a\.m|p\.m|gmt|utc|bst|cet|est|hrs|h)\b/i.test(post))
    )
      c.reject = true; // a time
    else if (
      (MONTHS.test(lastAsciiLetters(pre)) && MONTHS.test(lastWord(pre)) && /\p{L}\.?\s+$/u.test(pre)) ||
      (MONTHS.test(nextWord) && /^\s+\p{L}/u.test(post))
    )
      c.reject = true; // a date
    else if ((f === 37 || f === 112) && /^\s*(?:%|percent\b|per cent\b|pc\b)/i.test(post)) c.reject = true;
    else if (
      endsWithOneOf(pre, preEnd, CURRENCY_TAILS) &&
      /(?:[$£€¥₹]|\bUS\$|\bUSD|\bRs\.?|\bEUR|\bGBP)\s*$/.test(pre)
    )
      c.reject = true;
    else if (
      (endsWithOneOf(pre, tailEndDash(pre), MAGNITUDE) && /magnitude[-\s]*$/i.test(pre)) ||
      /^[-\s]*magnitude/i.test(post)
    )
      c.reject = true;
    else if (
      endsWithOneOf(pre, preEnd, AGED_TAILS) &&
      /\b(?:aged|age|ages|age of|ages of|aged between|aged from|ages between)\s*$/i.test(pre)
    )
      c.reject = true;
    else if (
      (v ?? 0) < 120 &&
      /^\s*(?:,|years?\s+old)/i.test(post) &&
      /\b(?:who|he|she|was|is)\s+(?:was|is|aged)?\s*$/i.test(pre)
    )
      c.reject = true;
    else if (f === 121 && /^\s*years?\s+old\b/i.test(post)) c.reject = true;
    // (the cheap tests first: the end-anchored pattern is tried from every offset of pre)
    else if (n.digits && (v ?? 200) < 120 && /^\s*,/.test(post) && /\p{Lu}[\p{L}.-]*,\s*$/u.test(pre))
      c.reject = true; // "Samir Haidar, 67,"
    else if (n.digits && (v ?? 200) < 120 && /^\s*\)/.test(post) && /\(\s*$/.test(pre))
      c.reject = true; // "Smith (34)"
    else if (/^[-–]\d/.test(post) && /\d\s*[-–]\s*$/.test(pre))
      c.reject = true; // 901-528-2274
    else if (
      /^[-–]\d+[-–]\d/.test(post) ||
      (isDashUnit(pre.charCodeAt(pre.length - 1)) && /\d[-–]\d+[-–]$/.test(pre))
    )
      c.reject = true;
    else if (n.digits && endsWithOneOf(pre, preEnd, NUMBER_TAILS) && /\b(?:no|number|nos)\.?\s*$/i.test(pre))
      c.reject = true;
    else if (n.digits && !/,/.test(text.slice(n.start, n.end)) && v !== null && v >= 1900 && v <= 2100) {
      // a year unless a people noun or a measure follows at once ("2000 people", "2000 killed")
      if (
        !/^\s+(?:people|persons|civilians|soldiers|troops|dead|killed|injured|wounded|deaths|casualties|were|have|had)\b/i.test(
          post,
        )
      )
        c.reject = true;
    } else if (!n.digits && v === 1) {
      // "one of the deadliest", "no one was killed"
      if (
        /\b(?:no|any|every|each|the|this|that|which|another|only|first|second|third|fourth|fifth|last|next|other|single)\s*$/i.test(
          pre,
        ) ||
        /^\s+of\b/i.test(post)
      )
        c.reject = true;
    }
    // ages and such carry along a list: "aged four, seven and nine"
    if (!c.reject && k > 0) {
      const p = cands[k - 1]!;
      const gap = text.slice(p.n.end, n.start);
      if (p.reject && /^\s*(?:,|,?\s*and|or|to|-|–)\s*$/.test(gap) && !p.n.compound) {
        const ppre = text.slice(Math.max(0, p.n.start - 25), p.n.start);
        if (/\b(?:aged|age|ages|age of|ages of|aged between|between)\s*$/i.test(ppre) || /[-–]\s*$/.test(gap))
          c.reject = true;
      }
    }
  }

  // ── a past event recalled for comparison: "since 2016, when a quake killed nearly 700 people" ──
  const past = text.includes("when") ? /\b(?:19|20)\d\d,?\s+when\b/.exec(text) : null;
  if (past) for (const c of cands) if (c.n.start > past.index) c.reject = true;

  // ── ranges and vague pairs ──
  for (let k = 0; k + 1 < cands.length; k++) {
    const a = cands[k]!;
    const b = cands[k + 1]!;
    if (a.reject || b.reject || a.n.value === null || b.n.value === null) continue;
    const gap = text.slice(a.n.end, b.n.start);
    const pre = text.slice(Math.max(0, a.n.start - 20), a.n.start);
    if (/^\s+or\s+$/.test(gap)) {
      a.reject = true; // "four or five": too vague to report
      b.reject = true;
      continue;
    }
    const dashTo = /^\s*(?:-|–|—|to)\s*$/.test(gap) && !/\bfrom\s*$/i.test(pre);
    const between =
      endsWithOneOf(pre, tailEnd(pre, false), BETWEEN) &&
      /\bbetween\s*$/i.test(pre) &&
      /^\s+and\s+$/.test(gap);
    if ((dashTo || between) && a.n.value < b.n.value) {
      a.rangeRole = "low";
      b.rangeRole = "high";
    }
  }

  // ── the noun phrase after each number: what is counted ──
  for (const c of cands) {
    if (c.reject) continue;
    parseNounPhrase(text, c, cands);
    c.qualifier = explicitQualifier(text, c);
  }

  // ── measure from the words after or before the number ──
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    if (c.reject) continue;
    if (c.rangeRole === "low") continue; // takes the high end's reading
    if (!c.measure) postMeasure(text, c);
    if (!c.measure) preMeasure(text, c, cands, k, false);
    else if (c.adjMeasure) preMeasure(text, c, cands, k, true); // "free 76 abducted pupils"
    // "recovered 11 bodies": bodies are the dead
    if (!c.measure && c.people && /^\W*(?:\w+\s+){0,2}bod(?:y|ies)\b/i.test(text.slice(c.n.end, c.npEnd)))
      c.measure = "killed";
  }
  // range lows follow their highs
  for (let k = 0; k + 1 < cands.length; k++) {
    const a = cands[k]!;
    const b = cands[k + 1]!;
    if (a.rangeRole !== "low") continue;
    if (b.reject) a.reject = true;
    a.measure = b.measure;
    a.group = b.group;
    a.people = b.people;
    a.postMeasure = b.postMeasure;
    a.ownPredicate = b.ownPredicate;
  }

  propagateLists(text, cands);

  // ── breakdowns: "..., including 745 civilians" takes the measure of the count it splits ──
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    if (c.reject || !c.share) continue;
    const before = cands.slice(0, k).reverse();
    const prevNum = before.find((o) => !o.reject);
    if (prevNum && c.group === null) c.group = prevNum.group;
    const hd = before.find((o) => !o.reject && o.measure);
    if (!hd) continue;
    c.measure ??= hd.measure;
    c.head = cands.indexOf(hd);
  }
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    if (c.reject || c.measure) continue;
    for (let h = k - 1; h >= 0; h--) {
      const hd = cands[h]!;
      if (hd.reject || !hd.measure) continue;
      const between = text.slice(hd.npEnd, c.n.start);
      if (BREAKDOWN_BEFORE.test(between) || BREAKDOWN_BEFORE.test(text.slice(hd.n.end, c.n.start))) {
        c.measure = hd.measure;
        c.head = h;
      }
      break;
    }
  }

  // ── "Of the dead, eight were ...", "Among all deaths recorded, 97 were children": a share of a toll ──
  for (const c of cands) {
    if (c.reject || c.measure) continue;
    const pre = text.slice(Math.max(0, c.n.start - 80), c.n.start);
    const m =
      /\b(?:of|among)\s+(?:the|all|those|all the)?\s*(dead|deaths|victims|fatalities|injured|wounded|casualties|missing|killed)\b[^,.;]{0,50},\s*$/i.exec(
        pre,
      );
    if (!m || !/^\s+(?:were|was|are|is|had|have)\b/i.test(text.slice(c.npEnd, c.npEnd + 10))) continue;
    c.measure = /victims|dead|deaths|fatalities|killed/i.test(m[1]!)
      ? "killed"
      : (measureAt(pre, m.index + m[0].indexOf(m[1]!))?.measure ?? "killed");
    c.postMeasure = true;
    c.ownPredicate = false;
    c.people = true;
    const g = /^\s+(?:were|was|are|is)\s+(?:(?:all|mostly|also)\s+)?([\p{L}-]+(?:\s+[\p{L}-]+)?)/iu.exec(
      text.slice(c.npEnd, c.npEnd + 60),
    );
    if (g && c.group === null) c.group = groupOf(g[1]!) ?? groupOf(g[1]!.split(/\s+/)[0]!);
  }

  // ── a sentence that carries on the count of the sentence before ("This included about 125 ...") ──
  const prevHead = prev?.figures.find((f) => !f.superseded) ?? null;
  const continues = prevHead !== null && CONTINUATION_START.test(text);
  if (continues) {
    for (const c of cands) if (!c.reject && !c.measure && c.people) c.measure = prevHead!.measure;
  }
  // "… the number of people detained was higher. The group put the figure at nearly 400"
  if (namedBefore) {
    for (const c of cands) {
      if (c.reject || c.measure) continue;
      const before = stripQual(text.slice(Math.max(0, c.n.start - 40), c.n.start));
      if (!PUT_FIGURE_AT_END.test(before)) continue;
      c.measure = namedBefore;
      c.people = true;
      c.postMeasure = true;
    }
  }

  propagateLists(text, cands);

  // ── superseded figures take the measure of the figure they precede or follow ──
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    if (c.reject) continue;
    const pre = text.slice(Math.max(0, c.n.start - 60), c.n.start);
    const preEnd = tailEnd(pre, false);
    const fromAfterNumber =
      k > 0 &&
      !cands[k - 1]!.reject &&
      endsWithOneOf(pre, preEnd, FROM) &&
      /\d[^.;\d]{0,30}\bfrom\s*$/i.test(pre);
    if ((endsWithOneOf(pre, preEnd, SUPERSEDED_TAILS) && SUPERSEDED_BEFORE.test(pre)) || fromAfterNumber) {
      c.superseded = true;
      if (!c.measure) {
        const other = cands.find((o, j) => j !== k && !o.reject && o.measure && !o.superseded);
        if (other) {
          c.measure = other.measure;
          c.group ??= other.group;
          c.head = cands.indexOf(other);
        }
      }
    }
  }

  // "21 soldiers were killed and 14 wounded": the second number counts the same kind of people
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k]!;
    if (c.reject || c.group !== null || c.rangeRole === "low") continue;
    const p = cands[k - 1]!;
    if (p.reject || p.group === null) continue;
    const bare = !/\p{L}/u.test(text.slice(c.n.end, c.npEnd).replace(MEASURE_WORD, ""));
    if (!bare) continue;
    const gap = text.slice(p.npEnd, c.n.start);
    if (gap.length <= 60 && /\band\b/.test(gap) && !/[;:]/.test(gap)) c.group = p.group;
  }

  const out: Figure[] = [];
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    if (c.reject || !c.measure) continue;
    // a breakdown or list item with a predicate of its own ("of whom 793 had been discharged")
    if (c.ownPredicate && !c.postMeasure && c.head !== null) continue;
    // a number without anything counted and no measure attached to it directly is too loose
    if (c.n.value === 1 && !c.people) continue;
    const pre = text.slice(Math.max(0, c.n.start - 100), c.n.start);
    const qualifier =
      c.rangeRole === "low" ? "min" : c.rangeRole === "high" ? "max" : (c.qualifier ?? "exact");
    const preNoQual = stripQual(pre);
    const cumulative =
      endsWithOneOf(preNoQual, tailEnd(preNoQual, false), CUMULATIVE_TAILS) && CUMULATIVE_END.test(preNoQual);
    const f: Figure = {
      count: c.n.value,
      measure: c.measure,
      group: c.group ?? "total",
      qualifier,
      source: null,
      sourceSurface: null,
      text,
      start: s.start + c.n.start,
      end: s.start + c.n.end,
    };
    if (c.rangeRole) f.rangeRole = c.rangeRole;
    if (c.superseded) f.superseded = true;
    if (cumulative && !c.superseded) f.cumulative = true;
    // who counted
    let o: Originator | null = orig.forFigure(si, c.n.start);
    if (!o && c.head !== null) {
      const hf = out.find((x) => x.start === s.start + cands[c.head!]!.n.start);
      if (hf?.source) o = { source: hf.source, surface: hf.sourceSurface ?? hf.source };
    }
    if (!o && prev && (prev.si === si - 1 || continues)) {
      const pf = prev.figures.find((x) => x.source);
      if (pf?.source) o = { source: pf.source, surface: pf.sourceSurface ?? pf.source };
    }
    if (o) {
      f.source = o.source;
      f.sourceSurface = o.surface;
    }
    // "security sources estimate their own casualties": the group of whoever counted
    if (f.sourceSurface && /\btheir own\s+\w*\s*(?:at|of|to)?\s*[^\d]{0,20}$/i.test(pre)) {
      if (
        /\b(?:security|army|military|police|forces|troops|ministry of defen[cs]e|defen[cs]e ministry)\b/i.test(
          f.sourceSurface,
        )
      )
        f.group = "security_forces";
    }
    out.push(f);
  }
  return out;
}

/**
 * Whether a gap between two numbers can be a list joint (", and", " as well as", " plus" with `plus`): its first
 * character after \s is a comma, an a or a p. Cutting qualifier words off its end keeps that character or leaves
 * only \s, which no joint is.
 */
export function listGapStart(gap: string, plus: boolean): boolean {
  const f = firstAfterSpace(gap);
  return f === 44 || f === 97 || (plus && f === 112);
}

/** Lists ("125 members ... and 148 fighters were killed") share a measure and a qualifier. */
function propagateLists(text: string, cands: Candidate[]): void {
  // lists ("125 members ... and 148 fighters were killed") share a measure ──
  for (let k = 0; k + 1 < cands.length; k++) {
    const a = cands[k]!;
    const b = cands[k + 1]!;
    if (a.reject || b.reject || a.rangeRole === "low") continue;
    const raw = text.slice(a.npEnd, b.n.start);
    if (!listGapStart(raw, true)) continue;
    const gap = stripQual(raw);
    if (!/^\s*(?:,\s*(?:and\s+)?|,?\s+and\s+|\s+as well as\s+|\s+plus\s+)$/i.test(gap)) continue;
    if (!a.measure && b.measure && b.postMeasure) {
      a.measure = b.measure;
      a.head = k + 1;
    } else if (a.measure && !b.measure) {
      b.measure = a.measure;
      b.head = a.head ?? k;
    }
  }
  // "about 125 fighters ... and 148 pro-Assad fighters": the qualifier carries along the list
  for (let k = 0; k + 1 < cands.length; k++) {
    const a = cands[k]!;
    const b = cands[k + 1]!;
    if (a.reject || b.reject || a.rangeRole || b.rangeRole || b.qualifier !== null || a.qualifier === null)
      continue;
    const gap = text.slice(a.npEnd, b.n.start);
    if (listGapStart(gap, false) && /^\s*(?:,\s*(?:and\s+)?|,?\s+and\s+|\s+as well as\s+)$/i.test(gap))
      b.qualifier = a.qualifier;
  }
  // lists resolved right to left too ("745 civilians, 125 members and 148 fighters were killed")
  for (let k = cands.length - 2; k >= 0; k--) {
    const a = cands[k]!;
    const b = cands[k + 1]!;
    if (a.reject || b.reject || a.measure || !b.measure || a.rangeRole === "low") continue;
    const raw = text.slice(a.npEnd, b.n.start);
    if (!listGapStart(raw, false)) continue;
    const gap = stripQual(raw);
    if (/^\s*(?:,\s*(?:and\s+)?|,?\s+and\s+|\s+as well as\s+)$/i.test(gap)) {
      a.measure = b.measure;
      a.head = k + 1;
    }
  }
}

/** The qualifier written around a number ("at least", "or more", "a dozen"), or null for none. */
function explicitQualifier(text: string, c: Candidate): Qualifier | null {
  const pre = text.slice(Math.max(0, c.n.start - 40), c.n.start);
  const post = text.slice(c.n.end, c.n.end + 12);
  const q = qualifierBefore(pre);
  if (q) return q;
  for (const [qq, re] of QUALIFIER_AFTER) if (re.test(post)) return qq;
  if (!c.n.digits && /dozen/i.test(text.slice(c.n.start, c.n.end))) return "approx";
  return null;
}

/** Reads the noun phrase after a number: its group, whether it counts people, where it ends. */
function parseNounPhrase(text: string, c: Candidate, cands: Candidate[]): void {
  const { n } = c;
  // the phrase reads at most toks[14]
  const toks = tokenize(text, n.end, n.end + 140, 15);
  let i = 0;
  let end = n.end;
  // the last three words before the number, read only when a kinship noun asks for them
  let preTokens: string[] | null = null;
  // "two of his brothers", "12 of them", "76 of the 137 pupils"
  if (toks[0]?.t.toLowerCase() === "of") {
    const t1 = toks[1]?.t.toLowerCase() ?? "";
    if (POSSESSIVE.test(t1)) {
      // "two of his brothers" is a witness's family; "two of our staff" is an organisation's people
      const t2 = toks[2]?.t ?? "";
      if (!/^(?:our|their)$/.test(t1) || !t2 || KINSHIP.test(t2) || !ORG_PEOPLE.test(t2)) {
        c.reject = true;
        return;
      }
      i = 2;
    } else if (/^(?:them|those|whom|these|which|us)$/.test(t1)) {
      // "nine people, seven of them police officers": a share named by its group takes the head's measure;
      // "two of whom have died": a share with a measure of its own; "12 of them critically": no toll
      const t2 = toks[2]?.t ?? "";
      const t3 = toks[3]?.t ?? "";
      const g = (t3 ? groupOf(`${t2} ${t3}`) : null) ?? groupOf(t2);
      if (g) {
        c.group = g;
        c.people = true;
        c.share = true;
        c.npEnd = t3 && groupOf(`${t2} ${t3}`) ? toks[3]!.end : (toks[2]?.end ?? n.end);
        return;
      }
      c.npEnd = toks[1]!.end;
      c.share = true;
      c.people = true;
      POST_GLUE.lastIndex = c.npEnd;
      const gl = POST_GLUE.exec(text);
      if (!measureAt(text, c.npEnd + (gl ? gl[0].length : 0))) c.reject = true;
      return;
    }
    // (i is 2 after "of our"/"of their" + an organisation's people: read on from there)
    if (i === 0) {
      // "seven of the dead were children": a share of a toll, named by its group; any other share is no toll
      const afterOf = text.slice(toks[1]?.start ?? n.end, n.end + 80);
      const share =
        /^(?:the\s+|those\s+)?(dead|victims|deceased|fatalities|killed|injured|wounded|missing|abducted|hostages)(?:\s+(?:there|so far|in \w+))?\s+(?:were|are|was|included)\s+(?:(?:all|mostly|mainly|also)\s+)?([\p{L}-]+(?:\s+[\p{L}-]+)?)/iu.exec(
          afterOf,
        );
      if (
        /^(?:the\s+|those\s+)?(?:dead|victims|deceased|fatalities|killed|injured|wounded|missing|abducted|hostages)\b/i.test(
          afterOf,
        )
      ) {
        const g = share ? (groupOf(share[2]!) ?? groupOf(share[2]!.split(/\s+/)[0]!)) : null;
        if (!share || !g) {
          // "84 of the dead found in Kerr County" is a toll of a place; "11 of the injured had been flown" is not
          const dead = /^(?:the\s+|those\s+)?(?:dead|victims|deceased|fatalities|killed)\b/i.exec(afterOf);
          if (!dead) {
            c.reject = true;
            return;
          }
          c.measure = "killed";
          c.postMeasure = true;
          c.people = true;
          c.npEnd = (toks[1]?.start ?? n.end) + dead[0].length;
          return;
        }
        const mm = measureAt(text, (toks[1]?.start ?? n.end) + afterOf.indexOf(share[1]!));
        c.measure = /victims|deceased/i.test(share[1]!) ? "killed" : (mm?.measure ?? "killed");
        c.postMeasure = true;
        c.group = g;
        c.people = true;
        c.npEnd = n.end + (toks[1]?.start ?? n.end) - n.end + share[0].length;
        return;
      }
      // "of the 137 pupils": the next number speaks for this one's group
      i = 1;
      if (toks[1] && /^the$/i.test(toks[1].t)) i = 2;
      const inner = toks[i];
      c.partitive = inner !== undefined && cands.some((o) => o !== c && o.n.start === inner.start);
    }
  }
  let nounSeen = false;
  // "20 or more people", "30 or so bodies"
  if (/^or$/i.test(toks[0]?.t ?? "") && /^(?:more|so)$/i.test(toks[1]?.t ?? "")) i = 2;
  for (; i < toks.length && i < 14; i++) {
    const tok = toks[i]!;
    const t = tok.t;
    if (isQuoteToken(t)) {
      if (i === 0 || (i === 2 && c.partitive)) continue;
      break;
    }
    if (isStopPunctToken(t)) break;
    const lower = t.toLowerCase();
    if (lower === "and" || lower === "or" || lower === "plus") {
      // "women and children" goes on; "... and accused the Houthis" or "... and 148 fighters" ends the phrase
      const nx = toks[i + 1];
      if (!nx) break;
      // "campers and counselors": a plural noun that is neither a number nor a verb carries the phrase on
      const plural =
        /^\p{Ll}[\p{L}-]*s$/u.test(nx.t) &&
        !(wordClass(nx.t) & NP_STOP_WORD) &&
        !measureAt(text, nx.start) &&
        !(wordClass(nx.t) & NON_PEOPLE_WORD);
      const prevPlural = i > 0 && /^\p{Ll}[\p{L}-]*s$/u.test(toks[i - 1]!.t);
      if (!groupOf(nx.t) && !((nounSeen || prevPlural) && plural)) break;
      continue;
    }
    if (cands.some((o) => o !== c && o.n.start === tok.start)) {
      // another number inside the phrase ("of the 137 pupils"): its phrase is ours
      if (i <= 2) continue;
      break;
    }
    const m = measureAt(text, tok.start);
    if (m) {
      // "the 12 dead", "a dozen injured miners", "47 injured": an adjective or a noun naming the measure
      if (!nounSeen) {
        c.measure = m.measure;
        c.postMeasure = true;
        c.adjMeasure = true;
        c.people = true;
        end = m.end;
        // carry on only for an adjective before a noun ("injured miners")
        const after = text.slice(m.end, m.end + 30);
        const nextTok = /^\s+([\p{L}-]+)/u.exec(after)?.[1] ?? "";
        if (nextTok && groupOf(nextTok)) {
          c.group = groupOf(nextTok);
          end = m.end + after.indexOf(nextTok) + nextTok.length;
        }
      }
      break;
    }
    const cls = wordClass(t);
    if (cls & NP_STOP_WORD) break;
    const prevT = i > 0 ? toks[i - 1]!.t.toLowerCase() : "";
    if (isArticle(t) && !/^(?:of|to|with)$/.test(prevT)) break;
    // "needed to be evacuated": an infinitive is not part of the phrase ("linked to the government" is)
    if (
      lower === "to" &&
      !/^(?:linked|loyal|allied|affiliated|close|belonging|attached|aligned|opposed)$/.test(prevT)
    )
      break;
    if (/^(?:needed|need|needs|expected|due|set|likely|able|going|trying|waiting)$/.test(lower)) break;
    // two-word groups first ("security forces", "aid workers", "police officers")
    const two = i + 1 < toks.length ? `${t} ${toks[i + 1]!.t}` : "";
    const g2 = two ? groupOf(two) : null;
    const g = g2 ?? groupOf(t);
    if (g) {
      if (c.group === null) c.group = g;
      c.people = true;
      nounSeen = true;
      end = g2 ? toks[i + 1]!.end : tok.end;
      if (g2) i++;
      continue;
    }
    if (cls & NON_PEOPLE_WORD || (two && wordClass(two) & NON_PEOPLE_WORD)) {
      if (!nounSeen) {
        c.reject = true;
        return;
      }
      break;
    }
    if (cls & KINSHIP_WORD) {
      preTokens ??= text
        .slice(Math.max(0, n.start - 30), n.start)
        .split(/\s+/)
        .filter(Boolean)
        .slice(-3);
      if (preTokens.some((p) => POSSESSIVE.test(p))) {
        c.reject = true;
        return;
      }
    }
    end = tok.end;
  }
  c.npEnd = end;
  const np = text.slice(n.end, end);
  if (c.group === "fighters" && GOVERNMENT_SIDE.test(np)) c.group = "security_forces";
  if (c.group === null && /\bmembers\b/i.test(np) && /\bsecurity\b/i.test(np)) c.group = "security_forces";
  // own predicate: "of whom 793 had been discharged"
  const rest = text.slice(end, end + 40);
  const op = OWN_PREDICATE.exec(rest);
  if (op && !measureAt(text, end + rest.indexOf(op[1]!))) c.ownPredicate = true;
}

/** A measure after the noun phrase: "were killed", "died", "remain missing", "lost their lives". */
function postMeasure(text: string, c: Candidate): void {
  if (c.partitive) return;
  let pos = c.npEnd;
  APPOSITIVE.lastIndex = pos;
  const ap = APPOSITIVE.exec(text);
  if (ap) pos += ap[0].length;
  POST_GLUE.lastIndex = pos;
  const g = POST_GLUE.exec(text);
  const glued = g ? g[0] : "";
  let at = pos + glued.length;
  let m = measureAt(text, at);
  // "still being held": a measure may begin inside the glue words
  if (!m) {
    const re = /\S+/g;
    for (let w = re.exec(glued); w !== null && !m; w = re.exec(glued)) {
      const hit = measureAt(text, pos + w.index);
      if (hit) {
        m = hit;
        at = pos + w.index;
      }
    }
  }
  if (!m) {
    POST_PREP_THEN_VERB.lastIndex = pos;
    const pp = POST_PREP_THEN_VERB.exec(text);
    if (!pp) return;
    at = pos + pp[0].length;
    POST_GLUE.lastIndex = at;
    const g2 = POST_GLUE.exec(text);
    at += g2 ? g2[0].length : 0;
    m = measureAt(text, at);
    if (!m) return;
  }
  // "12 gunmen killed 3 people": the phrase is the agent, not the victims
  if (!/\S/.test(glued) && ACTIVE_MEASURE.test(m.text) && ACTIVE_OBJECT.test(text.slice(m.end, m.end + 30)))
    return;
  c.measure = m.measure;
  c.postMeasure = true;
  c.ownPredicate = false;
  if (!c.people && c.group === null && c.npEnd === c.n.end) c.people = true; // "15 were hurt"
}

/**
 * The last of the matches a global MEASURE_G search finds in `s`. A match needs \b before it, so only the
 * starts of ASCII words that begin some term are tried, with the sticky pattern; after a match the search goes
 * on from its end, as the global search does.
 */
export function lastMeasure(s: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  const n = s.length;
  let p = 0;
  while (p < n) {
    if ((p === 0 || !isAsciiWord(s.charCodeAt(p - 1))) && startsMeasureWord(s, p)) {
      MEASURE_AT.lastIndex = p;
      const m = MEASURE_AT.exec(s);
      if (m) {
        last = m;
        p = MEASURE_AT.lastIndex;
        continue;
      }
    }
    p++;
  }
  return last;
}

/** A measure before the number: "killing at least", "the death toll rose to", "among the dead were". */
function preMeasure(text: string, c: Candidate, cands: Candidate[], k: number, strict: boolean): void {
  // a range is read from before its low end: "the bodies of between 60 and 70 victims"
  const low = c.rangeRole === "high" && k > 0 ? cands[k - 1]! : null;
  const numStart = low ? low.n.start : c.n.start;
  const from = Math.max(0, numStart - 140);
  let windowStart = from;
  // not across another accepted number
  for (let j = low ? k - 2 : k - 1; j >= 0; j--) {
    const o = cands[j]!;
    // "rose from 20 to 35": the earlier figure does not cut 35 off from the toll before it
    if (!o.reject && /\bfrom\s*$/i.test(text.slice(Math.max(0, o.n.start - 8), o.n.start))) continue;
    if (!o.reject) {
      windowStart = Math.max(windowStart, o.npEnd);
      break;
    }
  }
  const rawPre = text.slice(windowStart, numStart);
  const pre = endsWithOneOf(rawPre, tailEnd(rawPre, false), BETWEEN)
    ? rawPre.replace(/\bbetween\s*$/i, "")
    : rawPre;
  const preNoQual = stripQual(pre);
  if (endsWithOneOf(preNoQual, tailEnd(preNoQual, false), OF) && /\bbod(?:y|ies)\s+of\s*$/i.test(preNoQual)) {
    c.measure = "killed";
    return;
  }
  const last = lastMeasure(pre);
  if (!last) return;
  const term = last[0];
  // "agreed to free 50 hostages", "demanded the release of": intentions are not counts
  if (/\b(?:to|will|would|must|should|could|may|might)\s+$/i.test(pre.slice(0, last.index))) return;
  const between = pre.slice(last.index + term.length);
  const betweenNoQual = stripQual(between);
  const betweenWords = betweenNoQual
    .replace(/[“”"‘’']/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const glueOnly = betweenWords.every((w) => GLUE.has(w.toLowerCase())) && !/[,;:()]/.test(betweenNoQual);
  const before = pre.slice(0, last.index);
  const tollNoun = TOLL_NOUN.test(term) || /\bnumber of\s+(?:\w+\s+){0,2}$/i.test(before);
  const tollVerb =
    tollNoun &&
    betweenWords.length <= 22 &&
    !/[;]|\b(?:according|said|says|told)\b/i.test(betweenNoQual) &&
    TOLL_VERB_END.test(betweenNoQual.replace(/[“”"‘’']/g, "").trimEnd() || "of");
  if (!glueOnly && (strict || !tollVerb)) return;
  // a passive measure before a number is no measure of it: "were killed in 30 massacres" (handled by the NP)
  c.measure = measureOf(last);
  if (!c.group && TOLL_NOUN.test(term)) {
    // "civilian martyrs which amounted to 973", "child deaths rose to": the word before a toll noun
    const w = /([\p{L}-]+)\s*$/u.exec(before)?.[1] ?? "";
    const g = /^civilian$/i.test(w) ? "civilians" : /^child$/i.test(w) ? "children" : groupOf(w);
    if (g && g !== "total") c.group = g;
  }
  c.ownPredicate = false;
}

/** Very long "sentences" (tables, junk, runs of digits) are read in bounded pieces so work stays linear. */
const MAX_SENTENCE = 1500;
function boundedSentences(sentences: Sentence[]): Sentence[] {
  if (sentences.every((s) => s.text.length <= MAX_SENTENCE)) return sentences;
  const out: Sentence[] = [];
  for (const s of sentences) {
    if (s.text.length <= MAX_SENTENCE) {
      out.push(s);
      continue;
    }
    let from = 0;
    while (from < s.text.length) {
      let to = Math.min(s.text.length, from + MAX_SENTENCE);
      if (to < s.text.length) {
        const cut = s.text.lastIndexOf(" ", to);
        if (cut > from + MAX_SENTENCE / 2) to = cut;
      }
      out.push({ text: s.text.slice(from, to), start: s.start + from, end: s.start + to });
      from = to;
    }
  }
  return out;
}

/** "put the figure at 400", "estimated the number at about 400": a count whose measure was named before. */
const PUT_FIGURE_AT =
  /\b(?:put|puts|putting|placed|places|estimated|estimates|gave|gives)\s+(?:the|its|their|that)\s+(?:figure|number|total|count|tally)\s+at\b/i;
const PUT_FIGURE_AT_END =
  /\b(?:put|puts|putting|placed|places|estimated|estimates|gave|gives)\s+(?:the|its|their|that)\s+(?:figure|number|total|count|tally)\s+at\s*$/i;
/** The measure of "the number of people detained", "the number of dead" in a sentence without its count. */
function numberOfMeasure(sentence: string): Measure | null {
  const m = /\bnumber of (?:(?:people|persons|those|civilians)\s+)?/i.exec(sentence);
  if (!m) return null;
  return measureAt(sentence, m.index + m[0].length)?.measure ?? null;
}

/** "28 of the victims were children": a share of a toll names no measure word of its own. */
const SHARE_OF_TOLL = /\bof\s+(?:the\s+|those\s+)?(?:victims|deceased)\b/i;

export function extractFigures(input: Doc): Figure[] {
  const out: Figure[] = [];
  const doc: Doc = { text: input.text, sentences: boundedSentences(input.sentences) };
  let orig: Originators | null = null;
  let prev: { si: number; figures: Figure[] } | null = null;
  const sentences = doc.sentences;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    if (!HAS_NUMBER.test(s.text)) continue;
    const anyMeasure = ANY_MEASURE.test(s.text);
    let namedBefore: Measure | null = null;
    if (!anyMeasure && si > 0 && PUT_FIGURE_AT.test(s.text))
      namedBefore = numberOfMeasure(sentences[si - 1]!.text);
    if (
      !namedBefore &&
      !anyMeasure &&
      !SHARE_OF_TOLL.test(s.text) &&
      !(prev && prev.si >= si - 2 && CONTINUATION_START.test(s.text))
    )
      continue;
    orig ??= new Originators(doc);
    const figs = sentenceFigures(s, si, orig, prev && prev.si >= si - 2 ? prev : null, namedBefore);
    if (figs.length) {
      out.push(...figs);
      prev = { si, figures: figs };
    }
  }
  // a figure given without its originator (a headline) takes the originator of the same figure elsewhere
  const sourced = new Map<string, Figure>();
  for (const f of out)
    if (f.source && f.count !== null) {
      const key = `${f.count}|${f.measure}`;
      if (!sourced.has(key)) sourced.set(key, f);
    }
  for (const f of out) {
    if (f.source || f.count === null) continue;
    const same = sourced.get(`${f.count}|${f.measure}`);
    if (same) {
      f.source = same.source;
      f.sourceSurface = same.sourceSurface;
      if (f.group === "total" && same.group !== "total") f.group = same.group;
    }
  }
  return out;
}
