// The sentence splitter as it was before it jumped over characters that cannot matter in the current
// quotation state: the reference for test/extract/sentences-scan.test.ts.
import type { Sentence } from "../../src/core/types.js";
import { isJsSpace } from "../../src/extract/chars.js";

/** Abbreviations after which a period does not end a sentence (compared lower case, without the dot). */
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "gen",
  "lt",
  "col",
  "sgt",
  "gov",
  "sen",
  "rep",
  "prof",
  "capt",
  "cpl",
  "maj",
  "adm",
  "brig",
  "cmdr",
  "rev",
  "hon",
  "pres",
  "supt",
  "insp",
  "det",
  "jr",
  "sr",
  "mt",
  "ft",
  "no",
  "vs",
  "etc",
  "approx",
  "est",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "u.s",
  "u.n",
  "u.k",
  "u.s.a",
  "e.g",
  "i.e",
  "d.c",
]);

const isUpper = (c: number) =>
  (c >= 65 && c <= 90) || (c > 127 && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase());
const isLower = (c: number) =>
  (c >= 97 && c <= 122) || (c > 127 && String.fromCharCode(c) !== String.fromCharCode(c).toUpperCase());
const isLetter = (c: number) => isUpper(c) || isLower(c);
const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009;
const isNewline = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

const DQ = 34; // "
const LDQ = 0x201c; // “
const RDQ = 0x201d; // ”
const LSQ = 0x2018; // ‘
const RSQ = 0x2019; // ’
const CLOSERS = new Set([DQ, RDQ, RSQ, 39, 41, 93, 0xbb]); // " ” ’ ' ) ] »

/** The word before position `dot` (letters and inner dots), lower case. */
function wordBefore(text: string, dot: number): string {
  let i = dot - 1;
  while (i >= 0 && i > dot - 12) {
    const c = text.charCodeAt(i);
    if (isLetter(c) || c === 46) i--;
    else break;
  }
  return text.slice(i + 1, dot).toLowerCase();
}

function push(out: Sentence[], text: string, start: number, end: number): void {
  while (start < end && isJsSpace(text.charCodeAt(start))) start++;
  while (end > start && isJsSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}

/**
 * Where a sentence ends if it ends after the terminator run that finishes at `j` (closing quotes and
 * brackets included): returns the start of the next sentence, or -1 for no break here.
 */
function breakAfter(text: string, i: number, j: number): number {
  const n = text.length;
  while (j < n && CLOSERS.has(text.charCodeAt(j))) j++;
  // must be followed by whitespace (so "1.2", "U.S.-led" and "example.com" stay whole)
  if (j < n && !isSpace(text.charCodeAt(j)) && !isNewline(text.charCodeAt(j))) return -1;
  let k = j;
  while (k < n && isSpace(text.charCodeAt(k))) k++;
  if (k >= n || isNewline(text.charCodeAt(k))) return -1; // the newline (or the end) breaks anyway
  if (isLower(text.charCodeAt(k))) return -1;
  if (text.charCodeAt(i) === 46 && (i === 0 || text.charCodeAt(i - 1) !== 46)) {
    const w = wordBefore(text, i);
    if (ABBREVIATIONS.has(w)) return -1;
    // an initial: a single capital letter ("J. R. Smith")
    if (w.length === 1 && isUpper(text.charCodeAt(i - 1))) return -1;
  }
  return k;
}

const SPECIAL = /[\n\r\u2028\u2029"\u201c\u201d\u2018\u2019.!?\u2026]/g;
const isTerminator = (c: number) => c === 46 || c === 33 || c === 63 || c === 0x2026;

export function splitSentencesReference(text: string): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  let start = 0;
  // 0: outside; 1: inside "…" straight; 2: inside “…”; 3: inside ‘…’
  let quote = 0;
  for (let i = 0; i < n; i++) {
    // only newlines, quote marks and terminators change anything: jump to the next one natively
    SPECIAL.lastIndex = i;
    if (!SPECIAL.test(text)) break;
    i = SPECIAL.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (isNewline(c)) {
      push(out, text, start, i);
      start = i + 1;
      quote = 0;
      continue;
    }
    let closed = false;
    if (c === DQ) {
      if (quote === 1) closed = true;
      quote = quote === 1 ? 0 : quote === 0 ? 1 : quote;
    } else if (c === LDQ) {
      if (quote === 0) quote = 2;
      continue;
    } else if (c === RDQ) {
      if (quote === 2 || quote === 1) {
        quote = 0;
        closed = true;
      }
    } else if (c === LSQ) {
      // an opening single quote stands after a space, a bracket, a colon or the start of a line
      if (quote === 0) {
        const p = i > 0 ? text.charCodeAt(i - 1) : 32;
        if (isSpace(p) || isNewline(p) || p === 40 || p === LDQ || p === DQ || p === 58) quote = 3;
      }
      continue;
    } else if (c === RSQ) {
      // ’ before a letter is an apostrophe (Syria’s); otherwise it may close a single quotation
      if (quote === 3) {
        const nx = i + 1 < n ? text.charCodeAt(i + 1) : 32;
        if (!isLetter(nx)) {
          quote = 0;
          closed = true;
        }
      }
    }
    if (closed) {
      // a quotation that ends its sentence: ... the country.” He said
      if (i > 0 && isTerminator(text.charCodeAt(i - 1))) {
        const k = breakAfter(text, i - 1, i + 1);
        if (k >= 0) {
          push(out, text, start, k);
          start = k;
          i = k - 1;
        }
      }
      continue;
    }
    if (quote !== 0 || !isTerminator(c)) continue;
    let j = i + 1;
    while (j < n && isTerminator(text.charCodeAt(j))) j++;
    const k = breakAfter(text, j - 1, j);
    if (k < 0) {
      i = j - 1;
      continue;
    }
    push(out, text, start, k);
    start = k;
    i = k - 1;
  }
  push(out, text, start, n);
  return out;
}
