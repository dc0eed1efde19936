// Duplicate detection keys: a canonical URL and a hash of the normalised text.
import { createHash } from "node:crypto";

const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|smid)$/i;

/** Canonical form of an article URL: no fragment, no tracking parameters, lower-case host, no trailing slash. */
export function canonicalUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  u.hash = "";
  u.hostname = u.hostname.toLowerCase().replace(/^www\./, "");
  const keep = [...u.searchParams.entries()]
    .filter(([k]) => !TRACKING.test(k))
    .sort(([a], [b]) => a.localeCompare(b));
  u.search = "";
  for (const [k, v] of keep) u.searchParams.append(k, v);
  if (u.pathname.length > 1 && u.pathname.endsWith("/")) u.pathname = u.pathname.replace(/\/+$/, "") || "/";
  return u.toString().replace(/^http:/, "https:");
}

/** Hash of the text after folding case, accents, punctuation and whitespace: reformatted copies collide. */
export function contentHash(text: string): string {
  return createHash("sha256").update(foldedText(text)).digest("hex");
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 unit outside surrogates: 0 not yet known, 1 a letter or digit, 2 anything else. */
const WORD_UNIT = new Uint8Array(0x10000);

function isWordUnit(c: number): boolean {
  let k = WORD_UNIT[c]!;
  if (k === 0) {
    k = LETTER_OR_NUMBER.test(String.fromCharCode(c)) ? 1 : 2;
    WORD_UNIT[c] = k;
  }
  return k === 1;
}

/**
 * The text lower-cased, without accents, as its runs of letters and digits joined by single spaces:
 * what splitting on /[^\p{L}\p{N}]+/u gives, read in one pass with a per-character table.
 */
export function foldedText(text: string): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  let out = "";
  let start = -1;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    let width = 1;
    let word: boolean;
    if (c < 0xd800 || c > 0xdfff) word = isWordUnit(c);
    else {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) width = 2;
      word = LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
    }
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out = out ? `${out} ${s.slice(start, i)}` : s.slice(start, i);
      start = -1;
    }
    i += width;
  }
  if (start >= 0) out = out ? `${out} ${s.slice(start)}` : s.slice(start);
  return out;
}
