// Quoted statements with their speakers.
// 1. quotes.ts finds the quotation spans (one linear scan).
// 2. speakers.ts reads the attribution around each span (after it, then before it, in its sentence).
// 3. Spans without attribution inherit it: the next paragraph of a multi-paragraph quote, a second
//    quote in the same sentence or paragraph, or a quote paragraph following a speaker's quote.
// 4. Pronouns go to the last fitting person (a quoted speaker or a sentence subject); short names go
//    to the full name the article gives (NameIndex); "the interim president" to the named president.
// 5. Fragments of one speaker in one sentence are joined; bare scare quotes are dropped.
import type { Sentence, Statement, StatementKind } from "../core/types.js";
import type { Doc } from "./doc.js";
import {
  clearRunsCache,
  isAcronym,
  isOrgWord,
  LazyPersonIndex,
  looksLikeOrg,
  looksLikePlace,
  NameIndex,
  type NameRun,
  nameRuns,
  type PersonIndex,
  splitTitle,
  stripLeading,
} from "./names.js";
import { findQuotes, type QuoteSpan } from "./quotes.js";
import {
  type Attribution,
  clearKindCache,
  collapseWhitespace,
  kindOf,
  nameAndTitle,
  postAttribution,
  preAttribution,
  sentenceSpeaker,
} from "./speakers.js";

interface Resolved {
  speaker: string | null;
  surface: string | null;
  role: string | null;
  kind: StatementKind;
  /** A person (named or described), rather than an institution. */
  person: boolean;
}

interface Found extends Resolved {
  span: QuoteSpan;
  sentence: number;
  at: number;
  attributed: boolean;
}

const PRONOUN_RE = /^(?:he|she|they|it|we|i)$/i;
const PREPOSITION_BEFORE_RE =
  /\b(?:in|at|on|from|near|for|to|by|with|of|against|toward|towards|under|over|between|into|after|before|than|like|about|across|through|via|an|a)\s+$/i;
const ROLE_HEAD_RE =
  /\b(president|minister|envoy|chief|spokesman|spokeswoman|spokesperson|ambassador|leader|secretary|governor|mayor|commander|premier|chancellor|commissioner|general|king|emir|director|coordinator|rapporteur|prosecutor|sheriff)$/i;
const MAX_QUOTE_CHARS = 2500;

export function extractStatements(doc: Doc): Statement[] {
  const text = doc.text;
  if (!text) return [];
  const spans = findQuotes(text);
  if (!spans.length) return [];
  // caches of short strings live for one article: a long stream of articles would only fill them
  clearRunsCache();
  clearKindCache();
  READINGS.clear();
  const names: PersonIndex = LazyPersonIndex.fits(text) ? new LazyPersonIndex(text) : new NameIndex(text);
  const sentences = doc.sentences;
  const lines = lineStarts(text);
  const lineStart = (_t: string, pos: number) => lines[lineIndex(lines, pos)]!;
  const lineEnd = (t: string, pos: number) => {
    const k = lineIndex(lines, pos) + 1;
    return k < lines.length ? lines[k]! - 1 : t.length;
  };
  const found: Found[] = [];
  const inheritFrom = (span: QuoteSpan, continuing: boolean, paraStart: number, si: number) =>
    inherit(found, span, continuing, paraStart, si, lineStart(text, Math.max(0, paraStart - 2)));

  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const prev = i > 0 ? spans[i - 1]! : null;
    const next = i + 1 < spans.length ? spans[i + 1]! : null;
    const continuing = prev !== null && prev.group === span.group;
    // an unbalanced mark that does not start a paragraph is not a quotation
    const continued = next !== null && next.group === span.group;
    if (!span.closed && !span.paraStart && !continuing && !continued) continue;
    if (span.end - span.start > MAX_QUOTE_CHARS) continue;

    const paraStart = lineStart(text, span.open);
    const paraEnd = lineEnd(text, span.close);
    const si = sentenceAt(sentences, span.open);
    let ctxStart = si >= 0 ? Math.max(sentences[si]!.start, paraStart) : paraStart;
    if (prev && prev.close >= ctxStart && prev.close < span.open) ctxStart = prev.close + 1;
    const postLimit = Math.min(next ? next.open : text.length, paraEnd, span.close + 300);

    // the last character only: an end-anchored pattern would be tried from every offset of the quote
    const lastChar = text.slice(span.start, span.end).slice(-1);
    const endsSentence = lastChar !== "" && ".!?…".includes(lastChar);
    const post = span.closed ? postAttribution(text, span.close + 1, postLimit) : null;
    const pre = preAttribution(text, ctxStart, span.open);
    let att: Attribution | null;
    if (post && pre) att = endsSentence && lastChar !== "!" && lastChar !== "?" ? pre : post;
    else att = post ?? pre;

    let res: Resolved | null = att ? resolve(att, text, names, found, sentences, spans) : null;
    const attributed = res !== null && res.speaker !== null;
    if (!attributed && span.paraStart && !continuing && si > 0) {
      // a quote paragraph introduced by the sentence before it ("A monk ... described the moment.")
      const intro = sentences[si - 1]!;
      if (intro.end <= paraStart && !overlapsQuote(spans, intro.start, intro.end)) {
        const a = sentenceSpeaker(text, intro.start, intro.end);
        const r = a ? resolve(a, text, names, found, sentences, spans) : null;
        if (a && r && r.speaker !== null) {
          res = r;
          att = a;
        }
      }
    }
    if (!attributed && (res === null || res.speaker === null)) {
      const inherited = inheritFrom(span, continuing, paraStart, si);
      if (inherited) res = inherited;
    }
    found.push({
      speaker: res ? res.speaker : null,
      surface: res ? res.surface : null,
      role: res ? res.role : null,
      kind: res ? res.kind : "witness",
      person: res ? res.person : false,
      span,
      sentence: si,
      at: att ? att.at : span.open,
      attributed,
    });
  }

  return assemble(found, text, sentences, lineStart, lineEnd);
}

/** Speaker of an unattributed span from its neighbours. */
function inherit(
  found: Found[],
  span: QuoteSpan,
  continuing: boolean,
  paraStart: number,
  sentence: number,
  prevPara: number,
): Resolved | null {
  const last = found[found.length - 1];
  if (!last || last.speaker === null) return null;
  if (continuing && last.span.group === span.group) return last;
  if (last.sentence === sentence && sentence >= 0) return last;
  // same paragraph
  if (last.span.open >= paraStart) return last;
  // a quote paragraph right after a paragraph holding the last quote
  if (span.paraStart) {
    if (last.span.open >= prevPara) return last;
  }
  return null;
}

function resolve(
  att: Attribution,
  text: string,
  names: PersonIndex,
  found: Found[],
  sentences: Sentence[],
  spans: QuoteSpan[],
): Resolved | null {
  const surface = collapseWhitespace(att.surface).trim();
  if (PRONOUN_RE.test(surface)) {
    const r = resolvePronoun(surface.toLowerCase(), att.at, text, names, found, sentences, spans);
    return r ? { ...r, surface } : null;
  }
  const r = readPhrase(surface);
  const stripped = r.stripped;
  if (r.name !== null) {
    const full = names.resolve(r.name, att.at);
    const role = att.role ?? (r.titled || (full?.role ?? null));
    const speaker = full ? full.name : r.name;
    // a single capitalised word that the article never names in full and that carries no title is
    // most likely a person only when it stands alone as the subject ("Haidar said")
    return { speaker, surface, role, kind: kindOf(speaker, role), person: true };
  }
  // "the interim president" → the person the article titles president
  if (r.roleHead !== null) {
    const p = names.byRole(r.roleHead, att.at);
    if (p) {
      const full = names.resolve(p.name, att.at) ?? p;
      return {
        speaker: full.name,
        surface,
        role: stripped,
        kind: kindOf(full.name, `${stripped} ${p.role ?? ""}`),
        person: true,
      };
    }
  }
  const kind = kindOf(stripped, att.role);
  r.institutional ??= looksInstitutional(stripped);
  return { speaker: stripped, surface, role: att.role, kind, person: !r.institutional };
}

/** What an attribution phrase says on its own, whatever its position: read once per phrase and article. */
interface Reading {
  /** Without a leading "the". */
  stripped: string;
  /** The person it names (not an institution or a place), or null. */
  name: string | null;
  /** Title or role words written with that name ("" if none). */
  titled: string;
  /** "the interim president" → "president": a role to look up among the article's persons. */
  roleHead: string | null;
  institutional: boolean | undefined;
}

const READINGS = new Map<string, Reading>();

function readPhrase(surface: string): Reading {
  let r = READINGS.get(surface);
  if (r === undefined) {
    r = computeReading(surface);
    READINGS.set(surface, r);
  }
  return r;
}

function computeReading(surface: string): Reading {
  const stripped = surface.replace(/^(?:the)\s+/i, "");
  const r: Reading = { stripped, name: null, titled: "", roleHead: null, institutional: undefined };
  // a named person: the last capitalised run, after its title
  const nt = nameAndTitle(stripped);
  const runs = nameRuns(stripped);
  const lastRun = runs[runs.length - 1];
  // an indefinite description ("an Alawite in Damascus") is never a name; nor is a place after a preposition
  const indefinite = /^(?:a|an|one|another|some|two|three|several)\s/i.test(stripped);
  const afterPrep = lastRun
    ? /\b(?:in|at|of|from|near|for|to|by|with|on)\s+$/i.test(stripped.slice(0, lastRun.start))
    : false;
  if (
    nt &&
    lastRun &&
    !indefinite &&
    !afterPrep &&
    lastRun.end >= stripped.length - 1 &&
    !lastRun.possessive
  ) {
    const words = nt.name.split(" ");
    const isOrg = looksLikeOrg(words) || (words.length === 1 && isAcronym(words[0]!));
    if (!isOrg && !looksLikePlace(words)) {
      const lowerRole = stripped
        .slice(0, lastRun.start)
        .trim()
        .replace(/^(?:the|a|an)\s+/i, "");
      r.name = nt.name;
      r.titled = joinRole(lowerRole, nt.title);
      return r;
    }
  }
  const head = ROLE_HEAD_RE.exec(stripped.replace(/\s+(?:of|for|to|in)\s.*$/i, ""));
  if (head && /^(?:the|this|that)\s/i.test(surface)) r.roleHead = head[1]!;
  return r;
}

function joinRole(lower: string, title: string | null): string {
  return [lower, title].filter(Boolean).join(" ").trim();
}

function looksInstitutional(s: string): boolean {
  if (
    /\b(?:ministry|government|authorities|army|police|presidency|office|council|agency|committee|group|observatory|network|union|embassy|department|forces|military|monitor|watchdog|organi[sz]ation|commission|court|service|services|administration|regime|media|state)\b/i.test(
      s,
    )
  )
    return !/\b(?:spokes(?:man|woman|person)|official|officer|chief|head|minister|director|source)\b/i.test(
      s,
    );
  const runs = nameRuns(s);
  return runs.some(
    (r) => r.tokens.some((t) => isOrgWord(t.text)) || (r.tokens.length === 1 && isAcronym(r.text)),
  );
}

type Subject = { at: number; r: Omit<Resolved, "surface"> };
/** Person subjects per sentence, per document (keyed by its sentence array). */
const SUBJECTS = new WeakMap<Sentence[], Map<number, Subject | null>>();

/** The last fitting person (or, for "it", institution) before `at`. */
function resolvePronoun(
  pronoun: string,
  at: number,
  text: string,
  names: PersonIndex,
  found: Found[],
  sentences: Sentence[],
  spans: QuoteSpan[],
): Omit<Resolved, "surface"> | null {
  const wantPerson = pronoun !== "it";
  // the last attributed speaker
  let best: { at: number; r: Omit<Resolved, "surface"> } | null = null;
  for (let k = found.length - 1; k >= 0; k--) {
    const f = found[k]!;
    if (f.speaker === null || f.at >= at) continue;
    if (at - f.at > 1500) break;
    if (wantPerson ? f.person || pronoun === "they" || pronoun === "we" : !f.person) {
      best = { at: f.at, r: f };
      break;
    }
  }
  // the subject of a recent sentence
  let si = sentenceAt(sentences, at);
  const stop = Math.max(-1, si - 6);
  for (; si > stop; si--) {
    const s = sentences[si];
    if (!s) continue;
    if (best && s.end <= best.at) break;
    let subj: { at: number; r: Omit<Resolved, "surface"> } | null = null;
    // a sentence wholly before `at` has the same person subject for every pronoun: compute it once
    const cacheable = wantPerson && s.end <= at;
    let cache = SUBJECTS.get(sentences);
    if (cacheable && cache?.has(si)) {
      subj = cache.get(si) ?? null;
      if (subj && (!best || subj.at > best.at)) {
        best = { at: subj.at, r: subj.r };
        break;
      }
      continue;
    }
    if (wantPerson && s.end <= at && !overlapsQuote(spans, s.start, s.end)) {
      // the speaker of a reported-speech sentence ("The head of the rescue office, Budiono, said the boy…")
      const a = sentenceSpeaker(text, s.start, s.end);
      if (a && !PRONOUN_RE.test(a.surface.trim())) {
        const r = resolve(a, text, names, found, sentences, spans);
        if (r?.speaker && r.person) subj = { at: a.at, r };
      }
    }
    subj ??= wantPerson ? personSubject(s, at, names, spans) : institutionSubject(s, at, names, spans);
    if (cacheable) {
      if (!cache) {
        cache = new Map();
        SUBJECTS.set(sentences, cache);
      }
      cache.set(si, subj);
    }
    if (subj && (!best || subj.at > best.at)) {
      best = { at: subj.at, r: subj.r };
      break;
    }
  }
  return best ? best.r : null;
}

/** Does any quotation span overlap text[start, end)? */
function overlapsQuote(spans: QuoteSpan[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (s.close < start) lo = mid + 1;
    else if (s.open >= end) hi = mid - 1;
    else return true;
  }
  return false;
}

function insideQuote(spans: QuoteSpan[], pos: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (pos < s.open) hi = mid - 1;
    else if (pos > s.close) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The first person named in a sentence outside quotes and not after a preposition, before `limit`. */
function personSubject(
  s: Sentence,
  limit: number,
  names: PersonIndex,
  spans: QuoteSpan[],
): { at: number; r: Omit<Resolved, "surface"> } | null {
  for (const run of sentenceRuns(s, names)) {
    const at = s.start + run.start;
    if (at >= limit) break;
    if (run.possessive || insideQuote(spans, at)) continue;
    const tokens = stripLeading(run.tokens);
    if (!tokens.length) continue;
    const tokStart = tokens[0]!.start;
    if (PREPOSITION_BEFORE_RE.test(s.text.slice(Math.max(0, tokStart - 12), tokStart))) continue;
    const { role, name } = splitTitle(tokens);
    const words = name.map((t) => t.text);
    if (!words.length || looksLikeOrg(words) || looksLikePlace(words)) continue;
    const full = names.resolve(words.join(" "), at);
    if (!full && words.length < 2 && !role.length) continue;
    const speaker = full ? full.name : words.join(" ");
    const r = role.length ? role.map((t) => t.text).join(" ") : (full?.role ?? null);
    return { at, r: { speaker, role: r, kind: kindOf(speaker, r), person: true } };
  }
  // "a resident", "one survivor" as the subject
  const m =
    /^(?:[^,]*,\s*)?((?:a|an|one|another)\s+(?:[\p{L}-]+\s+){0,3}?(?:resident|witness|survivor|man|woman|mother|father|relative|neighbou?r|villager|farmer|teacher|student|doctor|nurse|worker|official|activist|driver|shopkeeper|local))\b/iu.exec(
      s.text,
    );
  if (m && s.start + m.index < limit) {
    const sp = m[1]!;
    return {
      at: s.start + (m.index ?? 0),
      r: { speaker: sp, role: null, kind: kindOf(sp, null), person: true },
    };
  }
  return null;
}

/** Name runs in the first 400 characters of a sentence, from the article's own scan when possible. */
function sentenceRuns(s: Sentence, names: PersonIndex): NameRun[] {
  return names.runsIn(s.start, s.start + Math.min(400, s.text.length)) ?? nameRuns(s.text.slice(0, 400));
}

function institutionSubject(
  s: Sentence,
  limit: number,
  names: PersonIndex,
  spans: QuoteSpan[],
): { at: number; r: Omit<Resolved, "surface"> } | null {
  for (const run of sentenceRuns(s, names)) {
    const at = s.start + run.start;
    if (at >= limit) break;
    if (insideQuote(spans, at)) continue;
    const tokens = stripLeading(run.tokens).map((t) => t.text);
    if (!tokens.length) continue;
    if (tokens.some((t) => isOrgWord(t)) || (tokens.length === 1 && isAcronym(tokens[0]!))) {
      const sp = tokens.join(" ");
      return { at, r: { speaker: sp, role: null, kind: kindOf(sp, null), person: false } };
    }
  }
  const m =
    /\bthe\s+((?:[\p{L}-]+\s+){0,3}(?:ministry|government|army|police|presidency|agency|committee|group|observatory|monitor|watchdog|organi[sz]ation|authorities|council|office))\b/iu.exec(
      s.text,
    );
  if (m && s.start + m.index < limit) {
    const sp = m[1]!;
    return { at: s.start + m.index, r: { speaker: sp, role: null, kind: kindOf(sp, null), person: false } };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

const LETTER_OR_DIGIT_RE = /^[\p{L}\p{N}]$/u;

/** Is the code unit (or the pair starting at i) a letter or digit? Width in `pairWidth`. */
function letterOrDigitAt(s: string, i: number, c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0x2000 && c <= 0x206f) return false; // general punctuation: no letters or digits
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00)
    return LETTER_OR_DIGIT_RE.test(s.slice(i, i + 2));
  return LETTER_OR_DIGIT_RE.test(s[i]!);
}

const isPairAt = (s: string, i: number, c: number) =>
  c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;

/** s.replace(/[^\p{L}\p{N}]+/gu, " ") without a Unicode regex scan. */
function collapseNonWords(s: string): string {
  let out = "";
  let from = 0;
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    const w = isPairAt(s, i, c) ? 2 : 1;
    if (letterOrDigitAt(s, i, c)) {
      i += w;
      continue;
    }
    out += s.slice(from, i);
    i += w;
    while (i < n) {
      const d = s.charCodeAt(i);
      if (letterOrDigitAt(s, i, d)) break;
      i += isPairAt(s, i, d) ? 2 : 1;
    }
    out += " ";
    from = i;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * Number of runs of letters and digits in s[start, end) (as /[\p{L}\p{N}]+/gu would find), without a
 * Unicode regex scan; counting stops at `cap` (the callers only ask "none, up to 3, up to 5, fewer than 6?").
 */
function wordCount(s: string, cap: number, start = 0, end = s.length): number {
  let count = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    let isWord: boolean;
    if (c < 128) isWord = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    else if (c >= 0x2000 && c <= 0x206f)
      isWord = false; // general punctuation: no letters or digits
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      isWord = LETTER_OR_DIGIT_RE.test(s.slice(i, i + 2));
      if (isWord && !inWord && ++count >= cap) return cap;
      inWord = isWord;
      i++;
      continue;
    } else isWord = LETTER_OR_DIGIT_RE.test(s[i]!);
    if (isWord && !inWord && ++count >= cap) return cap;
    inWord = isWord;
  }
  return count;
}

/** Word counts matter only up to here: none, a scare quote of up to 3, a fragment of up to 5, fewer than 6. */
const WORDS_CAP = 6;

/** Statements emitted so far, by lower-case speaker; the dedupe keys of a speaker are made on their second statement. */
type Seen = Map<string, { first: string; keys: Set<string> | null }>;

type LineFn = (text: string, pos: number) => number;

function assemble(
  found: Found[],
  text: string,
  sentences: Sentence[],
  lineStart: LineFn,
  lineEnd: LineFn,
): Statement[] {
  const out: Statement[] = [];
  const seen: Seen = new Map();
  let i = 0;
  while (i < found.length) {
    // fragments of one speaker in one sentence: join when one of them is a short fragment
    let j = i + 1;
    const f = found[i]!;
    while (
      j < found.length &&
      f.sentence >= 0 &&
      found[j]!.sentence === f.sentence &&
      found[j]!.speaker === f.speaker &&
      found[j]!.span.group !== found[j - 1]!.span.group
    )
      j++;
    const parts = found.slice(i, j);
    const shortest =
      parts.length > 1
        ? Math.min(...parts.map((p) => wordCount(text, WORDS_CAP, p.span.start, p.span.end)))
        : 0;
    const groups: Found[][] = parts.length > 1 && shortest <= 5 ? [parts] : parts.map((p) => [p]);
    for (const g of groups) emitStatement(g, text, sentences, out, seen, lineStart, lineEnd);
    i = j;
  }
  return out;
}

function emitStatement(
  g: Found[],
  text: string,
  sentences: Sentence[],
  out: Statement[],
  seen: Seen,
  lineStart: LineFn,
  lineEnd: LineFn,
): void {
  const first = g[0]!;
  const lastF = g[g.length - 1]!;
  const quote = g.map((p) => text.slice(p.span.start, p.span.end)).join(" ");
  const words = wordCount(quote, WORDS_CAP);
  if (words === 0) return;
  if (words <= 3) {
    // a bare scare quote: keep only a complete short utterance ("We are devastated," she said.)
    const endsClause = ".!?,".includes(quote[quote.length - 1] ?? "-");
    const whole = /^[\p{Lu}\d]/u.test(quote) && (endsClause || first.attributed);
    if (
      !whole ||
      g.length > 1 ||
      (!/^[\s,]*$/.test(text.slice(first.span.close + 1, first.span.close + 3)) && !endsClause)
    )
      return;
  }
  if (first.speaker === null && words < 6) return;
  // the same speaker saying the same words (up to case and punctuation) is one statement
  const speakerKey = (first.speaker ?? "").toLowerCase();
  const said = seen.get(speakerKey);
  if (said === undefined) seen.set(speakerKey, { first: quote, keys: null });
  else {
    said.keys ??= new Set([collapseNonWords(said.first.toLowerCase())]);
    const key = collapseNonWords(quote.toLowerCase());
    if (said.keys.has(key)) return;
    said.keys.add(key);
  }
  const si = sentenceAt(sentences, first.span.open);
  const evStart =
    si >= 0 ? Math.min(sentences[si]!.start, first.span.open) : lineStart(text, first.span.open);
  const ei = sentenceAt(sentences, lastF.span.close);
  const evEnd =
    ei >= 0
      ? Math.max(sentences[ei]!.end, Math.min(lastF.span.close + 1, text.length))
      : lineEnd(text, lastF.span.close);
  out.push({
    speaker: first.speaker,
    speakerSurface: first.surface,
    role: first.role,
    quote,
    kind: first.kind,
    text: text.slice(evStart, evEnd).trim(),
    start: first.span.start,
    end: lastF.span.end,
  });
}

/** Index of the sentence containing `pos` (or the last one starting before it), -1 if none. */
function sentenceAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Offsets where each line starts (one pass). */
function lineStarts(text: string): number[] {
  const out = [0];
  let k = text.indexOf("\n");
  while (k >= 0) {
    out.push(k + 1);
    k = text.indexOf("\n", k + 1);
  }
  return out;
}

function lineIndex(lines: number[], pos: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
