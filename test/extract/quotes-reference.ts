// The quotation finder as it was before it jumped over marks that cannot matter while a quotation is
// open or shut: the reference for test/extract/quotes-scan.test.ts.
import type { QuoteSpan } from "../../src/extract/quotes.js";

const MARK_RE = /["'“”‘’«»„\n\r\u2028\u2029]/g;
const DQ = 34; // "
const SQ = 39; // '
const LDQ = 0x201c; // “
const RDQ = 0x201d; // ”
const LSQ = 0x2018; // ‘
const RSQ = 0x2019; // ’
const LAQ = 0xab; // «
const RAQ = 0xbb; // »
const LOW_DQ = 0x201e; // „ (opens, closed by “ or ”)

const MAX_QUOTE = 3000;

const isLetter = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 0xbf && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isNewline = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009;

// Family of a quotation: 1 double (straight, curly, low), 2 single curly, 3 guillemets, 4 straight single.
type Family = 0 | 1 | 2 | 3 | 4;

/** Words after `s’ ` that suggest the ’ closed a quotation rather than marking a plural possessive. */
const AFTER_CLOSE =
  /^(?:said|says|say|added|adds|told|tells|wrote|asked|he|she|they|it|we|i|and|or|but|as|while|before|after|when|because|in|on|at|to|for|from|with|by|of|that|which|who|was|were|is|are|had|has|have|according|adding|saying|the|a|an|his|her|their|its|one|another|following|amid|over|against|since|until|then|into|about)\b/i;

/** Elisions written with a leading apostrophe: 'em, 'til, 'n', 'tis. */
const ELISION_RE = /^'(?:em|til|n'|tis|cause|bout)(?![\p{L}])/iu;

function opensFamily(c: number): Family {
  if (c === LDQ || c === LOW_DQ) return 1;
  if (c === LSQ) return 2;
  if (c === LAQ) return 3;
  return 0;
}

/** Can a straight " at i open a quotation (after space, start, bracket, dash, colon or another mark)? */
function straightOpens(text: string, i: number): boolean {
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  if (isLetter(p) || isDigit(p)) return false;
  if (p === 46 || p === 44 || p === 33 || p === 63 || p === 59) {
    // closing-like position: "end." or "word," followed by a mark
    return false;
  }
  return true;
}

/** Is ’ at i a closing mark of an open single quotation (rather than an apostrophe)? */
function singleCloses(text: string, i: number, mark: number): boolean {
  const n = text.length;
  const p = i > 0 ? text.charCodeAt(i - 1) : 32;
  const nx = i + 1 < n ? text.charCodeAt(i + 1) : 32;
  if (isLetter(nx) || isDigit(nx)) return false; // don’t, Syria’s, ’90s
  if (!isLetter(p)) return true; // after punctuation: ,’ .’ ?’
  if (p !== 115 && p !== 83) return true; // not after s: a plain close (‘walk naked’ before)
  // after s: families’ homes vs ‘the martyrs’ he said. Look at the next word.
  let k = i + 1;
  while (k < n && isBlank(text.charCodeAt(k))) k++;
  if (k >= n || isNewline(text.charCodeAt(k))) return true;
  const c = text.charCodeAt(k);
  if (!isLetter(c)) return true;
  if (AFTER_CLOSE.test(text.slice(k, k + 12))) return true;
  // a later ’ in the same paragraph (bounded look-ahead) that could close instead
  const limit = Math.min(n, i + 400);
  for (let j = i + 1; j < limit; j++) {
    const cj = text.charCodeAt(j);
    if (isNewline(cj)) break;
    if (cj !== mark) continue;
    const b = text.charCodeAt(j - 1);
    const a = j + 1 < n ? text.charCodeAt(j + 1) : 32;
    if (!(isLetter(a) || isDigit(a)) || !isLetter(b)) return false;
  }
  return true;
}

function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}

/** Finds every quotation span, in text order. Linear in the length of the text. */
export function findQuotesReference(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const n = text.length;
  let family: Family = 0;
  let straight = false; // the open double quotation began with a straight "
  let openAt = -1;
  let paraStart = false;
  let group = 0;
  let continuing = false; // the open quote continues a quote from the previous paragraph
  let prevEvent = -1; // offset of the previous mark or newline seen

  const emit = (close: number, closed: boolean) => {
    const [s, e] = trimmed(text, openAt + 1, close);
    if (e > s) {
      if (!continuing) group++;
      out.push({ open: openAt, close, start: s, end: e, group, closed, paraStart });
    }
    family = 0;
    openAt = -1;
    continuing = false;
  };

  // jump from mark to mark: the regex engine skips ordinary text far faster than a char loop
  MARK_RE.lastIndex = 0;
  for (let mm = MARK_RE.exec(text); mm !== null; mm = MARK_RE.exec(text)) {
    const i = mm.index;
    const c = text.charCodeAt(i);
    // only blanks since the previous newline (or the start)?
    let b = i - 1;
    while (b > prevEvent && isBlank(text.charCodeAt(b))) b--;
    const atLineStart = b < 0 || (b === prevEvent && isNewline(text.charCodeAt(b)));
    prevEvent = i;
    if (isNewline(c)) {
      if (family !== 0) {
        // continues when the next non-blank line opens with a mark of the same family
        let k = i + 1;
        while (k < n && (isBlank(text.charCodeAt(k)) || isNewline(text.charCodeAt(k)))) k++;
        const next = k < n ? text.charCodeAt(k) : 0;
        const same =
          (family === 1 && (next === LDQ || next === DQ || next === LOW_DQ)) ||
          (family === 2 && next === LSQ) ||
          (family === 3 && next === LAQ) ||
          (family === 4 && next === SQ);
        const fam: Family = family;
        const wasStraight: boolean = straight;
        emit(i, false);
        if (same) {
          // the next paragraph's opening mark re-opens the same quotation
          MARK_RE.lastIndex = k + 1;
          prevEvent = k;
          family = fam;
          straight = wasStraight && next === DQ;
          openAt = k;
          paraStart = true;
          continuing = true;
          continue;
        }
      }
      continue;
    }
    if (family !== 0 && i - openAt > MAX_QUOTE) {
      // an unbalanced mark: give up on this quotation without emitting it
      family = 0;
      openAt = -1;
      continuing = false;
    }
    if (family === 0) {
      let f = opensFamily(c);
      if (f === 2) {
        // ‘ opens only where a word cannot continue (not "don‘t" from bad typography)
        const p = i > 0 ? text.charCodeAt(i - 1) : 32;
        if (isLetter(p) || isDigit(p)) f = 0;
      }
      if (c === DQ && straightOpens(text, i)) f = 1;
      // a straight ' opens only before a word and where no word continues ('We were…', not rock'n'roll)
      if (
        c === SQ &&
        straightOpens(text, i) &&
        i + 1 < n &&
        isLetter(text.charCodeAt(i + 1)) &&
        !ELISION_RE.test(text.slice(i, i + 7))
      )
        f = 4;
      if (f !== 0) {
        family = f;
        straight = c === DQ;
        openAt = i;
        paraStart = atLineStart;
      }
      continue;
    }
    if (family === 1) {
      if (c === RDQ || c === DQ || (c === LDQ && !straight && text.charCodeAt(openAt) === LOW_DQ))
        emit(i, true);
      else if (c === LDQ && i > openAt + 1) {
        // a second opening mark before any close: the first was unbalanced; restart here
        const p = text.charCodeAt(i - 1);
        if (!isLetter(p)) {
          openAt = i;
          straight = false;
          paraStart = atLineStart;
          continuing = false;
        }
      }
      continue;
    }
    if (family === 2) {
      if (c === RSQ && singleCloses(text, i, RSQ)) emit(i, true);
      continue;
    }
    if (family === 4) {
      if (c === SQ && singleCloses(text, i, SQ)) emit(i, true);
      continue;
    }
    if (family === 3 && c === RAQ) emit(i, true);
  }
  if (family !== 0) emit(n, false);
  return out;
}
