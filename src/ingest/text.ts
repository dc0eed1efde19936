// Plain-text articles as newsrooms paste them: an optional `date YYYY-MM-DD` header, a headline or none,
// site chrome (masthead symbols, slogans, "Also Read" trailers) and a byline with a date.
import { createRequire } from "node:module";
import { fail, ok, type Result } from "../core/result.js";
import type { ArticleDraft } from "../core/types.js";

export interface Source {
  url: string | null;
  file: string | null;
}

// ───────────────────────── dates ─────────────────────────

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");

// chrono-node takes a noticeable share of CLI start-up; it is loaded the first time a date is looked for
let chrono: typeof import("chrono-node") | undefined;
const loadChrono = () => {
  chrono ??= createRequire(import.meta.url)("chrono-node") as typeof import("chrono-node");
  return chrono;
};

/** A date with a year, found in free text: `{ date: YYYY-MM-DD, index, length }` of the first one. */
export function findDate(text: string): { date: string; index: number; length: number } | null {
  // only dates with a year count, and a year is four digits
  if (!/\d{4}/.test(text)) return null;
  for (const r of loadChrono().parse(text, undefined, { forwardDate: false })) {
    const s = r.start;
    if (!s.isCertain("year") || !s.isCertain("month") || !s.isCertain("day")) continue;
    const y = s.get("year") ?? 0;
    const m = s.get("month") ?? 0;
    const d = s.get("day") ?? 0;
    if (!validYmd(y, m, d)) continue;
    return { date: `${y}-${pad(m)}-${pad(d)}`, index: r.index, length: r.text.length };
  }
  return null;
}

/**
 * Normalises a published date from metadata: ISO 8601 strings are kept as given (their offset says the
 * outlet's local day), anything else is read for a date with a year and returned as YYYY-MM-DD.
 */
export function normaliseDate(raw: string | null | undefined): string | null {
  const s = raw?.trim();
  if (!s || s.length > 100) return null;
  const iso = ISO_DATE.exec(s);
  if (iso) return validYmd(Number(iso[1]), Number(iso[2]), Number(iso[3])) ? s.replace(" ", "T") : null;
  return findDate(s)?.date ?? null;
}

// ───────────────────────── lines ─────────────────────────

const TERMINAL = /[.!?…:;]["'”’»)\]]*$|["”’»]$/;
const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** Labels that are site furniture wherever they stand on a line of their own. */
const CHROME_LABEL =
  /^(?:advertisement|advert|ad|sponsored(?: content)?|skip (?:to (?:main )?content|advertisement)|story continues (?:below|after) (?:this )?advertisement|scroll to continue(?: with content)?|share(?: this(?: article| story)?)?|share on \w+|click here to .*|sign up (?:for|to) .*newsletter.*|follow us on .*|subscribe(?: now)?|listen to (?:this|the) article|print|email)$/i;

/** "Also Read | Other headline", "READ MORE: Other headline": a link to another story. */
const LINK_LINE =
  /^(?:also read|read also|read more|see also|more on this|related(?: articles?| stories| news| coverage)?|recommended(?: stories)?|you may also like|watch|video)\s*(?:$|[:|–—-]\s*.*)$/i;

/** Markers after which the rest of the text is a list of links to other stories. */
const TRAILER_MARK =
  /^(?:also read|read also|read more|more on this|see also|related(?: articles?| stories| news| coverage)?|recommended(?: stories)?|you may also like|more stories|more from .*|tags?|topics|trending(?: now)?|most read|comments?|share this(?: article| story)?)\s*:?$/i;

/** A line with no letters or digits ("||", "***", "—"). */
const SYMBOLS_ONLY = /^[^\p{L}\p{N}]*$/u;

export function isChromeLine(line: string): boolean {
  if (SYMBOLS_ONLY.test(line)) return true;
  if (line.length > 300) return false;
  return (
    (CHROME_LABEL.test(line) && words(line).length <= 10) ||
    (LINK_LINE.test(line) && words(line).length <= 30)
  );
}

/** Drops site furniture from a list of paragraphs: symbol lines, ad labels, link trailers at the end. */
export function dropChrome(paragraphs: string[]): string[] {
  let end = paragraphs.length;
  // a trailer marker near the end followed only by short headline-like lines: cut from the marker
  for (let i = Math.max(0, paragraphs.length - 12); i < paragraphs.length; i++) {
    if (!TRAILER_MARK.test(paragraphs[i]!)) continue;
    const rest = paragraphs.slice(i + 1).filter((r) => !SYMBOLS_ONLY.test(r));
    if (rest.every((r) => words(r).length <= 20 && !/[.!?]["”’]?$/.test(r))) {
      end = i;
      break;
    }
  }
  return paragraphs.slice(0, end).filter((p) => !isChromeLine(p));
}

/** "date 2025-11-14", "published: 3 May 2024": a metadata line, never the continuation of a sentence. */
const DATE_LINE = /^(?:date|dated|published|posted|updated)\b[\s:=-]*\S*\d/i;

const squeeze = (line: string) => line.replace(/[ \t\u00a0\u2000-\u200a\u202f\u3000]+/g, " ").trim();

/**
 * Splits text into paragraphs. Usually one per line; when the text is hard-wrapped (blank lines between
 * paragraphs and most lines inside them ending mid-sentence) each blank-line block is one paragraph.
 */
export function toParagraphs(text: string): string[] {
  const blocks = text
    .split(/\n[ \t]*\n/)
    .map((b) => b.split("\n").map(squeeze).filter(Boolean))
    .filter((b) => b.length);
  const inner = blocks.flatMap((b) => b.slice(0, -1));
  const long = inner.filter((l) => l.length >= 40);
  const wrapped =
    blocks.length >= 2 &&
    inner.length >= 2 &&
    long.length / inner.length >= 0.6 &&
    inner.filter((l) => !TERMINAL.test(l)).length / inner.length >= 0.6;
  if (wrapped) return blocks.map((b) => b.join(" "));
  const out: string[] = [];
  for (const block of blocks)
    for (const [i, line] of block.entries()) {
      const last = out[out.length - 1];
      // a line that continues a sentence (no end punctuation before, lower-case start) is wrapping
      if (
        i > 0 &&
        last !== undefined &&
        !TERMINAL.test(last) &&
        /^\p{Ll}/u.test(line) &&
        !DATE_LINE.test(line)
      )
        out[out.length - 1] = `${last} ${line}`;
      else out.push(line);
    }
  return out;
}

/** Masthead furniture above a headline: a site name, a slogan, a section label (Title Case, no figures). */
function isMasthead(p: string): boolean {
  const w = words(p);
  return (
    w.length <= 12 &&
    !/\d/.test(p) &&
    w.every((x) => x.replace(/^\P{L}+/u, "").length < 4 || /^\P{L}*\p{Lu}/u.test(x))
  );
}

/** A headline: a short line of a few words without final punctuation. */
export function isHeadline(p: string): boolean {
  const n = words(p).length;
  return n >= 2 && n <= 25 && p.length <= 200 && /\p{L}/u.test(p) && !TERMINAL.test(p);
}

const BYLINE_WORDS =
  /^(?:by|and|&|date|dated|updated|published|posted|last|on|at|am|pm|gmt|utc|ist|est|edt|bst|cet|the|of|-|–|—|\||·|,|:)$/i;

/** A byline with a date ("Amin Masoodi 09 March 2025 05:53", "By A. Writer | Updated 9 Mar 2025"). */
export function bylineDate(p: string): string | null {
  if (words(p).length > 16 || p.length > 140 || /[.!?]["”’]?$/.test(p)) return null;
  const found = findDate(p);
  if (!found) return null;
  const rest = (p.slice(0, found.index) + p.slice(found.index + found.length))
    .replace(/\b\d{1,2}[:.]\d{2}(?::\d{2})?\b/g, " ")
    .replace(/[|·,•/()]/g, " ");
  const restWords = words(rest);
  const ok = restWords.every((w) => BYLINE_WORDS.test(w) || /^[\p{Lu}][\p{L}.'’-]*$/u.test(w));
  return ok && restWords.filter((w) => !BYLINE_WORDS.test(w)).length <= 6 ? found.date : null;
}

/** "By Priya Raman, Staff Reporter", "By AFP": a byline without a date. */
function isByline(p: string): boolean {
  if (p.length > 100 || !/^[Bb]y\s/.test(p)) return false;
  const rest = words(p.slice(3).replace(/[,|·•/]/g, " "));
  return (
    rest.length > 0 &&
    rest.length <= 10 &&
    rest.every(
      (w) =>
        /^[\p{Lu}][\p{L}.'’-]*$/u.test(w) || /^(?:and|&|in|staff|reporter|correspondent|editor)$/i.test(w),
    )
  );
}

const DATE_HEADER = /^\s*(?:date|dated|published|posted)\s*[:=-]?\s*(\d{4}-\d{2}-\d{2})\b[ \t]*/i;
const DATE_HEADER_LINE = /^\s*(?:date|dated|published|posted)\s*:\s*([^\n]{1,80})\n/i;

// ───────────────────────── the reader ─────────────────────────

/**
 * Cleans paragraphs (from a text file or an HTML page) into draft fields: headline first, chrome removed,
 * a byline date taken as the published date when there is no better one.
 */
export function assemble(
  paragraphsIn: string[],
  known: { title: string | null; published: string | null },
): { title: string | null; published: string | null; paragraphs: string[] } {
  let paragraphs = dropChrome(paragraphsIn);
  let title = known.title;
  let published = known.published;
  if (title === null) {
    // a headline in the first few lines; short lines above it without figures are masthead (name, slogan)
    let slogans = 0;
    for (let i = 0; i < Math.min(4, paragraphs.length - 1); i++) {
      const p = paragraphs[i]!;
      if (isHeadline(p) && !bylineDate(p)) {
        title = p;
        paragraphs = paragraphs.slice(i);
        break;
      }
      if (!isMasthead(p)) break;
      // a Title Case line with a full stop at the very top is a slogan even when no headline follows
      if (slogans === i && TERMINAL.test(p)) slogans++;
    }
    if (title === null && slogans) paragraphs = paragraphs.slice(slogans);
  } else if (paragraphs[0] !== undefined && sameText(paragraphs[0], title)) {
    paragraphs = paragraphs.slice(1);
  }
  // bylines near the top: a date in one is the published date; the lines themselves are not article text
  let removed = 0;
  for (let i = 0; i < Math.min(paragraphs.length, 8) && removed < 2; ) {
    const p = paragraphs[i]!;
    const date = title !== null && i === 0 && p === title ? null : bylineDate(p);
    if (date || isByline(p)) {
      if (date) published ??= date;
      paragraphs = paragraphs.filter((_, j) => j !== i);
      removed++;
    } else i++;
  }
  if (title !== null && paragraphs[0] !== title) paragraphs = [title, ...paragraphs];
  return { title, published, paragraphs };
}

function sameText(a: string, b: string): boolean {
  const n = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  return n(a) === n(b);
}

/** Reads a plain-text article. */
export function readText(raw: string, source: Source): Result<ArticleDraft> {
  let text = raw
    .replace(/^\ufeff/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u200b-\u200d\u2060]/g, "");
  let published: string | null = null;
  const header = DATE_HEADER.exec(text);
  if (header?.[1] && normaliseDate(header[1])) {
    published = header[1];
    text = text.slice(header[0].length);
  } else {
    const line = DATE_HEADER_LINE.exec(text);
    const date = line?.[1] ? findDate(line[1]) : null;
    if (line && date) {
      published = date.date;
      text = text.slice(line[0].length);
    }
  }
  const a = assemble(toParagraphs(text), { title: null, published });
  if (!a.paragraphs.length || a.paragraphs.join("").trim() === "")
    return fail("empty", "no article text (only site chrome or whitespace)");
  return ok({
    url: source.url,
    file: source.file,
    title: a.title,
    outlet: null,
    published: a.published,
    text: a.paragraphs.join("\n\n"),
  });
}
