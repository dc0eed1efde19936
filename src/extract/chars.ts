// Character classes shared by the hand-written scans of src/extract/.

/** What \s matches in a JavaScript regex (white space and line terminators), for one UTF-16 unit. */
export function isJsSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const ANY_CASE = new Map<string, RegExp>();
/**
 * A global pattern for `word` as written, ASCII letters in either case: on text of ASCII and general
 * punctuation its matches are where text.toLowerCase() holds the lower-case word, without lower-casing the
 * text. A bounded memo across articles; the caller sets lastIndex.
 */
export function anyCase(word: string): RegExp {
  let re = ANY_CASE.get(word);
  if (re === undefined) {
    if (ANY_CASE.size >= 2000) ANY_CASE.clear();
    re = new RegExp(word.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"), "gi");
    ANY_CASE.set(word, re);
  }
  return re;
}

/** Characters outside ASCII other than general punctuation (’ “ ” – — …). */
const BEYOND_ASCII = /[^\x00-\x7f\u2000-\u206f]/;
let lastText: string | null = null;
let lastBeyond = false;
/**
 * Whether `text` holds a character outside ASCII and general punctuation (the lazy name indexes read only
 * text that does not). The last answer is kept: both indexes of an article ask about the same text.
 */
export function beyondAscii(text: string): boolean {
  if (text !== lastText) {
    lastBeyond = BEYOND_ASCII.test(text);
    lastText = text;
  }
  return lastBeyond;
}
