// Originators: who counted a figure, not who printed it.
// Attributions in a sentence ("according to X", "X said", "said X", "X's tally", "figures from X",
// "citing X", "sources in X saying", a headline's ": X"), then resolution of what was written at the
// figure to the fullest name the article gives: acronyms defined in parentheses, short forms
// ("the Syrian Observatory"), descriptors ("a war monitor", "the ministry", "the group"), surnames.
import { anyCase, beyondAscii, isJsSpace } from "./chars.js";
import type { Doc } from "./doc.js";

/** A name reduced for comparison: lower case, accents and a leading "the" dropped, punctuation to spaces. */
export function aliasKey(name: string): string {
  return memo(aliasKeys, name, aliasKeyUncached);
}

// Pure per-string results. Cleared for every article (new Originators) so the cost measured is that
// of one article alone and memory stays bounded; the size cap guards a single huge article.
const MEMO_MAX = 20000;
function memo(cache: Map<string, string>, key: string, fn: (s: string) => string): string {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= MEMO_MAX) cache.clear();
    v = fn(key);
    cache.set(key, v);
  }
  return v;
}
const aliasKeys = new Map<string, string>();
const cleanNames = new Map<string, string>();

const ASCII_ONLY = /^[\x00-\x7f]*$/;
function aliasKeyUncached(name: string): string {
  if (ASCII_ONLY.test(name)) return asciiAliasTokens(name).join(" ");
  const plain = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return plain
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^the /, "");
}

const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isRegexWord = (c: number) => isAlnum(c) || c === 95;

/**
 * aliasKey's words for ASCII text, in one pass: lower case, "'s" dropped before a word boundary, runs
 * of anything but a-z0-9 as separators, a leading "the" dropped when more follows.
 */
function asciiAliasTokens(name: string): string[] {
  const lower = name.toLowerCase();
  const n = lower.length;
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < n; i++) {
    const c = lower.charCodeAt(i);
    if (
      c === 39 &&
      lower.charCodeAt(i + 1) === 115 &&
      (i + 2 >= n || !isRegexWord(lower.charCodeAt(i + 2)))
    ) {
      if (start >= 0) out.push(lower.slice(start, i));
      start = -1;
      i++;
      continue;
    }
    if (isAlnum(c)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(lower.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) out.push(lower.slice(start));
  if (out.length > 1 && out[0] === "the") out.shift();
  return out;
}

export interface Attribution {
  /** The words at the figure ("a war monitor", "SOHR", "police spokesman Garry Desrosiers"). */
  surface: string;
  /** Where the attribution stands in the sentence (the verb or the preposition), for nearest-first choice. */
  at: number;
  /** A news outlet or agency: never the originator when the sentence cites someone else. */
  outlet: boolean;
  /** Cited by someone else ("citing lists compiled by relatives"): used when the citer is an outlet. */
  cited?: boolean;
  /** A pronoun or a bare descriptor ("it", "he", "the group"): resolved from the sentences before. */
  pronoun: boolean;
}

export interface Originator {
  source: string;
  surface: string;
}

// ───────────────────────── vocabulary ─────────────────────────

export const OUTLET =
  /^(?:the )?(?:reuters|afp|agence france[- ]presse|ap|associated press|bbc|cnn|al jazeera|sana|xinhua|tass|ria novosti|interfax|anadolu|irna|wafa|dpa|efe|upi|pti|ani|kyodo|yonhap|bernama|the national|guardian|new york times|washington post|sky news|nbc|abc|cbs|fox news|france 24|euronews|(?:[\w-]+ )?(?:state |local |official |national |pan-arab |news )?(?:media|news agency|press agency|press|television|tv|broadcaster|newspaper|daily|outlets?|reporters?|correspondents?)|an? [\w-]+ (?:reporter|correspondent|journalist)|journalists)(?:\s+news agency|\s+news)?$/i;

/**
 * Words before an organisation that make it the one addressed, not the one counting: "called for the
 * UN Security Council to meet", "urged the Red Cross", "appealed to the ministry".
 */
const ADDRESSEE_BEFORE =
  /\b(?:call(?:s|ed|ing)? (?:for|on|upon)|urg(?:e|es|ed|ing)|appeal(?:s|ed|ing)? to|ask(?:s|ed|ing)|petition(?:s|ed|ing)?|letter to|wrote to|writ(?:es|ing) to|invit(?:e|es|ed|ing)|brief(?:s|ed|ing)|told|tells|warn(?:s|ed|ing)|press(?:es|ed|ing)|lobb(?:y|ies|ied|ying)|criticis(?:e|es|ed|ing)|criticiz(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|refer(?:red)? (?:it |the case )?to)\s+(?:the\s+)?$/i;

/** Heads of organisations that count casualties (the fallback "mention" rule only accepts these). */
const COUNTER_HEAD =
  /\b(?:Observatory|Network|Ministry|Agency|Office|Organi[sz]ation|Committee|Commission|Department|Service|Services|Authority|Crescent|Cross|Watch|Monitor|Centre|Center|Institute|Bureau|Directorate|Programme|Program|Fund|Council|Amnesty|Coordination|Mission|Defence|Defense)\b/;

const ORG_HEAD =
  /\b(?:Observatory|Network|Ministry|Agency|Office|Organi[sz]ation|Committee|Commission|Department|Service|Services|Authority|Crescent|Cross|Watch|Monitor|Centre|Center|Institute|Bureau|Directorate|Programme|Program|Fund|Council|Amnesty|Coordination|Mission|Police|Army|Forces|Force|Guard|Corps|Command|Government|Hospital|Union|Federation|Association|Foundation|Society|Group|Coalition|Brigade|Administration|Court|Prosecutor|Secretariat|Front|Movement|Party|International|Doctors|Rescue|Emergency|Defence|Defense|Kendra)\b/;

/** Lower-case words that can head an originator noun phrase. */
const DESCRIPTOR_HEAD =
  /\b(?:officials?|police|ministry|ministries|authorities|authority|monitors?|monitoring group|watchdogs?|observatory|groups?|networks?|agency|agencies|sources?|spokes(?:man|woman|person)|government|military|army|navy|air force|coast guard|forces?|department|services?|committees?|office|residents?|witnesses|medics|rescuers|doctors?|hospitals?|parents|leaders?|governor|mayor|chief|secretary|minister|director|coordinator|officers?|coroner|medical examiner|organi[sz]ations?|charity|charities|commission|council|civil defen[cs]e|fire (?:service|brigade|department)|presidency|administration|prosecutors?|activists?|volunteers?|teams?|workers?|staff|junta|regime|command|tally|count|figures|data|report|statement|unit|centre|center|mission|defence|defense|ngos?|un|u\.n\.|united nations|directorate|bureau|secretariat|body|board|institute|collective|association|union|federation|society|foundation|alliance|coalition|municipality|county|morgue|mortuary|lawmakers?|legislators?|senator|diplomats?|analysts|experts|researchers|investigators|inspectors|administrator|commander|commissioners?|prefect|ombuds(?:man|woman|person)|sheriff|inspector|superintendent|spokespeople|people)\b/i;

const PRONOUN =
  /^(?:it|he|she|they|the (?:group|organi[sz]ation|monitor|watchdog|observatory|agency|ministry|network|charity|office|department|service|committee|authority|body|army|military|police|official|spokes(?:man|woman|person)|government|unit|mission|commission|council|centre|center))$/i;

// Reporting verbs, lower case only ("States" in "United States" is a name, not a verb).
/** The reporting verbs, in the order the alternation tries them. */
const REPORT_VERBS = (
  "said says say saying told tells telling reported reports report reporting documented documents documenting " +
  "estimated estimates estimate estimating announced announces announcing confirmed confirms confirming stated " +
  "added adds adding counted recorded records tallied registered noted revealed claimed claims acknowledged " +
  "updated wrote posted put puts putting gave gives giving showed shows indicated said_in_a_statement"
)
  .split(" ")
  .map((w) => w.replaceAll("_", " "));
/** REPORT_VERBS as one alternation, the reference for REPORT_VERB. */
export const REPORT_VERB_FLAT = new RegExp(String.raw`\b(?:${REPORT_VERBS.join("|")})\b`, "g");
/**
 * The same pattern with its words grouped by first letter (in their order within a group): words with
 * different first letters never match at the same place, so the same word wins, but most positions are
 * given up after one character.
 */
export const REPORT_VERB = new RegExp(String.raw`\b(?:${firstLetterGroups(REPORT_VERBS)})\b`, "g");
function firstLetterGroups(words: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const w of words) {
    const g = groups.get(w[0]!) ?? [];
    g.push(w.slice(1));
    groups.set(w[0]!, g);
  }
  return [...groups].map(([first, rests]) => `${first}(?:${rests.join("|")})`).join("|");
}
const PUT_OBJECT =
  /^\s+(?:the|a|an|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?:toll|number|figure|count|tally|estimate|total)\b/i;
export const PASSIVE_BEFORE = /\b(?:been|were|was|is|are|being|be|not|to|who|which|that)\s+$/i;
export const NOUN_BEFORE =
  /\b(?:the|a|an|its|their|his|her|these|those|media|news|press|unconfirmed|initial|earlier|official|latest|first|separate)\s+$/i;
export const ADVERBIAL_END =
  /(?:\s*,?\s*\b(?:also|later|earlier|separately|previously|initially|officially|again|had|has|have|would|could|had earlier|in a statement|in a report|in an update|in a post|in a briefing|on [A-Z]\w+|late on [A-Z]\w+|early on [A-Z]\w+|on [A-Z]\w+ (?:morning|evening|night|afternoon)|last (?:night|week)|this week|on Telegram|on X|on Twitter|on Facebook|on social media|in a video|separately|then|now|yesterday|today))+\s*$/;
const isRegexWordChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
/** The last word of every ADVERBIAL_END phrase, in its case (the pattern has no i flag). */
const ADVERBIAL_LAST = new Set(
  (
    "also later earlier separately previously initially officially again had has have would could statement " +
    "report update post briefing morning evening night afternoon week Telegram X Twitter Facebook media video " +
    "then now yesterday today"
  ).split(" "),
);
/**
 * False when ADVERBIAL_END cannot match `s`: a match ends (before trailing \s) with one of its phrases, so
 * the last run of \w characters is a phrase's last word, or a capitalised word after "on " ("on Monday").
 * The end-anchored pattern is otherwise tried from every offset of `s`.
 */
export function mayEndAdverbial(s: string): boolean {
  let e = s.length;
  while (e > 0 && isJsSpace(s.charCodeAt(e - 1))) e--;
  let b = e;
  while (b > 0 && isRegexWordChar(s.charCodeAt(b - 1))) b--;
  if (b === e) return false;
  const first = s.charCodeAt(b);
  if (
    e - b >= 2 &&
    first >= 65 &&
    first <= 90 &&
    s.charCodeAt(b - 1) === 32 &&
    s.charCodeAt(b - 2) === 110 &&
    s.charCodeAt(b - 3) === 111
  )
    return true;
  return ADVERBIAL_LAST.has(s.slice(b, e));
}
const PAREN_END = /\s*\([^()]{0,80}\)\s*$/;
const DASH_CLAUSE_END = /\s*[–—-]\s+[^–—]{1,120}?\s+[–—-]\s*$/;
const RELATIVE_END = /,\s*(?:which|who|whose|where|whom)\b[^,]{0,140},\s*$/;
const APPOSITIVE_END = /([^,]{2,80}),\s*([^,]{2,60}),\s*$/;
/** Words that end a subject read backwards from its verb (compared exactly, as /^(?:…)$/ without flags). */
const NP_BACK_STOP = new Set(
  (
    "that and but while which who when after as because since if where than then so said told reported saying " +
    "telling adding killed were was is are has have had after before with without also its his her"
  ).split(" "),
);
/** /[,;:“”"‘(—–]$/ on a word's last code unit. */
const endsClause = (c: number) =>
  c === 44 ||
  c === 59 ||
  c === 58 ||
  c === 0x201c ||
  c === 0x201d ||
  c === 34 ||
  c === 0x2018 ||
  c === 40 ||
  c === 0x2014 ||
  c === 0x2013;
/** /[,;:”")]$/ on a word's last code unit. */
const closesPhrase = (c: number) => c === 44 || c === 59 || c === 58 || c === 0x201d || c === 34 || c === 41;
const ACCORDING =
  /\b(?:according to|citing|quoting|figures from|figures released by|figures compiled by|data from|data compiled by|statistics from|a tally by|a tally from|a count by|a tally compiled by|a report by|an estimate by|estimates by|estimates from)\s+/gi;
const ACCORDING_PREFIX =
  /^(?:an? (?:\w+ )?(?:tally|count|report|statement|estimate|figure|update)s? (?:by|from|compiled by|released by|of)\s+|(?:figures|data|statistics|estimates) (?:from|by|released by|compiled by)\s+|(?:the )?latest (?:figures|data|tally) (?:from|by)\s+)/i;
const TALLY_POSSESSIVE =
  /([\p{L}\p{M}.-]+(?:\s+[\p{L}\p{M}.-]+){0,6})[’']s?\s+(?:latest\s+|own\s+|updated\s+|daily\s+|official\s+|preliminary\s+)?(?:tally|count|figures|toll|death toll|data|estimate|statistics|records)\b/gu;
// The keyword part of TALLY_POSSESSIVE alone: a cheap scan that finds where a match can end.
const TALLY_SUFFIX =
  /[’']s?\s+(?:latest\s+|own\s+|updated\s+|daily\s+|official\s+|preliminary\s+)?(?:tally|count|figures|toll|death toll|data|estimate|statistics|records)\b/gu;
const NAME_RUN_CHAR = /[\p{L}\p{M}.\-\s]/u;
/**
 * The first TALLY_POSSESSIVE match at or after `from`. Its leading words can only lie in the run of
 * letters and spaces right before the first keyword hit, so the full pattern starts there instead of
 * backtracking from every position of the sentence.
 */
function tallyPossessive(sentence: string, from: number): RegExpExecArray | null {
  TALLY_SUFFIX.lastIndex = from;
  const hit = TALLY_SUFFIX.exec(sentence);
  if (!hit) return null;
  let start = hit.index;
  while (start > from) {
    const code = sentence.charCodeAt(start - 1);
    // a surrogate half may belong to a letter: keep going (starting earlier is always safe)
    if (!(code >= 0xd800 && code <= 0xdfff) && !NAME_RUN_CHAR.test(sentence[start - 1]!)) break;
    start--;
  }
  TALLY_POSSESSIVE.lastIndex = start;
  return TALLY_POSSESSIVE.exec(sentence);
}
const CAP_SPAN =
  /\p{Lu}(?:[\p{L}\p{M}’'-]|\.(?=\p{Lu}))*(?:[ \t]+(?:(?:of|for|and|on|de|do|da|du|o|the|al|el)[ \t]+){0,2}\p{Lu}(?:[\p{L}\p{M}’'-]|\.(?=\p{Lu}))*)*/gu;
const CAP_SPAN_AT = new RegExp(CAP_SPAN.source, "uy");
const UPPER = /^\p{Lu}$/u;

const SPAN_START = /[A-Z\u0080-\uffff]/g;
/** UPPER for a BMP code point, looked up once per code unit (1 no, 2 yes, 0 not yet known). */
const UPPER_UNITS = new Uint8Array(0x10000);
function isUpperUnit(c: number): boolean {
  let k = UPPER_UNITS[c]!;
  if (k === 0) {
    k = UPPER.test(String.fromCharCode(c)) ? 2 : 1;
    UPPER_UNITS[c] = k;
  }
  return k === 2;
}

/** A capitalised span: where it starts and its text. */
interface CapSpan {
  index: number;
  text: string;
}

const CAP_CONNECTORS = new Set(["of", "for", "and", "on", "de", "do", "da", "du", "o", "the", "al", "el"]);
const FALLBACK = -2;
const isAsciiUpper = (c: number) => c >= 65 && c <= 90;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** CAP_SPAN's word tail from q on ASCII text: letters, ' and -, and a dot before a capital ("U.S"). */
function capWordEnd(text: string, q: number): number {
  for (;;) {
    const c = text.charCodeAt(q);
    if (isAsciiLetter(c) || c === 39 || c === 45) q++;
    else if (c === 46) {
      const next = text.charCodeAt(q + 1);
      if (isAsciiUpper(next)) q++;
      else if (next >= 0x80) return FALLBACK;
      else return q;
    } else if (c >= 0x80) return FALLBACK;
    else return q;
  }
}

/**
 * The end of the CAP_SPAN match that starts at p, without the regex: -1 when none starts there, and
 * FALLBACK as soon as a character outside ASCII is met (the caller then runs the regex itself). The
 * pattern's backtracking never matters: connectors are lower case, so giving one back leaves a
 * lower-case letter where a capital is needed.
 */
function capSpanEnd(text: string, p: number): number {
  const c0 = text.charCodeAt(p);
  if (!isAsciiUpper(c0)) return c0 >= 0x80 ? FALLBACK : -1;
  let q = capWordEnd(text, p + 1);
  while (q >= 0) {
    let r = q;
    while (text.charCodeAt(r) === 32 || text.charCodeAt(r) === 9) r++;
    if (r === q) return q;
    for (let k = 0; k < 2; k++) {
      let w = r;
      // connectors have one to three letters: a longer word is not one, whatever follows
      while (w - r <= 3 && text.charCodeAt(w) >= 97 && text.charCodeAt(w) <= 122) w++;
      const after = text.charCodeAt(w);
      if (w === r || w - r > 3 || (after !== 32 && after !== 9) || !CAP_CONNECTORS.has(text.slice(r, w)))
        break;
      r = w;
      while (text.charCodeAt(r) === 32 || text.charCodeAt(r) === 9) r++;
    }
    const c = text.charCodeAt(r);
    if (isAsciiUpper(c)) q = capWordEnd(text, r + 1);
    else if (c >= 0x80) return FALLBACK;
    else return q;
  }
  return q;
}

/**
 * The next CAP_SPAN match at or after CAP_SPAN.lastIndex, leaving CAP_SPAN.lastIndex as exec would. A
 * span starts at any upper-case letter and its rest is optional, so the next one starts at the next
 * upper-case letter: found with a character scan instead of trying the pattern at every position.
 */
function nextCapSpan(text: string): CapSpan | null {
  const n = text.length;
  for (let p = CAP_SPAN.lastIndex; p < n; p++) {
    // jump to the next ASCII capital or non-ASCII unit: a native scan over the lower-case runs
    SPAN_START.lastIndex = p;
    if (!SPAN_START.test(text)) break;
    p = SPAN_START.lastIndex - 1;
    const c = text.charCodeAt(p);
    if (c >= 0x80) {
      const cp = text.codePointAt(p)!;
      const upper = cp <= 0xffff ? isUpperUnit(cp) : UPPER.test(String.fromCodePoint(cp));
      if (!upper) {
        if (cp > 0xffff) p++; // step over the whole code point, as the pattern does
        continue;
      }
    }
    const end = capSpanEnd(text, p);
    if (end >= 0) {
      CAP_SPAN.lastIndex = end;
      return { index: p, text: text.slice(p, end) };
    }
    CAP_SPAN_AT.lastIndex = p;
    const m = CAP_SPAN_AT.exec(text);
    if (m) {
      CAP_SPAN.lastIndex = CAP_SPAN_AT.lastIndex;
      return { index: m.index, text: m[0] };
    }
  }
  CAP_SPAN.lastIndex = 0;
  return null;
}

/** Every CAP_SPAN match in text, as matchAll would give them. */
export function capSpans(text: string): CapSpan[] {
  const out: CapSpan[] = [];
  CAP_SPAN.lastIndex = 0;
  for (let m = nextCapSpan(text); m !== null; m = nextCapSpan(text)) out.push(m);
  return out;
}

/** The regex itself, for tests that hold capSpans to it. */
export const CAP_SPAN_PATTERN: RegExp = new RegExp(CAP_SPAN.source, "gu");
/** An acronym defined in parentheses, tried (sticky) at each "(". */
const ACRONYM_DEF_AT = /\(\s*(\p{Lu}[\p{Lu}\p{Ll}&]{1,8})\s*\)/uy;
const IS_ACRONYM = /^\p{Lu}[\p{Lu}&\d]{1,7}s?$/u;
const LEADING_JUNK =
  /^(?:(?:the|a|an|its|their|his|her|and|but|while|that|so|then)\s+|[\p{L}-]+-(?:based|run|led|controlled|backed)\s+|(?:UK|Britain|London|US|Paris|Geneva|New York|Washington|Dhaka|Beirut)[\p{L}-]*-based\s+)+/iu;

// ───────────────────────── names ─────────────────────────

/** A surface form cleaned of determiners, "UK-based", possessive country words and trailing parentheses. */
export function cleanName(surface: string): string {
  return memo(cleanNames, surface, cleanNameUncached);
}

function cleanNameUncached(surface: string): string {
  // most names need none of the patterns ("UN Office for …", "officials", "interior ministry")
  let core = surface;
  // "… Affairs (OCHA)": a last parenthesis after one space goes, with that space
  if (surface.charCodeAt(surface.length - 1) === 41) {
    const open = surface.lastIndexOf("(");
    if (open < 2 || surface.charCodeAt(open - 1) !== 32 || surface.indexOf(")", open) !== surface.length - 1)
      return cleanNameByRegex(surface);
    core = surface.slice(0, open - 1);
  }
  if (cleanNameKeeps(core)) return core;
  // "the civil defence agency": a leading "the " is all they take off a name they would keep
  if (
    (core.charCodeAt(0) | 32) === 116 &&
    (core.charCodeAt(1) | 32) === 104 &&
    (core.charCodeAt(2) | 32) === 101 &&
    core.charCodeAt(3) === 32
  ) {
    const rest = core.slice(4);
    if (cleanNameKeeps(rest)) return rest;
  }
  return cleanNameByRegex(surface);
}

/** cleanName by its patterns alone (the reference for cleanNameKeeps). */
export function cleanNameByRegex(surface: string): string {
  let s = surface.trim().replace(/\s+/g, " ");
  s = s.replace(/\s*\([^()]*\)\s*$/, "").replace(/[,.;:“”"‘’']+$/, "");
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s.replace(LEADING_JUNK, "");
    // "Ukraine's State Emergency Service" -> "State Emergency Service"; "the country's military" -> "military"
    s = s.replace(/^(?:the\s+)?[\p{L}-]+[’']s\s+(?=\S+\s*\S*)/u, (m) =>
      /^\p{Lu}/u.test(m) || /country|nation|state|city|region|province|territory/i.test(m) ? "" : m,
    );
    if (s === before) break;
  }
  return s.trim();
}

const tokensOf = (s: string) =>
  ASCII_ONLY.test(s) ? asciiAliasTokens(s) : aliasKey(s).split(" ").filter(Boolean);
function containsSeq(hay: string[], needle: string[]): boolean {
  if (!needle.length || needle.length > hay.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
const acronymOf = (name: string) =>
  name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");

interface Entity {
  name: string;
  start: number;
  org: boolean;
  /** tokensOf(name), computed on first use */
  tokens?: string[];
}

const isQuote = (c: number) => c === 0x2019 || c === 0x27;
const isQuoteOrDot = (c: number) => c === 0x2019 || c === 0x27 || c === 0x2e;
/** One word of letters and hyphens: cleanName leaves it as it is (no spaces, quotes, dots or brackets). */
const SIMPLE_WORD = /^[\p{L}\p{M}-]+$/u;
function isSimpleWord(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return SIMPLE_WORD.test(s);
    if (!isAsciiLetter(c) && c !== 45) return false;
  }
  return s.length > 0;
}

const LEADING_JUNK_WORDS = new Set("the a an its their his her and but while that so then".split(" "));
const TRAILING_PUNCT = new Set([..."\u002c.;:\u201c\u201d\"\u2018\u2019'"].map((c) => c.charCodeAt(0)));
/**
 * True when cleanName(span) would return the span unchanged, decided without its regexes: single
 * spaces only, no trailing punctuation or bracket, and a first word that is neither a determiner nor
 * hyphenated or possessive (what LEADING_JUNK and the possessive rule need to match).
 */
export function cleanNameKeeps(span: string): boolean {
  const n = span.length;
  if (n === 0) return false;
  let firstEnd = -1;
  for (let i = 0; i < n; i++) {
    const c = span.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === n - 1 || span.charCodeAt(i - 1) === 32) return false;
      if (firstEnd < 0) firstEnd = i;
    } else if (isJsSpace(c)) return false;
  }
  const last = span.charCodeAt(n - 1);
  if (TRAILING_PUNCT.has(last) || last === 41) return false;
  const first = firstEnd < 0 ? span : span.slice(0, firstEnd);
  if (LEADING_JUNK_WORDS.has(first.toLowerCase())) return false;
  for (let i = 0; i < first.length; i++) {
    const c = first.charCodeAt(i);
    // (outside ASCII, /iu folds letters such as ſ onto the determiners' letters: "hiſ" is "his")
    if (c === 45 || c === 39 || c === 0x2019 || c >= 0x80) return false;
  }
  return true;
}

/** Only ASCII letters (one alias token). */
function isAsciiLetters(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isAsciiLetter(s.charCodeAt(i))) return false;
  return s.length > 0;
}

/** Where the name before each acronym defined in parentheses must end ("… Rights (SOHR)"), in text order. */
function acronymDefinitions(text: string): { end: number; acronym: string }[] {
  const definitions: { end: number; acronym: string }[] = [];
  // the pattern opens with "(": find those with indexOf, try the sticky pattern only there
  for (let open = text.indexOf("("); open >= 0; open = text.indexOf("(", open + 1)) {
    ACRONYM_DEF_AT.lastIndex = open;
    const m = ACRONYM_DEF_AT.exec(text);
    if (!m) continue;
    let k = m.index;
    while (k > 0 && /\s/.test(text[k - 1]!)) k--;
    definitions.push({ end: k, acronym: m[1]!.toUpperCase() });
  }
  return definitions;
}

/**
 * The name a capitalised span gives, and where the span ends once trailing quotes and dots are cut (what an
 * acronym definition after it must meet); null for a name shorter than two characters.
 */
function spanName(m: CapSpan): { name: string; end: number } | null {
  // same as .replace(/[’'.]+$/, "") then .replace(/[’']s$/, ""), without regexes
  let raw = m.text;
  let cut = raw.length;
  while (cut > 0 && isQuoteOrDot(raw.charCodeAt(cut - 1))) cut--;
  if (cut < raw.length) raw = raw.slice(0, cut);
  const end = m.index + raw.length;
  if (raw.length >= 2 && raw[raw.length - 1] === "s" && isQuote(raw.charCodeAt(raw.length - 2)))
    raw = raw.slice(0, -2);
  const name = isSimpleWord(raw) || cleanNameKeeps(raw) ? raw : cleanName(raw);
  return !name || name.length < 2 ? null : { name, end };
}

/**
 * The first of `entities` (in their order) with the most words, more than `t` has, holding the words of `t`
 * in sequence; `clean` when none does. A single word must be an organisation's head word or a surname.
 */
function fullestHolding(clean: string, t: string[], entities: Iterable<Entity>): string {
  let best = clean;
  let bestLen = t.length;
  for (const e of entities) {
    e.tokens ??= tokensOf(e.name);
    const et = e.tokens;
    if (et.length > bestLen && containsSeq(et, t)) {
      // a single word: a capitalised organisation head ("the Observatory") or a person's surname ("Lysak")
      if (t.length === 1) {
        const orgHead = e.org && ORG_HEAD.test(clean);
        const surname =
          !e.org && et[et.length - 1] === t[0] && !IS_ACRONYM.test(clean) && /^\p{Lu}/u.test(clean);
        if (!orgHead && !surname) continue;
      }
      best = e.name;
      bestLen = et.length;
    }
  }
  return best;
}

/** Names the article gives: capitalised spans, organisations, acronyms defined in parentheses. */
export class NameIndex {
  readonly entities: Entity[] = [];
  /** acronym (upper case) -> full name */
  readonly acronyms = new Map<string, string>();
  private readonly byName = new Map<string, Entity>();
  private readonly cache = new Map<string, string>();
  private tokenIndex: Map<string, Entity[]> | null = null;
  private spelled: Map<string, string> | null = null;
  /** Organisations whose name fits a descriptor pattern (see nearestOrg); entities are fixed once built. */
  private readonly fitting = new Map<RegExp, Entity[]>();

  constructor(text: string) {
    const definitions = acronymDefinitions(text);
    const wanted = new Set(definitions.map((d) => d.end));
    const byEnd = new Map<number, Entity>();
    CAP_SPAN.lastIndex = 0;
    for (let m = nextCapSpan(text); m !== null; m = nextCapSpan(text)) {
      const sn = spanName(m);
      if (sn === null) continue;
      const name = sn.name;
      // one entry per name (the first mention), so long articles stay cheap to query
      let e = this.byName.get(name);
      if (!e) {
        e = { name, start: m.index, org: ORG_HEAD.test(name) || IS_ACRONYM.test(name) };
        this.byName.set(name, e);
        this.entities.push(e);
      }
      if (wanted.size && wanted.has(sn.end)) byEnd.set(sn.end, e);
    }
    for (const d of definitions) {
      const e = byEnd.get(d.end);
      if (!e || e.name === e.name.toUpperCase()) continue; // a dateline: "CONAKRY (AFP)"
      e.org = true;
      this.acronyms.set(d.acronym, e.name);
    }
  }

  /** The fullest name of the article that contains `name` (tokens in order), or an acronym's expansion. */
  canonical(name: string): string {
    return memo(this.cache, name, (n) => this.canonicalUncached(n));
  }

  private canonicalUncached(name: string): string {
    const clean = cleanName(name);
    const expanded = this.acronyms.get(clean.toUpperCase());
    if (expanded && IS_ACRONYM.test(clean)) return expanded;
    const t = tokensOf(clean);
    if (!t.length) return clean;
    // only entities holding the first token can contain the sequence; the list keeps entity order
    const best = fullestHolding(clean, t, this.byToken().get(t[0]!) ?? []);
    // an acronym that the article never expands but that spells a name it gives
    if (best === clean && IS_ACRONYM.test(clean)) {
      const spelled = this.orgsByAcronym().get(clean);
      if (spelled) return spelled;
    }
    return best;
  }

  /** token -> the entities whose name holds it, in entity order; built on first use. */
  private byToken(): Map<string, Entity[]> {
    if (this.tokenIndex) return this.tokenIndex;
    const index = new Map<string, Entity[]>();
    for (const e of this.entities) {
      // canonical only takes a name with more words than the one asked for: one-word names never qualify
      if (isAsciiLetters(e.name)) continue;
      e.tokens ??= tokensOf(e.name);
      if (e.tokens.length < 2) continue;
      let prev: string | undefined;
      for (const tok of e.tokens) {
        if (tok === prev) continue;
        const list = index.get(tok);
        if (!list) index.set(tok, [e]);
        else if (list[list.length - 1] !== e) list.push(e);
        prev = tok;
      }
    }
    this.tokenIndex = index;
    return index;
  }

  /** The first organisation whose initials spell each acronym; built on first use. */
  orgsByAcronym(): Map<string, string> {
    if (this.spelled) return this.spelled;
    const spelled = new Map<string, string>();
    for (const e of this.entities) {
      if (!e.org) continue;
      const a = acronymOf(e.name);
      if (!spelled.has(a)) spelled.set(a, e.name);
    }
    this.spelled = spelled;
    return spelled;
  }

  /** The named organisation nearest to `pos` whose name fits a descriptor ("war monitor", "ministry"). */
  nearestOrg(pos: number, fits: RegExp): string | null {
    let best: Entity | null = null;
    let bestDist = Number.POSITIVE_INFINITY;
    let fitting = this.fitting.get(fits);
    if (!fitting) {
      fitting = this.entities.filter((e) => e.org && fits.test(e.name));
      this.fitting.set(fits, fitting);
    }
    for (const e of fitting) {
      const d = Math.abs(e.start - pos) + (e.start > pos ? 1 : 0);
      if (d < bestDist) {
        best = e;
        bestDist = d;
      }
    }
    return best ? this.canonical(best.name) : null;
  }
}

/** An ASCII character that no capitalised span holds (not a letter, ', -, ., space or tab). */
const isSpanBreak = (c: number) =>
  c < 0x80 && !isAsciiLetter(c) && c !== 39 && c !== 45 && c !== 46 && c !== 32 && c !== 9;
/** Words that join a capitalised span in lower case (CAP_SPAN's connectors). */
const isConnector = (w: string) => CAP_CONNECTORS.has(w);
/** A query word found more often than this is looked up in the whole index instead. */
const MAX_OCCURRENCES = 64;

/**
 * NameIndex's answers without indexing every capitalised span of the article: a query reads only the spans
 * that can hold its answer, found from the words it needs. For text in ASCII and general punctuation, where
 * every word of a name is a lower-case substring of the text at the same offsets. A span never holds a
 * character such as a comma, a digit or a line break, and the spans after one are those a scan started
 * right after it finds: so the span holding any offset is found from the last such character before it.
 * Entities are met in text order, and all mentions of a name hold the words looked for, so the first
 * mention of each (its start, the order of entities) is the same as in the whole index.
 */
export class LazyNameIndex {
  readonly acronyms = new Map<string, string>();
  private readonly cache = new Map<string, string>();
  /** Names made organisations by an acronym defined after them. */
  private readonly definedOrgs = new Set<string>();
  private readonly fitting = new Map<RegExp, Entity[]>();
  private full: NameIndex | null = null;

  /** Whether `text` can be read this way. */
  static fits(text: string): boolean {
    return !beyondAscii(text);
  }

  constructor(private readonly text: string) {
    for (const d of acronymDefinitions(text)) {
      const m = d.end > 0 ? this.spanAt(d.end - 1) : null;
      const sn = m ? spanName(m) : null;
      if (sn === null || sn.end !== d.end || sn.name === sn.name.toUpperCase()) continue;
      this.definedOrgs.add(sn.name);
      this.acronyms.set(d.acronym, sn.name);
    }
  }

  /** The capitalised span (as capSpans finds them in the whole text) that holds offset x, or null. */
  private spanAt(x: number): CapSpan | null {
    const text = this.text;
    if (isSpanBreak(text.charCodeAt(x))) return null;
    let h = x - 1;
    while (h >= 0 && !isSpanBreak(text.charCodeAt(h))) h--;
    CAP_SPAN.lastIndex = h + 1;
    for (let m = nextCapSpan(text); m !== null; m = nextCapSpan(text)) {
      if (m.index > x) break;
      if (m.index + m.text.length > x) {
        CAP_SPAN.lastIndex = 0;
        return m;
      }
    }
    CAP_SPAN.lastIndex = 0;
    return null;
  }

  /**
   * The entities of the spans holding offsets `at` (in increasing order), one per name at its first mention,
   * keeping only names that `keep` accepts (names whose every mention holds one of the offsets).
   */
  private entitiesAt(at: readonly number[], keep: (name: string) => boolean): Entity[] {
    const out: Entity[] = [];
    const seen = new Set<string>();
    let lastSpan = -1;
    for (const x of at) {
      const m = this.spanAt(x);
      if (m === null || m.index === lastSpan) continue;
      lastSpan = m.index;
      const sn = spanName(m);
      if (sn === null || seen.has(sn.name)) continue;
      seen.add(sn.name);
      if (!keep(sn.name)) continue;
      const name = sn.name;
      out.push({
        name,
        start: m.index,
        org: ORG_HEAD.test(name) || IS_ACRONYM.test(name) || this.definedOrgs.has(name),
      });
    }
    return out;
  }

  private wholeIndex(): NameIndex {
    this.full ??= new NameIndex(this.text);
    return this.full;
  }

  canonical(name: string): string {
    return memo(this.cache, name, (n) => this.canonicalUncached(n));
  }

  private canonicalUncached(name: string): string {
    const clean = cleanName(name);
    const expanded = this.acronyms.get(clean.toUpperCase());
    if (expanded && IS_ACRONYM.test(clean)) return expanded;
    const t = tokensOf(clean);
    if (!t.length) return clean;
    // one lower-case word ("officials") is no organisation head and no surname: no entity can stand for it
    if (t.length === 1 && !ORG_HEAD.test(clean) && (IS_ACRONYM.test(clean) || !/^\p{Lu}/u.test(clean)))
      return this.unheld(clean);
    // the longest word of the query: every entity holding the query holds it
    let f = t[0]!;
    for (const w of t) if (w.length > f.length) f = w;
    // a connector may stand in lower case anywhere in a name: not a word to look for
    if (isConnector(f)) return this.wholeIndex().canonical(name);
    // a word of a name starts at a capital, or after an apostrophe or a hyphen inside a word
    const text = this.text;
    const at: number[] = [];
    const word = anyCase(f);
    word.lastIndex = 0;
    for (let hit = word.exec(text); hit !== null; hit = word.exec(text)) {
      const p = hit.index;
      word.lastIndex = p + 1;
      const c = text.charCodeAt(p);
      const before = p > 0 ? text.charCodeAt(p - 1) : -1;
      if (!(isAsciiUpper(c) || before === 39 || before === 45 || before === 0x2019)) continue;
      if (at.length >= MAX_OCCURRENCES) return this.wholeIndex().canonical(name);
      at.push(p);
    }
    const holding = this.entitiesAt(at, (n) => tokensOf(n).includes(f));
    const best = fullestHolding(clean, t, holding);
    return best === clean ? this.unheld(clean) : best;
  }

  /** What canonical gives when no entity holds the name: an acronym's spelled-out organisation, or the name. */
  private unheld(clean: string): string {
    if (IS_ACRONYM.test(clean)) {
      const spelled = this.spelledOrg(clean);
      if (spelled) return spelled;
    }
    return clean;
  }

  /** NameIndex.orgsByAcronym().get(acronym): every name it spells holds the acronym's first capital. */
  private spelledOrg(acronym: string): string | undefined {
    const text = this.text;
    const first = acronym[0]!;
    const at: number[] = [];
    for (let p = text.indexOf(first); p >= 0; p = text.indexOf(first, p + 1)) {
      if (at.length >= MAX_OCCURRENCES) return this.wholeIndex().orgsByAcronym().get(acronym);
      at.push(p);
    }
    return this.entitiesAt(at, (n) => acronymOf(n) === acronym).find((e) => e.org)?.name;
  }

  nearestOrg(pos: number, fits: RegExp): string | null {
    let fitting = this.fitting.get(fits);
    if (!fitting) {
      // every offset where one of its words starts, even inside a longer word (a span may start mid-word)
      const at: number[] = [];
      const anywhere = anywhereOf(fits);
      anywhere.lastIndex = 0;
      for (let m = anywhere.exec(this.text); m !== null; m = anywhere.exec(this.text)) {
        if (at.length >= MAX_OCCURRENCES) return this.wholeIndex().nearestOrg(pos, fits);
        at.push(m.index);
        anywhere.lastIndex = m.index + 1;
      }
      fitting = this.entitiesAt(at, (n) => fits.test(n)).filter((e) => e.org);
      this.fitting.set(fits, fitting);
    }
    let best: Entity | null = null;
    let bestDist = Number.POSITIVE_INFINITY;
    for (const e of fitting) {
      const d = Math.abs(e.start - pos) + (e.start > pos ? 1 : 0);
      if (d < bestDist) {
        best = e;
        bestDist = d;
      }
    }
    return best ? this.canonical(best.name) : null;
  }
}

const ANYWHERE = new Map<RegExp, RegExp>();
/** `fits` without its word boundaries, global: matches where one of its words starts, even inside a word. */
function anywhereOf(fits: RegExp): RegExp {
  let re = ANYWHERE.get(fits);
  if (re === undefined) {
    if (ANYWHERE.size >= 64) ANYWHERE.clear(); // the descriptor kinds, or a caller's own patterns
    re = new RegExp(fits.source.replaceAll("\\b", ""), "g");
    ANYWHERE.set(fits, re);
  }
  return re;
}

/** What a descriptor can stand for among the article's names. */
export const DESCRIPTOR_KINDS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [
    /\b(?:monitor|monitoring (?:group|organi[sz]ation)|watchdog|observatory|rights (?:group|organi[sz]ation|network|body)|human rights)\b/i,
    /\b(?:Observatory|Network|Watch|Monitor|Rights|Amnesty|Documentation|Kendra)\b/,
  ],
  [/\bministry\b/i, /\bMinistry\b/],
  [/\bagency\b/i, /\b(?:Agency|Office|OCHA|UNHCR|UNICEF|UNRWA|IOM|WHO|Programme)\b/],
  [/\b(?:committee)\b/i, /\bCommittee\b/],
  [/\b(?:department)\b/i, /\bDepartment\b/],
  [/\b(?:service)\b/i, /\bServices?\b/],
  [/\b(?:network)\b/i, /\bNetwork\b/],
];

// ───────────────────────── attributions in a sentence ─────────────────────────

const words = (s: string) => s.split(/\s+/).filter(Boolean);
/** words(s).length, without the array. */
export function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isJsSpace(s.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** The last character of `s` that is not white space (\s), as a code unit; -1 when there is none. */
function lastNonSpace(s: string): number {
  for (let k = s.length - 1; k >= 0; k--) {
    const c = s.charCodeAt(k);
    if (!isJsSpace(c)) return c;
  }
  return -1;
}
/** - – — */
const isDashCode = (c: number) => c === 45 || c === 0x2013 || c === 0x2014;

/**
 * The last words of `s` (up to nine) that can make the subject of a verb after it, in order: the words of
 * s (as words(s) splits them) read from the last one back to a clause break, a quotation, a sentence end
 * or a stop word.
 */
export function subjectWords(s: string): string[] {
  const out: string[] = [];
  let e = s.length;
  while (out.length < 9) {
    while (e > 0 && isJsSpace(s.charCodeAt(e - 1))) e--;
    if (e === 0) break;
    let b = e - 1;
    while (b > 0 && !isJsSpace(s.charCodeAt(b - 1))) b--;
    const t = s.slice(b, e);
    e = b;
    const first = t.charCodeAt(0);
    const last = t.charCodeAt(t.length - 1);
    // /^[“"‘(]/
    const opens = first === 0x201c || first === 34 || first === 0x2018 || first === 40;
    if (endsClause(last) || opens || t === "-") {
      if (opens && !closesPhrase(last)) out.push(t.replace(/^[“"‘(]+/, ""));
      break;
    }
    // /[.’"”]$/
    if (
      (last === 46 || last === 0x2019 || last === 34 || last === 0x201d) &&
      !/^\p{Lu}[\p{L}.]*\.$/u.test(t) &&
      !/[’']s?$/.test(t)
    )
      break;
    if (NP_BACK_STOP.has(t)) break;
    out.push(t);
  }
  out.reverse();
  return out;
}

/** The noun phrase that ends `before` (the subject of a reporting verb), or null. */
function subjectBefore(before: string): string | null {
  // only the words near the verb matter; the end-anchored patterns below would otherwise rescan the sentence
  let s = before.length > 200 ? before.slice(-200) : before;
  for (let i = 0; i < 4; i++) {
    const prev = s;
    if (mayEndAdverbial(s)) s = s.replace(ADVERBIAL_END, "");
    // each of these needs its own closing character last (before white space): check it first, as
    // an end-anchored pattern is otherwise tried from every offset
    if (lastNonSpace(s) === 41) s = s.replace(PAREN_END, "");
    if (isDashCode(lastNonSpace(s))) s = s.replace(DASH_CLAUSE_END, "");
    if (lastNonSpace(s) === 44) s = s.replace(RELATIVE_END, "");
    if (s === prev) break;
  }
  if (lastNonSpace(s) === 44) {
    // "Nema's zonal coordinator, Ahmed Usman, said": the appositive names the speaker
    const ap = APPOSITIVE_END.exec(s);
    if (ap) {
      const name = ap[2]!.trim();
      if (/^\p{Lu}/u.test(name) && wordCount(name) <= 5) return name;
    }
    return null;
  }
  const out = subjectWords(s);
  if (!out.length) return null;
  // "Among all deaths recorded": a phrase opened by a preposition is no subject
  while (
    out.length &&
    /^(?:among|of|in|on|at|for|with|from|by|after|before|during|since|over|under|amid|according|to)$/i.test(
      out[0]!,
    )
  )
    out.shift();
  if (!out.length) return null;
  if (/^other\b/i.test(out[0]!)) {
    const toks = words(s);
    const k = toks.length - out.length - 1;
    if (k > 0 && toks[k] === "and") {
      const first: string[] = [];
      for (let i = k - 1; i >= 0 && first.length < 8 && /^\p{Lu}/u.test(toks[i]!); i--)
        first.unshift(toks[i]!);
      if (first.length) return first.join(" ");
    }
  }
  const np = out.join(" ");
  if (!/\p{Lu}/u.test(np) && !DESCRIPTOR_HEAD.test(np) && !PRONOUN.test(np)) return null;
  return np;
}

/** The noun phrase right after an inverted reporting verb (", said the health ministry."). */
function subjectAfter(after: string): string | null {
  const m =
    /^\s+((?:the|a|an)\s+[^,.;:“”"]{1,80}?|\p{Lu}[^,.;:“”"]{0,80}?)\s*(?:[,.;:]|$|\s+(?:on|in|late|early|last|this|told|said|adding|citing)\b)/u.exec(
      after,
    );
  if (!m) return null;
  const np = m[1]!.trim();
  if (wordCount(np) > 9) return null;
  if (/\b(?:was|were|is|are|had|has|have|would|will)\b/.test(np)) return null;
  if (!/\p{Lu}/u.test(np) && !DESCRIPTOR_HEAD.test(np)) return null;
  return np;
}

/** The noun phrase that opens a sentence ("Borno state governor Babagana Zulum gave ..."). */
function leadingSubject(sentence: string): string | null {
  const m =
    /^((?:(?:the|a|an|[\p{Lu}][\p{L}\p{M}’'.-]*|[\p{Ll}-]+-(?:based|run|led)|state|provincial|regional|local|national|health|interior|defen[cs]e|civil|emergency|police|army|military|government|security|medical|fire|rescue|hospital|district|county|city|chief|deputy|senior|officials?|ministry|department|service|agency|office|spokes(?:man|woman|person)|governor|mayor|secretary|minister|director|coordinator|officer|sources?|authorities|of|for)\s+){0,9}(?:[\p{Lu}][\p{L}\p{M}’'.-]*|officials?|ministry|department|service|agency|office|authorities|police|army|military|government|sources?|spokes(?:man|woman|person)))\b/u.exec(
      sentence,
    );
  if (!m) return null;
  const np = m[1]!.trim();
  if (!DESCRIPTOR_HEAD.test(np) && !(/\p{Lu}/u.test(np) && wordCount(np) >= 2)) return null;
  return np;
}

export function isOutlet(surface: string): boolean {
  // cleanName keeps the last word of a name that ends in a letter or a digit (what it drops is followed by
  // white space): when that word ends no outlet, neither form can be one
  if (isAsciiAlnum(surface.charCodeAt(surface.length - 1)) && !mayBeOutlet(surface)) return false;
  const clean = cleanName(surface);
  if (mayBeOutlet(clean) && OUTLET.test(clean)) return true;
  const trimmed = surface.trim();
  return mayBeOutlet(trimmed) && OUTLET.test(trimmed);
}

/** The last word of every OUTLET phrase (lower case). */
const OUTLET_LAST = new Set(
  (
    "reuters afp presse ap press bbc cnn jazeera sana xinhua tass novosti interfax anadolu irna wafa dpa efe upi " +
    "pti ani kyodo yonhap bernama national guardian times post news nbc abc cbs 24 euronews media agency " +
    "television tv broadcaster newspaper daily outlet outlets reporter reporters correspondent correspondents " +
    "journalist journalists"
  ).split(" "),
);
/** False when OUTLET cannot match `s`: it ends with one of its last words, which the run of letters and digits ending `s` is. */
export function mayBeOutlet(s: string): boolean {
  let b = s.length;
  while (b > 0 && isAsciiAlnum(s.charCodeAt(b - 1))) b--;
  const n = s.length - b;
  return n > 0 && n <= 14 && OUTLET_LAST.has(s.slice(b).toLowerCase());
}
const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The phrase after "according to": up to a clause break. */
function phraseAfter(after: string): string | null {
  const m = phraseMatch(after);
  if (!m) return null;
  let np = m[0].trim().replace(ACCORDING_PREFIX, "");
  if (m[1] && IS_ACRONYM.test(m[1])) np = `${np} (${m[1]})`;
  return np && wordCount(np) <= 14 ? np : null;
}

/** The phrase after "according to" as a pattern: the reference for phraseMatch. */
export const PHRASE_AFTER =
  /^([^,.;:“”"()]{1,120}?)(?:\s*\(([^()]{1,12})\))?\s*(?:[,.;:“”"]|$|\s+(?:on|which|who|that|while|as|and said|said|in a statement|show|shows|showed|indicate|indicates|indicated)\b)/;
/** The words PHRASE_AFTER ends at, after white space. */
const PHRASE_STOP_WORDS = [
  "on",
  "which",
  "who",
  "that",
  "while",
  "as",
  "and said",
  "said",
  "in a statement",
  "show",
  "shows",
  "showed",
  "indicate",
  "indicates",
  "indicated",
];
/** The first letters of PHRASE_STOP_WORDS. */
const PHRASE_STOP_FIRST = new Set(PHRASE_STOP_WORDS.map((w) => w.charCodeAt(0)));
/** , . ; : “ ” " ( ): what the phrase cannot hold. */
const isPhraseStop = (c: number) =>
  c === 44 ||
  c === 46 ||
  c === 59 ||
  c === 58 ||
  c === 0x201c ||
  c === 0x201d ||
  c === 34 ||
  c === 40 ||
  c === 41;
/** Whether PHRASE_AFTER's ending can start at `p`: \s*, then a stop character, the end, or a word after \s+. */
function phraseEndsAt(s: string, p: number): boolean {
  let q = p;
  while (q < s.length && isJsSpace(s.charCodeAt(q))) q++;
  if (q === s.length) return true;
  const c = s.charCodeAt(q);
  if (c !== 40 && c !== 41 && isPhraseStop(c)) return true;
  if (q === p || !PHRASE_STOP_FIRST.has(c)) return false;
  for (const w of PHRASE_STOP_WORDS) {
    if (!s.startsWith(w, q)) continue;
    const after = s.charCodeAt(q + w.length);
    if (!(isAsciiLetter(after) || (after >= 48 && after <= 57) || after === 95)) return true;
  }
  return false;
}
/**
 * PHRASE_AFTER.exec(s) as [group 1, group 2], by a scan: the shortest phrase (1 to 120 characters, none of
 * , . ; : “ ” " ( )) after which either a parenthesis of 1 to 12 characters or nothing, then the ending,
 * can follow; the parenthesis is tried first.
 */
export function phraseMatch(s: string): [string, string | undefined] | null {
  const n = Math.min(s.length, 120);
  for (let len = 1; len <= n; len++) {
    if (isPhraseStop(s.charCodeAt(len - 1))) return null;
    let q = len;
    while (q < s.length && isJsSpace(s.charCodeAt(q))) q++;
    if (s.charCodeAt(q) === 40) {
      let r = q + 1;
      while (r < s.length && r - q - 1 < 12 && s.charCodeAt(r) !== 40 && s.charCodeAt(r) !== 41) r++;
      if (r > q + 1 && s.charCodeAt(r) === 41 && phraseEndsAt(s, r + 1))
        return [s.slice(0, len), s.slice(q + 1, r)];
    }
    if (phraseEndsAt(s, len)) return [s.slice(0, len), undefined];
  }
  return null;
}

const CHAT_MARKUP = /[<>@[\]{}|`*]/;

/**
 * The end of `s` from `longest` + 1 characters before its trailing white space: enough for an
 * end-anchored pattern "\\b(?:word…)\\s*$" whose words have at most `longest` letters (the extra
 * character keeps \\b exact), so it is not tried from every offset of a long sentence.
 */
export function wordsTail(s: string, longest: number): string {
  let k = s.length;
  while (k > 0 && isJsSpace(s.charCodeAt(k - 1))) k--;
  return k - longest - 1 <= 0 ? s : s.slice(k - longest - 1);
}

/** /[.!?]$/.test(s), from the last character. */
function endsWithStop(s: string): boolean {
  const c = s.charCodeAt(s.length - 1);
  return c === 46 || c === 33 || c === 63;
}

/** Every attribution in a sentence, in order of position. */
export function findAttributions(sentence: string): Attribution[] {
  const out: Attribution[] = [];
  const add = (surface: string | null, at: number) => {
    if (!surface) return;
    let s = surface.trim();
    // chat markup ("<!channel>", "@everyone", "[text](url)") is never part of a name: the name ends there
    const markup = s.search(CHAT_MARKUP);
    if (markup >= 0) s = s.slice(0, markup).trim();
    if (!s) return;
    out.push({ surface: s, at, outlet: isOutlet(s), pronoun: PRONOUN.test(s) });
  };
  ACCORDING.lastIndex = 0;
  for (let m = ACCORDING.exec(sentence); m !== null; m = ACCORDING.exec(sentence)) {
    const before = out.length;
    const rest = sentence.slice(m.index + m[0].length);
    const markup = rest.search(CHAT_MARKUP);
    add(phraseAfter(markup >= 0 ? rest.slice(0, markup) : rest), m.index);
    if (out.length > before && /^(?:citing|quoting)/i.test(m[0])) out[out.length - 1]!.cited = true;
  }
  for (
    let m = tallyPossessive(sentence, 0);
    m !== null;
    m = tallyPossessive(sentence, m.index + m[0].length)
  ) {
    const np = subjectBefore(`${sentence.slice(0, m.index)}${m[1]}`);
    if (np && !/^(?:it|its|their|his|her)$/i.test(np)) add(np, m.index);
  }
  REPORT_VERB.lastIndex = 0;
  for (let m = REPORT_VERB.exec(sentence); m !== null; m = REPORT_VERB.exec(sentence)) {
    const verb = m[0];
    const before = sentence.slice(0, m.index);
    const after = sentence.slice(m.index + verb.length);
    if (/^(?:put|puts|putting|gave|gives|giving)$/.test(verb) && !PUT_OBJECT.test(after)) continue;
    // the end-anchored patterns only need the last word and the white space after it
    const end = wordsTail(before, 11);
    if (PASSIVE_BEFORE.test(end) && !/^(?:saying|telling|adding|giving|putting|citing)$/.test(verb)) continue;
    if (
      /^(?:report|reports|estimate|estimates|records|claims|documents|figures)$/.test(verb) &&
      NOUN_BEFORE.test(end)
    )
      continue;
    let subj: string | null = null;
    if (/(?:,|[”"’])\s*$/.test(end) && /^(?:said|says|reported|added|wrote|stated)$/.test(verb)) {
      subj = subjectAfter(after);
    }
    if (!subj) subj = subjectBefore(before);
    // "…, saying 27 people had died"; "X praised the police and said 400 officers ..."
    if (!subj && /(?:,|\b(?:and|but))\s*$/.test(end)) subj = leadingSubject(sentence);
    add(subj, m.index);
  }
  // a headline's attribution before a colon: "Local official: at least nine civilians killed"
  // both need a colon (the first one, within 41 characters, for the first pattern)
  const firstColon = sentence.indexOf(":");
  const lead = firstColon >= 2 && firstColon <= 40 ? /^([^:.!?]{2,40}):\s/.exec(sentence) : null;
  if (lead && !endsWithStop(sentence) && wordCount(lead[1]!) <= 4 && DESCRIPTOR_HEAD.test(lead[1]!)) {
    add(lead[1]!, 0);
  }
  // a headline's attribution after a colon: "Over 1,000 killed in two days of clashes: rights group"
  const colon = firstColon >= 0 ? /:\s+([^:.!?]{2,50})$/.exec(sentence) : null;
  if (colon && !endsWithStop(sentence) && wordCount(colon[1]!) <= 5 && DESCRIPTOR_HEAD.test(colon[1]!)) {
    add(colon[1]!, colon.index);
  }
  out.sort((a, b) => a.at - b.at);
  return out;
}

// ───────────────────────── the resolver ─────────────────────────

/** Resolves attributions of one article to canonical originator names. Built once per article. */
export class Originators {
  private names: NameIndex | LazyNameIndex | null = null;
  /** position -> surface -> canonical name (a surface string met again keeps its hash: no key to build) */
  private readonly canonicalCache = new Map<number, Map<string, string>>();
  private readonly perSentence = new Map<number, Attribution[]>();
  /** Per sentence: where its clause breaks start (see clauseIndex). */
  private readonly clauseBreaks = new Map<number, number[]>();
  /** Per sentence: its capitalised spans, cleaned (see mention). */
  private readonly spans = new Map<
    number,
    { at: number; end: number; surface: string; name: string; counter: boolean | null }[]
  >();

  constructor(private readonly doc: Doc) {
    aliasKeys.clear();
    cleanNames.clear();
  }

  private index(): NameIndex | LazyNameIndex {
    const text = this.doc.text;
    this.names ??= LazyNameIndex.fits(text) ? new LazyNameIndex(text) : new NameIndex(text);
    return this.names;
  }

  attributions(i: number): Attribution[] {
    let a = this.perSentence.get(i);
    if (!a) {
      const s = this.doc.sentences[i];
      a = s ? findAttributions(s.text) : [];
      this.perSentence.set(i, a);
    }
    return a;
  }

  /**
   * The originator of a figure at `offset` (in the sentence) of sentence `i`: the nearest attribution in
   * the same clause, preferring anyone cited over the outlet that cites them. Null when there is none.
   */
  forFigure(i: number, offset: number): Originator | null {
    const all = this.attributions(i);
    if (!all.length) return this.mention(i, offset);
    const text = this.doc.sentences[i]!.text;
    let breaks = this.clauseBreaks.get(i);
    if (!breaks) {
      breaks = clauseBreaks(text);
      this.clauseBreaks.set(i, breaks);
    }
    const clauseOf = (pos: number) => clauseIndex(breaks, pos);
    const here = clauseOf(offset);
    // whoever an outlet cites; a counting body that cites its own sources stays the originator
    const own = all.filter((a) => !a.outlet && !a.cited);
    const nonOutlet = own.length ? own : all.filter((a) => !a.outlet);
    const pool = nonOutlet.length ? nonOutlet : all;
    const sameClause = pool.filter((a) => clauseOf(a.at) === here);
    const cands = sameClause.length ? sameClause : pool;
    let best = cands[0]!;
    for (const a of cands) if (Math.abs(a.at - offset) < Math.abs(best.at - offset)) best = a;
    return this.resolve(best, i);
  }

  /** A sentence without attribution that names a counting organisation: that organisation. */
  private mention(i: number, offset: number): Originator | null {
    let spans = this.spans.get(i);
    if (!spans) {
      spans = [];
      const s = this.doc.sentences[i]!;
      CAP_SPAN.lastIndex = 0;
      for (let m = nextCapSpan(s.text); m !== null; m = nextCapSpan(s.text)) {
        const name = cleanName(m.text.replace(/[’']s$/, ""));
        spans.push({ at: m.index, end: m.index + m.text.length, surface: m.text, name, counter: null });
      }
      this.spans.set(i, spans);
    }
    for (const sp of spans) {
      if (sp.at > offset) return null;
      sp.counter ??=
        COUNTER_HEAD.test(sp.name) &&
        !isOutlet(sp.name) &&
        !ADDRESSEE_BEFORE.test(this.doc.sentences[i]!.text.slice(Math.max(0, sp.at - 40), sp.at));
      if (sp.counter) return { source: this.index().canonical(sp.name), surface: sp.surface };
    }
    CAP_SPAN.lastIndex = 0;
    return null;
  }

  /** Canonical name for an attribution of sentence `i`. */
  resolve(a: Attribution, i: number): Originator | null {
    const surface = a.surface;
    if (a.pronoun) {
      const prior = this.priorOriginator(i, surface);
      if (prior) return { source: prior.source, surface };
      const bare = cleanName(surface);
      if (/^(?:it|he|she|they)$/i.test(bare)) return null;
      return { source: bare, surface };
    }
    return { source: this.canonical(surface, this.doc.sentences[i]!.start), surface };
  }

  /** The fullest name for a surface form found at `pos` of the article text. */
  canonical(surface: string, pos: number): string {
    // figures of one sentence (a breakdown) share their attribution: resolve it once
    let atPos = this.canonicalCache.get(pos);
    if (atPos === undefined) {
      atPos = new Map();
      this.canonicalCache.set(pos, atPos);
    }
    let hit = atPos.get(surface);
    if (hit === undefined) {
      hit = this.canonicalUncached(surface, pos);
      atPos.set(surface, hit);
    }
    return hit;
  }

  private canonicalUncached(surface: string, pos: number): string {
    const idx = this.index();
    const clean = cleanName(surface);
    // a named organisation or person inside the phrase ("a Dhaka Metropolitan Police spokesman")
    const caps = capSpans(clean).map((m) => cleanName(m.text.replace(/[’']s$/, "")));
    const orgInside = caps.find(
      (c) => ORG_HEAD.test(c) || idx.acronyms.has(c.toUpperCase()) || IS_ACRONYM.test(c),
    );
    if (orgInside) {
      const tail = clean.slice(clean.indexOf(orgInside) + orgInside.length).trim();
      if (
        !tail ||
        /^(?:spokes(?:man|woman|person)|officials?|officers?|chief|head|director|coordinator|sources?|commander|medics?|doctors?|staff|team|teams|workers?)\b/i.test(
          tail,
        ) ||
        /^\p{Lu}/u.test(tail)
      )
        return idx.canonical(orgInside);
      return clean;
    }
    if (caps.length) {
      // a person: the phrase ends with the name ("regional governor Serhiy Lysak", "Jena")
      const person = caps[caps.length - 1]!;
      if (clean.endsWith(person)) {
        const full = idx.canonical(person);
        if (wordCount(full) >= 2 || full === clean) return full;
      }
    }
    for (const [kind, fits] of DESCRIPTOR_KINDS) {
      if (!kind.test(clean)) continue;
      const named = idx.nearestOrg(pos, fits);
      if (named && descriptorFits(clean, named)) return named;
    }
    return idx.canonical(clean);
  }

  /** The originator a pronoun or a bare descriptor ("it", "the group", "the ministry") refers to. */
  private priorOriginator(i: number, surface: string): Originator | null {
    const bare = surface.trim().replace(/\s+/g, " ").toLowerCase();
    const person = /^(?:he|she)$/.test(bare);
    for (let j = i; j >= 0 && j >= i - 4; j--) {
      const atts = this.attributions(j).filter((a) => !a.pronoun && !a.outlet);
      for (let k = atts.length - 1; k >= 0; k--) {
        const a = atts[k]!;
        const r = this.resolve(a, j);
        if (!r) continue;
        const isPerson =
          /^\p{Lu}\S*\s+\p{Lu}/u.test(r.source) &&
          !ORG_HEAD.test(r.source) &&
          !DESCRIPTOR_HEAD.test(r.source);
        if (
          person &&
          !isPerson &&
          !/spokes|official|officer|governor|minister|leader|chief|director|commander|commissioner|mayor|head|coordinator|secretary|president/i.test(
            a.surface,
          )
        )
          continue;
        if (!person && bare !== "they" && isPerson) continue;
        if (/^the /.test(bare)) {
          const head = bare.replace(/^the /, "");
          // "the group" stands for anyone; "the ministry" only for a ministry, "the watchdog" for a monitor
          if (
            !["group", "organisation", "organization", "body"].includes(head) &&
            !aliasKey(r.source).includes(head) &&
            !DESCRIPTOR_KINDS.some(([kind, fits]) => kind.test(head) && fits.test(r.source))
          )
            continue;
        }
        return r;
      }
    }
    // a descriptor with no earlier attribution may still name an organisation of the article
    if (/^the /.test(bare)) {
      const s = this.doc.sentences[i];
      for (const [kind, fits] of DESCRIPTOR_KINDS) {
        if (!kind.test(bare)) continue;
        const named = this.index().nearestOrg(s ? s.start : 0, fits);
        if (named) return { source: named, surface };
      }
    }
    return null;
  }
}

/** A specific descriptor ("health ministry") must agree with the name it resolves to. */
function descriptorFits(descriptor: string, name: string): boolean {
  const spec =
    /\b(health|interior|defen[cs]e|foreign|emergency|civil protection|information|disaster|migration|refugee|humanitarian)\b/i.exec(
      descriptor,
    );
  if (!spec) return true;
  const key = aliasKey(name);
  const s = spec[1]!.toLowerCase().replace("defence", "defen").replace("defense", "defen");
  return key.includes(s);
}

const CLAUSE_BREAK = /;|,\s*(?:while|whereas|but)\s|\s(?:while|whereas)\s/g;
/** Where each CLAUSE_BREAK match of a sentence starts, in order. */
function clauseBreaks(text: string): number[] {
  const out: number[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m !== null; m = CLAUSE_BREAK.exec(text)) out.push(m.index);
  return out;
}
/** The clause a position is in: how many breaks start before it. */
function clauseIndex(breaks: readonly number[], pos: number): number {
  let n = 0;
  while (n < breaks.length && breaks[n]! < pos) n++;
  return n;
}
