// Attribution: who a quotation belongs to, read from the words around it.
//   after the quote:  ", X said" / ", said X" / ", X told AFP" / ", according to X" / "— X"
//   before the quote: "X said:" / "X said it" / "X called the reports" / "X, the UN envoy, said"
//                     "Rubio posted on X:" / "..., adding" (the subject of the sentence) / "Mr Smith:"
// The result is a noun phrase (a name, a pronoun, an organisation or a description); resolving it to
// a full name is done by the caller with the article's NameIndex.
import type { StatementKind } from "../core/types.js";
import {
  isAcronym,
  isOrgWord,
  isOutlet,
  isWs,
  joinTokens,
  nameRuns,
  splitTitle,
  stripLeading,
} from "./names.js";

export interface Attribution {
  /** The speaker as written ("Rubio", "he", "an activist in Latakia", "France’s foreign ministry"). */
  surface: string;
  /** An appositive or title written with it ("the UN envoy"). */
  role: string | null;
  /** Offset of the attribution (its verb), for ordering. */
  at: number;
}

const VERBS =
  "said|says|say|added|adds|told|tells|wrote|writes|posted|posts|tweeted|stated|states|declared|declares|announced|announces|" +
  "urged|urges|warned|warns|called|calls|described|describes|condemned|condemns|denounced|denounces|insisted|insists|" +
  "explained|explains|noted|notes|stressed|stresses|asked|asks|replied|replies|continued|recalled|recalls|claimed|claims|" +
  "argued|argues|vowed|vows|pledged|pledges|admitted|admits|acknowledged|acknowledges|confirmed|confirms|cautioned|" +
  "recounted|recounts|shouted|screamed|cried|whispered|lamented|laments|complained|complains|blamed|blames|accused|accuses|" +
  "demanded|demands|promised|promises|reported|revealed|testified|commented|remarked|responded|chanted|branded|labelled|" +
  "labeled|termed|dubbed|hailed|praised|criticised|criticized|slammed|welcomed|welcomes|appealed|pleaded|begged|sobbed|" +
  "concluded|agreed|emphasised|emphasized|underlined|reiterated|reiterates|maintained|observed|predicted|questioned|" +
  "wondered|quipped|joked|texted|exclaimed|yelled|murmured|boasted|conceded|contended|assured|urging|saying|adding|telling|" +
  "calling|warning|noting|describing|stressing|insisting|writing|explaining|accusing|demanding|denouncing|condemning|" +
  "arguing|declaring|vowing|pledging|blaming|recalling|asking|promising|chanting|branding|labelling|terming|dubbing|" +
  "quoted as saying|quoted as having said|told reporters|told journalists";

const PARTICIPLE_RE = /ing$|^quoted as/;
const VERB_RE = new RegExp(`\\b(?:${VERBS})\\b`, "giu");

/** A reporting verb found in a text: where it starts and how it is written there. */
export interface VerbMatch {
  index: number;
  text: string;
}

// findVerbs scans word by word instead of trying the whole alternation at every offset. Under the
// i and u flags VERB_RE also matches "ſ" (U+017F) as s and "K" (U+212A) as k, and counts them as
// word characters for \b: texts holding either are left to the regex.
const VERB_WORDS = new Set(VERBS.split("|").filter((v) => !v.includes(" ")));
const MAX_VERB_LENGTH = Math.max(...[...VERB_WORDS].map((v) => v.length));
/** Verb words by first letter and length (bit per length): most words are dismissed without a slice. */
const VERB_SHAPES = new Uint32Array(26);
for (const v of [...VERB_WORDS, "quoted"]) VERB_SHAPES[v.charCodeAt(0) - 97]! |= 1 << v.length;

const isWordChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** Every match of VERB_RE in s, in order. */
export function findVerbs(s: string): VerbMatch[] {
  const out: VerbMatch[] = [];
  forEachVerb(s, (m) => {
    out.push(m);
    return false;
  });
  return out;
}

/** Calls `visit` with each match of VERB_RE in s, in order, until it returns true. */
export function forEachVerb(s: string, visit: (m: VerbMatch) => boolean): void {
  if (s.includes("\u017f") || s.includes("\u212a")) {
    for (const m of findVerbsByRegex(s)) if (visit(m)) return;
    return;
  }
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(s.charCodeAt(i))) {
      i++;
      continue;
    }
    // a run of word characters starting at a word boundary, hashed in lower case as it is read
    const p = i;
    let letters = true;
    let hash = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (!isWordChar(c)) break;
      if (c < 65 || c === 95 || (c > 90 && c < 97)) letters = false;
      hash = (Math.imul(hash, 31) + (c | 32)) | 0;
      i++;
    }
    const len = i - p;
    if (!letters || len > MAX_VERB_LENGTH) continue;
    const shapes = VERB_SHAPES[(s.charCodeAt(p) | 32) - 97]!;
    if (!(shapes & (1 << len)) || !VERB_HASHES.has(hash)) continue;
    const word = s.slice(p, i);
    const lower = word.toLowerCase();
    if (VERB_WORDS.has(lower)) {
      if (visit({ index: p, text: word })) return;
    } else if (lower === "quoted") {
      // "quoted as saying" / "quoted as having said", written with single spaces
      for (const rest of QUOTED_AS) {
        const end = i + rest.length;
        if (s.slice(i, end).toLowerCase() === rest && (end >= n || !isWordChar(s.charCodeAt(end)))) {
          if (visit({ index: p, text: s.slice(p, end) })) return;
          i = end;
          break;
        }
      }
    }
  }
}

/** Lower-case word hash as forEachVerb computes it. */
function wordHash(w: string): number {
  let hash = 0;
  for (let k = 0; k < w.length; k++) hash = (Math.imul(hash, 31) + (w.charCodeAt(k) | 32)) | 0;
  return hash;
}
const VERB_HASHES = new Set([...VERB_WORDS, "quoted"].map(wordHash));

const QUOTED_AS = [" as saying", " as having said"];

/** The same by the regex (the reference for findVerbs). */
export function findVerbsByRegex(s: string): VerbMatch[] {
  const out: VerbMatch[] = [];
  VERB_RE.lastIndex = 0;
  for (let m = VERB_RE.exec(s); m !== null; m = VERB_RE.exec(s)) out.push({ index: m.index, text: m[0] });
  return out;
}

/** Verbs that attribute a quotation that precedes them (", X said"). */
const POST_VERBS =
  "said|says|say|added|adds|told|tells|wrote|writes|posted|tweeted|stated|declared|announced|explained|noted|stressed|" +
  "asked|asks|replied|continued|recalled|recalls|claimed|argued|argues|insisted|insists|warned|warns|cautioned|recounted|" +
  "shouted|cried|whispered|lamented|complained|admitted|acknowledged|confirmed|concluded|commented|remarked|responded|" +
  "quipped|joked|pleaded|sobbed|agreed|reiterated|emphasised|emphasized|observed|predicted|wondered|yelled|screamed|" +
  "texted|exclaimed|vowed|pledged|urged|testified|notes|explains|murmured|boasted|conceded|contended|assured";

const NP = String.raw`[^,.!?;:“”"‘’«»\n()\[\]]{1,90}?`;
const POST_SUBJECT_RE = new RegExp(
  String.raw`^[\s,;:—–-]*(${NP}(?:,[^.!?;:“”"‘’«»\n]{1,80},)?)\s+(?:also\s+|later\s+|then\s+|further\s+|again\s+|previously\s+|earlier\s+|simply\s+|had\s+|has\s+|have\s+|was\s+quoted\s+as\s+|is\s+quoted\s+as\s+)?(${POST_VERBS})\b`,
  "iu",
);
const POST_INVERTED_RE =
  /^[\s,;:—–-]*(said|says|added|asked|wrote|continued|recalled|explained|insisted|replied|warned|shouted|cried|remarked|noted|stated|declared|according to)\s+([^.!?;:“”"‘’«»\n()]{1,90}?)(?=[.!?;:\n“"‘]|,|$)(?:,\s*([^.!?;:“”"‘’«»\n]{1,80}?)(?=[.!?;:\n]|,|$))?/iu;
const POST_ACCORDING_RE = /^[\s,;—–-]*according to\s+([^,.!?;:“”"‘’«»\n()]{1,90})/iu;
const POST_DASH_RE = /^\s*[—–-]\s*([\p{Lu}][^,.!?;:“”"‘’«»\n()]{1,60})$/u;

const PASSIVE_BEFORE_RE = /\b(?:been|being|was|were|is|are|be|get|got)\s+(?:\w+ly\s+)?$/i;
const INVERTED_AFTER_RE =
  /^\s+((?:the\s+)?[\p{Lu}][^,.!?;:“”"‘’«»\n()]{1,80}?)(?=\s*(?:[,.;:]|$|\s+(?:on|in|at|who|which)\s))/u;

/** "were warned" is not the speaker's verb; "was quoted as saying" is. */
function isPassive(s: string, m: VerbMatch): boolean {
  return (
    !m.text.toLowerCase().startsWith("quoted") &&
    PASSIVE_BEFORE_RE.test(s.slice(Math.max(0, m.index - 12), m.index))
  );
}

/** "…, said Health Minister Ana Paredes, who …" (verb after a comma, name after it), else the subject before. */
function speakerOfVerb(left: string, verb: VerbMatch): Omit<Attribution, "at"> | null {
  const before = left.slice(0, verb.index);
  if (
    /,\s*$/.test(before) &&
    /^(?:said|says|added|wrote|stated|explained|recalled|noted|insisted)$/i.test(verb.text)
  ) {
    const after = INVERTED_AFTER_RE.exec(left.slice(verb.index + verb.text.length));
    if (after && isNounPhrase(after[1]!) && !PRONOUN_RE.test(after[1]!.trim()) && !isOutlet(after[1]!))
      return { surface: clean(after[1]!), role: null };
  }
  return subjectOf(left, verb.index, PARTICIPLE_RE.test(verb.text.toLowerCase()));
}

/**
 * The speaker of a reported-speech sentence text[start, end): the subject of its first active reporting
 * verb ("Minister Winston Chitando, who visited the site, said miners had been warned").
 */
export function sentenceSpeaker(text: string, start: number, end: number): Attribution | null {
  const s = undot(text.slice(start, Math.min(end, start + 600)));
  let found: Attribution | null = null;
  forEachVerb(s, (m) => {
    // a verb inside a relative clause ("A monk, who asked not to be named, described…") is not the main one
    if (
      isPassive(s, m) ||
      /\b(?:who|which)\s+(?:\w+\s+)?$/i.test(s.slice(Math.max(0, m.index - 24), m.index))
    )
      return false;
    const sp = speakerOfVerb(s, m);
    found = sp ? { ...sp, at: start + m.index } : null;
    return true;
  });
  return found;
}

/** Leading words an attribution noun phrase can start with. */
const NP_START_RE =
  /^(?:he|she|they|it|we|i|a|an|the|one|two|three|another|his|her|their|its|our|some|many|several|most|dozens|hundreds|officials|residents|witnesses|survivors|police|rescuers|\p{Lu}|\d)/iu;
const NP_BAD_START_RE =
  /^(?:and|but|or|while|as|which|who|whom|that|when|after|before|because|if|than|then|so|of|in|on|at|to|for|from|with|by|into|over|about|referring|including|adding|saying|calling|urging)\b/i;
const PRONOUN_RE = /^(?:he|she|they|it|we|i)$/i;

/** Attribution written right after the closing mark, up to `limit`. */
export function postAttribution(text: string, from: number, limit: number): Attribution | null {
  const tail = undot(text.slice(from, limit));
  const dash = POST_DASH_RE.exec(tail);
  if (dash) return { surface: clean(dash[1]!), role: null, at: from + dash.index };
  const acc = POST_ACCORDING_RE.exec(tail);
  if (acc && !isOutlet(clean(acc[1]!))) return { surface: clean(acc[1]!), role: null, at: from + acc.index };
  const inv = POST_INVERTED_RE.exec(tail);
  if (inv && inv[1]!.toLowerCase() !== "according to") {
    const sp = stripTrailingAdverbials(inv[2]!);
    if (sp && isNounPhrase(sp) && !PRONOUN_RE.test(sp) && !isOutlet(sp)) {
      // "said Smith, the UN envoy" / "said the UN envoy, John Smith"
      return { surface: sp, role: inv[3] ? clean(inv[3]) : null, at: from + inv.index };
    }
  }
  const m = POST_SUBJECT_RE.exec(tail);
  if (m) {
    let sp = clean(m[1]!);
    let role: string | null = null;
    const appos = /^([^,]+),\s*(.+?),?$/.exec(sp);
    if (appos) {
      // "Haidar, 67," / "Smith, the UN envoy," / "the charity's director, Khuram Gondal,"
      const pick = pickAppositive(
        [clean(appos[1]!), /^\d+$/.test(appos[2]!.trim()) ? "" : clean(appos[2]!)].filter(Boolean),
      );
      if (pick) {
        sp = pick.surface;
        role = pick.role;
      }
    }
    sp = stripTrailingAdverbials(sp);
    if (sp && isNounPhrase(sp) && countWords(sp) <= 12 && !isOutlet(sp)) {
      return { surface: sp, role, at: from + m.index };
    }
  }
  return null;
}

const ABBR_DOT_RE =
  /\b(Mr|Mrs|Ms|Dr|Rev|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|St|Prof|Det|Supt|Insp|Maj|Brig|Adm|Cmdr|Jr|Sr|Fr|Hon)\./g;

const DOT_ABBREVIATIONS = new Set(
  "Mr Mrs Ms Dr Rev Gen Lt Col Sgt Capt Gov Sen Rep St Prof Det Supt Insp Maj Brig Adm Cmdr Jr Sr Fr Hon".split(
    " ",
  ),
);

/** "the Rev. Marcus Hill" → "the Rev  Marcus Hill": same length, so offsets hold, and no false sentence end. */
export function undot(s: string): string {
  // ABBR_DOT_RE by hand: a dot after a whole word (\b before it) that is one of the abbreviations
  let out: string | null = null;
  let from = 0;
  for (let d = s.indexOf("."); d >= 0; d = s.indexOf(".", d + 1)) {
    let p = d;
    while (p > 0 && d - p <= 4 && isWordChar(s.charCodeAt(p - 1))) p--;
    if (p === d || (p > 0 && isWordChar(s.charCodeAt(p - 1))) || !DOT_ABBREVIATIONS.has(s.slice(p, d)))
      continue;
    out = out === null ? s.slice(0, d) : out + s.slice(from, d);
    out += " ";
    from = d + 1;
  }
  return out === null ? s : out + s.slice(from);
}

/** The same by the regex (the reference for undot). */
export function undotByRegex(s: string): string {
  return s.replace(ABBR_DOT_RE, "$1 ");
}

const WS_RUN_RE = /\s+/g;

/** s.replace(/\s+/g, " "), without the regex when there is nothing to replace. */
export function collapseWhitespace(s: string): string {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isWs(c) && (c !== 32 || (i + 1 < n && isWs(s.charCodeAt(i + 1))))) return s.replace(WS_RUN_RE, " ");
  }
  return s;
}

const isEdgeJunk = (c: number) =>
  c === 44 || c === 59 || c === 58 || c === 0x2014 || c === 0x2013 || c === 45 || isWs(c);

function isNounPhrase(sp: string): boolean {
  return NP_START_RE.test(sp) && !NP_BAD_START_RE.test(sp);
}

/** s.split(/\s+/).filter(Boolean).length: the number of runs of non-space characters. */
export function countWords(s: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const w = !isWs(s.charCodeAt(i));
    if (w && !inWord) count++;
    inWord = w;
  }
  return count;
}

const PARENS_RE = /\s*\([^)]*\)\s*/g;
const EDGE_JUNK_RE = /^[\s,;:—–-]+|[\s,;:—–-]+$/g;

/** Drops parentheses, collapses spaces, trims spaces and punctuation; each step only when it changes something. */
export function clean(s: string): string {
  let t = s.includes("(") ? s.replace(PARENS_RE, " ") : s;
  t = collapseWhitespace(t);
  if (t.length > 0 && (isEdgeJunk(t.charCodeAt(0)) || isEdgeJunk(t.charCodeAt(t.length - 1))))
    t = t.replace(EDGE_JUNK_RE, "");
  return t;
}

/** The same by the regexes alone (the reference for clean). */
export function cleanByRegex(s: string): string {
  return s
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, "");
}

const TRAILING_ADVERBIAL_RE =
  /(?:\s+(?:also|later|earlier|then|previously|again|repeatedly|separately|yesterday|today|tonight|recently|reportedly|initially|subsequently|further|once|already|still|even|just|officially|publicly|privately|angrily|tearfully|quietly|simply|firmly|bluntly|flatly|had|has|have|was|were|is|are|will|would|could|did|does|do|had been|has been|have been)|\s+(?:on|last|this|late|early|earlier|later)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|night|week|month|year|morning|evening|afternoon|weekend)|\s+(?:in|on|at|during|via|through|over)\s+(?:a|an|the|his|her|their|its)\s+[^,]{0,60}|\s+on\s+(?:x|twitter|facebook|telegram|instagram|tiktok|social media|television|tv|radio)|\s+(?:on|in)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+\d{1,2})?)$/iu;

function stripTrailingAdverbials(s: string): string {
  let out = clean(s);
  for (let k = 0; k < 6; k++) {
    const next = out.replace(TRAILING_ADVERBIAL_RE, "");
    if (next === out) break;
    out = next.trim();
  }
  return out;
}

const ACCORDING_GUARD_RE = /according to/i;
const PRE_ACCORDING_RE = /\baccording to\s+([^,.!?;:“”"‘’«»\n()]{1,90}),?\s*$/iu;
const COLON_END_RE = /:\s*$/;
const PRE_COLON_RE = /(?:^|[.!?]\s+|\n)([\p{Lu}][^,.!?;:“”"‘’«»\n()]{1,60}):\s*$/u;

/** Attribution written before the quotation, inside its sentence: text[sentStart, quoteOpen). */
export function preAttribution(text: string, sentStart: number, quoteOpen: number): Attribution | null {
  const from = Math.max(sentStart, quoteOpen - 400);
  const left = undot(text.slice(from, quoteOpen));
  // "According to the ministry, “…”"
  // cheap guards first: these patterns end in $ and would otherwise be tried from every offset
  const acc = ACCORDING_GUARD_RE.test(left) ? PRE_ACCORDING_RE.exec(left) : null;
  if (acc && !isOutlet(clean(acc[1]!))) return { surface: clean(acc[1]!), role: null, at: from + acc.index };
  // the last active reporting verb before the quote
  let verb: VerbMatch | null = null;
  for (const m of findVerbs(left)) if (!isPassive(left, m)) verb = m;
  if (verb) {
    const between = left.slice(verb.index + verb.text.length);
    // the verb must govern the quote: not too far, and not inside another clause ending with a full stop
    if (between.length <= 220 && !/[.!?]\s+\p{Lu}/u.test(between)) {
      const sp = speakerOfVerb(left, verb);
      if (sp) return { ...sp, at: from + verb.index };
    }
  }
  // "Mr Smith: “…”" — a speaker and a colon right before the quote
  const colon = COLON_END_RE.test(left) ? PRE_COLON_RE.exec(left) : null;
  if (colon) {
    const sp = clean(colon[1]!);
    if (isNounPhrase(sp) && !isOutlet(sp) && countWords(sp) <= 6)
      return { surface: sp, role: null, at: from + colon.index };
  }
  return null;
}

const STATEMENT_TAIL_RE =
  /\s+(?:releasing|issuing|issued|released|published|posting|posted|in|with|via|through)\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+)?(?:statement|message|post|video|communique|communiqué|tweet|letter|note|report)$/i;
const RELATIVE_RE = /^((?:a|an|the|one|another|\p{Lu})[^,]*?)\s+(?:who|whose|which)\s/iu;
const SUBORDINATOR_RE =
  /^.*\b(?:that|how|who|which|when|where|because|while|whereas|although|though|if|after|before|since|as|and|but|with|by)\s+/i;
const PREP_START_RE =
  /^(?:in|on|at|from|near|for|to|by|with|of|during|after|before|since|amid|among|speaking|asked|earlier|later|similarly|meanwhile|however|separately|elsewhere|instead|also|but|and|yet|so|then|in a statement|on \w+day)\b/i;

/** The speaker for a reporting verb at `verbAt` in `left`: the noun phrase before it, or the sentence subject. */
function subjectOf(left: string, verbAt: number, participle: boolean): Omit<Attribution, "at"> | null {
  const before = left.slice(0, verbAt);
  // "Sentence start ..., but said:" or ", adding" / ", telling AP," → the subject of the sentence
  const chunks = before.split(/\s*[,;]\s*|\s+[—–]\s+/);
  let last = chunks.length - 1;
  const lastChunk = stripTrailingAdverbials(chunks[last] ?? "");
  if (participle && /(?:^|,)\s*$/.test(before)) return sentenceSubject(chunks);
  if (!lastChunk || /^(?:and|but|or|then|yet|so|before|after)$/i.test(lastChunk)) {
    if (lastChunk) return sentenceSubject(chunks);
    // "X, the UN envoy, said" / "The UN’s envoy, Geir Pedersen, said" / "X, speaking at..., urged"
    last--;
    const cands: string[] = [];
    while (last >= 0 && cands.length < 2) {
      const c = stripIntro(clean(chunks[last]!));
      last--;
      if (
        !c ||
        /^\d+$/.test(c) ||
        /^[\p{Ll}]+ing\b/u.test(c) ||
        /^(?:aged|age|who|which|whose|where|when)\b/i.test(c)
      )
        continue;
      cands.unshift(c);
    }
    return pickAppositive(cands);
  }
  let np = lastChunk.replace(STATEMENT_TAIL_RE, "");
  // "A monk who survived the attack" → "A monk"; "Witnesses revealed how women were" → "women were"
  const rel = RELATIVE_RE.exec(np);
  if (rel) np = rel[1]!;
  else np = np.replace(SUBORDINATOR_RE, "");
  np = stripTrailingAdverbials(np);
  np = stripIntro(np);
  if (!np) return sentenceSubject(chunks);
  // "Ali Sheha, a 57-year-old resident of Baniyas was quoted as saying"
  if (/^(?:a|an)\s/i.test(np) && last >= 1) {
    const prev = stripIntro(clean(chunks[last - 1]!));
    if (prev && isNameOnly(prev)) return { surface: prev, role: np };
  }
  if (countWords(np) > 12) {
    const name = lastName(np);
    return name ? { surface: name, role: null } : null;
  }
  if (!isNounPhrase(np) || isOutlet(np)) return null;
  return { surface: np, role: null };
}

const INTRO_RE =
  /^(?:(?:in|on|at|during|after|before|since|amid)\s+(?:a|an|the)?\s*[^,]*?\s+(?=(?:the|a|an)\s)|similarly|meanwhile|however|separately|elsewhere|instead|also|earlier|later|but|and|yet|so|then|with|while|as)\s+/i;

function stripIntro(s: string): string {
  let out = s.trim();
  for (let k = 0; k < 3; k++) {
    const next = out.replace(INTRO_RE, "");
    if (next === out) break;
    out = next.trim();
  }
  return out;
}

/** The leading noun phrase of the first chunk that is not an introductory adverbial. */
function sentenceSubject(chunks: string[]): Omit<Attribution, "at"> | null {
  for (const raw of chunks) {
    const c = clean(raw);
    if (!c || PREP_START_RE.test(c) || /^[\p{Ll}]+ing\b/u.test(c)) continue;
    const pron = /^(he|she|they|it|we|i)\b/i.exec(c);
    if (pron) return { surface: pron[1]!, role: null };
    // the first person- or institution-like run near the start; a lone demonym ("Lebanese") only as a last resort
    let pick: { end: number } | null = null;
    for (const r of nameRuns(c)) {
      const t = stripLeading(r.tokens);
      if (!t.length || r.possessive) continue;
      if (t[0]!.start > 60) break;
      const { role, name } = splitTitle(t);
      if (name.length >= 2 || role.length || isAcronym(name[0]!.text) || isOrgWord(name[0]!.text) || !pick) {
        pick = { end: t[t.length - 1]!.end };
        if (name.length >= 2 || role.length || isAcronym(name[0]!.text)) break;
      }
    }
    if (pick) return { surface: stripIntro(c.slice(0, pick.end)), role: null };
    const desc =
      /^((?:a|an|the|one|another)\s+(?:[\p{L}’'-]+\s+){0,4}?[\p{L}’'-]+?)\s+(?:\w+ed|\w+s|was|were|had|has|have|is|are|will|would|said|told|wrote|gave|took|made|went|came|saw|put|met|kept|felt|left)\b/iu.exec(
        c,
      );
    if (desc) return { surface: desc[1]!, role: null };
    return null;
  }
  return null;
}

function isNameOnly(s: string): boolean {
  const runs = nameRuns(s);
  if (runs.length !== 1) return false;
  const r = runs[0]!;
  // "In Jableh" is a place phrase, not a name
  return (
    r.start <= 4 &&
    r.end >= s.length - 1 &&
    !r.possessive &&
    stripLeading(r.tokens).length === r.tokens.length
  );
}

function lastName(s: string): string | null {
  const runs = nameRuns(s);
  const r = runs[runs.length - 1];
  return r ? r.text : null;
}

/** Of "NAME, ROLE" or "ROLE, NAME", the named one is the speaker and the other its role. */
function pickAppositive(c: string[]): Omit<Attribution, "at"> | null {
  const b = c[c.length - 1];
  if (!b) return null;
  const a = c.length > 1 ? c[c.length - 2]! : null;
  const bName = isNameOnly(b.replace(/^the\s+/i, ""));
  const aName = a !== null && isNameOnly(a.replace(/^the\s+/i, ""));
  const descriptive = (s: string | null) =>
    s !== null && (/^(?:a|an|the|another|one)\s/i.test(s) || /[’']s\s/.test(s));
  if (bName) return { surface: b, role: descriptive(a) ? a : null };
  if (aName && descriptive(b)) return { surface: a!, role: b };
  return isNounPhrase(b) && !isOutlet(b) ? { surface: b, role: null } : null;
}

// ---------------------------------------------------------------------------------------------
// What kind of speaker a noun phrase is.

const WITNESS_RE =
  /\b(?:residents?|witness(?:es)?|survivors?|relatives?|mother|father|son|daughter|brother|sister|wife|husband|widow|neighbou?rs?|villagers?|man|woman|men|women|boy|girl|child|children|students?|teachers?|farmers?|shopkeepers?|drivers?|passengers?|locals?|people|parents?|families|family|friends?|victims?|mourners?|protesters?|demonstrators?|eyewitness(?:es)?|onlookers?|citizens?|refugees?|owner|customer|patient|neighbo?urhood|tenant|fisherm[ae]n|worshippers?|pilgrims?|youths?|teenagers?|doctor at|nurse at|someone|alawites?|sunnis?|shiites?|christians?|kurds?|druze|muslims?|jews?|hindus?)\b/i;
const OFFICIAL_RE =
  /\b(?:president|presidency|minister|ministry|secretary|ambassador|envoy|spokes(?:man|woman|person)|official|officials|government|authorities|authority|army|military|police|governor|mayor|senator|legislator|lawmaker|parliament|general|colonel|commander|officer|chief|commissioner|diplomat|diplomats|leader|king|queen|prime|chancellor|premier|council|u\.n\.|united nations|european union|embassy|state department|white house|kremlin|interior|defen[cs]e|foreign office|department|prosecutor|judge|court|sheriff|fire (?:service|department|chief)|emergency services|civil defen[cs]e|rescue service|coast guard|agency spokes|cabinet|administration|regime|navy|air force|forces|troops|soldiers?|emir|sultan|prince|deputy|congress|senate|state media|presidential|high commissioner|rapporteur|special coordinator)\b/i;
const ORG_RE =
  /\b(?:observatory|watchdog|network|watch|amnesty|red cross|red crescent|doctors without borders|médecins|medecins|charity|monitor|monitoring|group|organi[sz]ation|rights|human rights|aid agency|aid group|relief|unicef|unhcr|save the children|oxfam|foundation|institute|association|union|federation|hospital|clinic|medical|white helmets|volunteers?|activists?|campaigners?|researchers?|analysts?|experts?|think tank|league|committee to protect|reporters without borders|federation|society|coalition|trust)\b/i;

// acronyms compared case-sensitively ("WHO", not "who")
const OFFICIAL_ACRONYM_RE = /\b(?:UN|U\.N\.|EU|NATO|MP|MEP|IDF|RSF|CENTCOM|FBI|NYPD|LAPD)\b/;
const ORG_ACRONYM_RE = /\b(?:MSF|NGO|WHO|WFP|OCHA|UNRWA|IOM|ICRC|IFRC|UNHCR|UNICEF|HRW|SOHR|SNHR|CARE)\b/;

// kindOf is asked about the same speakers again and again (every quotation, every pronoun); kept
// for the article being read (clearKindCache starts the next one)
const KINDS = new Map<string, StatementKind>();
const KINDS_SIZE = 5000;

/** Forgets the kinds kept for the previous article. */
export function clearKindCache(): void {
  KINDS.clear();
}

export function kindOf(speaker: string, role: string | null): StatementKind {
  const key = role === null ? `\u0000${speaker}` : `${role}\u0001${speaker}`;
  let kind = KINDS.get(key);
  if (kind === undefined) {
    kind = computeKind(speaker, role);
    if (KINDS.size >= KINDS_SIZE) KINDS.clear();
    KINDS.set(key, kind);
  }
  return kind;
}

function computeKind(speaker: string, role: string | null): StatementKind {
  const s = `${role ?? ""} ${speaker}`;
  if (/\bactivists?\b/i.test(s) && !OFFICIAL_RE.test(s)) return "witness";
  if (ORG_ACRONYM_RE.test(s)) return "organization";
  if (OFFICIAL_RE.test(s) || OFFICIAL_ACRONYM_RE.test(s)) return "official";
  if (ORG_RE.test(s)) return "organization";
  if (WITNESS_RE.test(s)) return "witness";
  const runs = nameRuns(speaker);
  if (
    runs.some((r) => r.tokens.some((t) => isOrgWord(t.text)) || (r.tokens.length === 1 && isAcronym(r.text)))
  )
    return "organization";
  if (/^(?:an?|one|another|some)\b/i.test(speaker)) return "witness";
  return "witness";
}

/** Splits "US Secretary of State Marco Rubio" into the name and its title. */
export function nameAndTitle(np: string): { name: string; title: string | null } | null {
  const runs = nameRuns(np);
  const r = runs[runs.length - 1];
  if (!r) return null;
  const t = stripLeading(r.tokens);
  if (!t.length) return null;
  const { role, name } = splitTitle(t);
  const title = role.length ? joinTokens(role) : null;
  return { name: joinTokens(name), title };
}
