// Proper names found by rule: runs of capitalised words (with particles al-/al/bin/de/van… and
// connectors "of"/"for" inside institutional names), split into a leading title or role
// ("US Secretary of State") and the name itself ("Marco Rubio"). Works on any script with upper case.
// A per-article index maps short forms to the full name the article gives ("Rubio" → "Marco Rubio").

import { anyCase, beyondAscii } from "./chars.js";

export interface NameToken {
  text: string;
  start: number;
  end: number;
}

export interface NameRun {
  tokens: NameToken[];
  start: number;
  end: number;
  text: string;
  /** The run ends in a possessive ("Syria’s"); the possessive is not part of `text`. */
  possessive: boolean;
}

export interface PersonMention {
  /** The person's name without title ("Marco Rubio", "Sharaa"). */
  name: string;
  /** Title or role written in the same run or just before it ("US Secretary of State"). */
  role: string | null;
  start: number;
  end: number;
}

// A capitalised word (any script), optionally with a particle prefix (al-Assad, el-Sisi, d’Alembert).
const ABBR = String.raw`(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|St|Rev|Maj|Brig|Cpl|Adm|Cmdr|Supt|Det|Fr|Jr|Sr)\.`;
const WORD = String.raw`(?:(?:al|el|ad|as|ash|at|az|ar|an|ibn|bin|abu|d|l)[-’'])?\p{Lu}[\p{L}\p{M}]*(?:[-’'][\p{L}\p{M}]+)*`;
// initials ("J. R. Smith") only when another capitalised word follows
const CAP = String.raw`(?:${ABBR}|\p{Lu}\.(?=[ \u00a0]\p{Lu})|${WORD})`;
const PARTICLE =
  "(?:al|el|bin|ibn|bint|abu|abd|de|da|das|dos|du|del|della|der|den|di|van|von|la|le|ter|ben|y)";
const CONNECT = "(?:of|for|of the|for the)";
const RUN_RE = new RegExp(
  String.raw`${CAP}(?:(?:[ \u00a0]+(?:${PARTICLE}[ \u00a0]+)*${CAP})|(?:[ \u00a0]+${CONNECT}[ \u00a0]+(?=\p{Lu})${CAP}))*`,
  "gu",
);
const RUN_AT_RE = new RegExp(RUN_RE.source, "uy");
const POSSESSIVE_RE = /[’']s?$/u;

/** Capitalised words that start sentences or headlines but are not names. */
const NOT_NAMES = new Set(
  (
    "the a an in on at but and or so yet for nor of to by with from as if when while after before since until " +
    "though although despite amid among meanwhile however moreover earlier later then now today yesterday tonight " +
    "last this that these those there here it its he she they we i you his her their our my your one two three " +
    "some many most all several few each every no not what who why how where which speaking asked according " +
    "also still even just only both either neither such other another more less about around over under " +
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august " +
    "september october november december overnight video footage photo pictured watch read update updated breaking " +
    "similarly separately elsewhere instead indeed additionally meanwhile nevertheless sources witnesses residents"
  ).split(" "),
);

/** Words that make a run an institution rather than a person. */
const ORG_WORDS = new Set(
  (
    "ministry ministries council observatory network union nations committee agency agencies organisation organization " +
    "authority authorities forces force army police department office government commission court party group front " +
    "institute university hospital bank fund society association federation service services corps crescent cross " +
    "watch international amnesty presidency parliament assembly congress senate embassy command brigade brigades " +
    "movement coalition alliance company corporation news press agency times post guardian telegraph journal " +
    "centre center program programme foundation trust board bureau unit guard guards navy airforce militia " +
    "rights council secretariat mission administration directorate inc ltd"
  ).split(" "),
);

/** Words that make a run a place. */
const PLACE_WORDS = new Set(
  (
    "street road avenue square city province district county region state states kingdom republic island islands " +
    "river valley mountains mountain sea ocean bay gulf coast airport base camp bridge park village town strip bank " +
    "heights plain desert lake peninsula"
  ).split(" "),
);

/** Titles and offices written before a name. Compared lower case without a final dot. */
export const TITLES = new Set(
  (
    "president vice prime minister secretary secretary-general general gen mr mrs ms miss dr prof professor sheikh " +
    "king queen prince princess emir sultan pope mayor governor gov senator sen rep representative congressman " +
    "congresswoman judge justice chief commissioner inspector superintendent supt sergeant sgt officer lieutenant lt " +
    "colonel col major maj captain capt commander cmdr admiral adm brigadier brig corporal cpl spokesman " +
    "spokeswoman spokesperson ambassador envoy chancellor speaker director deputy rapporteur coordinator head " +
    "leader father fr rev reverend imam rabbi bishop archbishop cardinal ayatollah crown sir dame lord lady mp mep " +
    "attorney sheriff marshal chairman chairwoman chair undersecretary under-secretary foreign interior defence defense " +
    "health high special acting interim premier patriarch mufti detective det constable pc firefighter chief-of-staff " +
    // occupations and descriptions written like titles ("Survivor Thandeka Nkosi", "Fisherman Rodel Abarquez")
    "survivor resident witness neighbour neighbor fisherman farmer shopkeeper trader teacher student nurse doctor " +
    "driver passenger activist journalist lawyer pastor priest villager miner worker mother father widow " +
    "grandmother grandfather businessman businesswoman photographer reporter correspondent paramedic rescuer volunteer"
  ).split(" "),
);

/** Adjectives of office that only count as title words before another title word ("Foreign Minister"). */
const TITLE_MODIFIERS = new Set(
  "vice prime foreign interior defence defense health high special acting interim deputy crown chief under".split(
    " ",
  ),
);

/** News outlets and agencies: they print statements, they are never the speaker. */
const OUTLETS_RE =
  /^(?:the\s+)?(?:afp|agence france-presse|reuters|ap|associated press|bbc|cnn|al jazeera|al-jazeera|aljazeera|the national|national|sana|anadolu|anadolu agency|xinhua|dpa|efe|ansa|kyodo|yonhap|tass|ria novosti|interfax|pti|upi|bloomberg|new york times|times|washington post|guardian|telegraph|independent|financial times|wall street journal|sky news|nbc|abc|cbs|fox news|npr|cnbc|euronews|france 24|france24|deutsche welle|dw|the guardian|the times|the telegraph|the independent|daily mail|mailonline|mail online|the sun|the mirror|haaretz|times of israel|al arabiya|asharq al-awsat|ani|ians|reuters news agency|sana state news agency|the associated press|news agency|state news agency|state media|state television|state tv|local media|media|reporters?|(?:an? )?(?:afp|reuters|ap|bbc) (?:reporter|correspondent|journalist|photographer))(?:\s+news(?:\s+agency)?)?$/i;

export function isOutlet(s: string): boolean {
  return OUTLETS_RE.test(s.trim());
}

// Attribution phrases and sentence heads are read several times per quotation (title split, kind,
// subject): whole short strings keep their runs for the article being read (clearRunsCache starts
// the next one). Callers only read runs, never change them.
const RUNS_CACHE = new Map<string, NameRun[]>();
const RUNS_CACHE_MAX_TEXT = 400;
const RUNS_CACHE_SIZE = 2000;

/** Forgets the runs kept for the previous article. */
export function clearRunsCache(): void {
  RUNS_CACHE.clear();
}

/** Finds every capitalised run in text[from, to). The result is shared: do not modify it. */
export function nameRuns(text: string, from = 0, to = text.length): NameRun[] {
  if (from !== 0 || to !== text.length || text.length > RUNS_CACHE_MAX_TEXT) return findRuns(text, from, to);
  let runs = RUNS_CACHE.get(text);
  if (runs === undefined) {
    runs = findRuns(text, 0, text.length);
    if (RUNS_CACHE.size >= RUNS_CACHE_SIZE) RUNS_CACHE.clear();
    RUNS_CACHE.set(text, runs);
  }
  return runs;
}

function findRuns(text: string, from: number, to: number): NameRun[] {
  const out: NameRun[] = [];
  forEachRunMatch(text, from, to, (start, end) => {
    for (const run of makeRuns(text, start, end, 0)) out.push(run);
    return false;
  });
  return out;
}

/** nameRuns by a plain global search with RUN_RE (the reference for the scan in findRuns). */
export function nameRunsByRegex(text: string): NameRun[] {
  const out: NameRun[] = [];
  const re = new RegExp(RUN_RE.source, "gu");
  for (let m = re.exec(text); m !== null; m = re.exec(text))
    for (const run of makeRuns(text, m.index, m.index + m[0].length, 0)) out.push(run);
  return out;
}

/** Does text[start, end) hold a space or no-break space (so a run match of more than one word)? */
function hasRunSpace(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (isRunSpace(text.charCodeAt(k))) return true;
  return false;
}

/** Calls `found` with the offsets of every match of RUN_RE in text[from, to), in order. */
function forEachRunMatch(
  text: string,
  from: number,
  to: number,
  found: (start: number, end: number, multiWord: boolean) => boolean,
): void {
  const slice = to === text.length ? text : text.slice(0, to);
  // A global search with RUN_RE tries the whole pattern at every offset, which is slow with \p{…}
  // classes; a run can only start at an upper-case letter or at a particle ("al-"), so find those
  // with a plain-class search and try the sticky pattern only there. Same matches, same order.
  let i = from;
  // like a /u search, never start inside a surrogate pair
  if (i > 0 && (slice.charCodeAt(i) & 0xfc00) === 0xdc00 && (slice.charCodeAt(i - 1) & 0xfc00) === 0xd800)
    i--;
  const particles = particleStarts(slice, i);
  let pi = 0;
  for (;;) {
    while (pi < particles.length && particles[pi]! < i) pi++;
    UPPER_START_RE.lastIndex = i;
    const upper = UPPER_START_RE.exec(slice);
    const particle = pi < particles.length ? particles[pi]! : -1;
    if (upper === null && particle < 0) break;
    if (upper !== null && (particle < 0 || upper.index < particle)) i = upper.index;
    else i = particle;
    const c = slice.charCodeAt(i);
    let next = i + 1;
    let candidate = true;
    if (c >= 128) {
      if (c <= 0xdbff && c >= 0xd800 && (slice.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        next = i + 2;
        candidate = UPPER_RE.test(slice.slice(i, i + 2));
      } else candidate = (charClass(c) & UPPER) !== 0;
    }
    if (candidate) {
      let end = scanRun(slice, i, slice.length);
      let multi = scannedWords > 1;
      if (end === BAIL) {
        end = runMatchEndByRegex(slice, i);
        multi = end >= 0 && hasRunSpace(slice, i, end);
      }
      if (end >= 0) {
        next = end;
        // (true from `found` stops the scan)
        if (found(i, next, multi)) return;
      }
    }
    i = next;
  }
}

/** End of the RUN_RE match starting exactly at `at`, or -1 if none: a hand-written RUN_AT_RE. */
export function runMatchEnd(text: string, at: number): number {
  const end = scanRun(text, at, text.length);
  return end === BAIL ? runMatchEndByRegex(text, at) : end;
}

/** The same by the regex itself (the reference for runMatchEnd; used for astral characters). */
export function runMatchEndByRegex(text: string, at: number): number {
  RUN_AT_RE.lastIndex = at;
  return RUN_AT_RE.test(text) ? RUN_AT_RE.lastIndex : -1;
}

// The scanner below follows RUN_RE step by step. The pattern never needs to backtrack out of a
// finished word: the trailing repetition can always stop, so the first (greedy) path succeeds, and
// inside one repetition only the particle count could backtrack, which never helps (a particle is a
// lower-case word followed by a space, which cannot start a capitalised word). Character classes
// come from the regexes themselves (charClass); a surrogate pair is left to the regex (BAIL).
const BAIL = -2;
const UPPER = 2;
const LETTER_OR_MARK = 4;
const CLASSES = new Uint8Array(0x10000);
const LU_RE = /^\p{Lu}$/u;
const LM_RE = /^[\p{L}\p{M}]$/u;

/** Whether a BMP code unit (not a surrogate) is \p{Lu} and/or [\p{L}\p{M}]; computed once per code unit. */
function charClass(c: number): number {
  let k = CLASSES[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = 1 | (LU_RE.test(ch) ? UPPER : 0) | (LM_RE.test(ch) ? LETTER_OR_MARK : 0);
    CLASSES[c] = k;
  }
  return k;
}

const isSurrogate = (c: number) => (c & 0xf800) === 0xd800;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiLower = (c: number) => c >= 97 && c <= 122;
const isAsciiUpperCode = (c: number) => c >= 65 && c <= 90;
const isSeparator = (c: number) => c === 45 || c === 39 || c === 0x2019;

// Short ASCII words as numbers (base 64 over the code units minus 64; exact up to 8 letters), so that
// membership is checked without slicing the word out of the text.
function wordCode(text: string, start: number, end: number): number {
  let h = 0;
  for (let k = start; k < end; k++) h = h * 64 + (text.charCodeAt(k) - 64);
  return h;
}
const wordCodes = (words: string) => new Set(words.split(" ").map((w) => wordCode(w, 0, w.length)));

const ABBREVIATIONS = wordCodes(
  "Mr Mrs Ms Dr Prof Gen Lt Col Sgt Capt Gov Sen Rep St Rev Maj Brig Cpl Adm Cmdr Supt Det Fr Jr Sr",
);
const WORD_PREFIXES = wordCodes("al el ad as ash at az ar an ibn bin abu d l");
const RUN_PARTICLES = wordCodes(
  "al el bin ibn bint abu abd de da das dos du del della der den di van von la le ter ben y",
);

/** 1 if text[k] is \p{Lu}, 0 if not (or past the end), BAIL for a surrogate. */
function upperAt(text: string, k: number, n: number): number {
  if (k >= n) return 0;
  const c = text.charCodeAt(k);
  if (c < 128) return c >= 65 && c <= 90 ? 1 : 0;
  if (isSurrogate(c)) return BAIL;
  return charClass(c) & UPPER ? 1 : 0;
}

/** RUN_RE from `at`: CAP, then repeated (spaces, particles, CAP) or (spaces, of/for [the], spaces, CAP). */
function scanRun(text: string, at: number, n: number): number {
  scannedWords = 1;
  let q = capEnd(text, at, n);
  if (q < 0) return q;
  for (;;) {
    let r = q;
    while (r < n && isRunSpace(text.charCodeAt(r))) r++;
    if (r === q) return q;
    // most words after a name are ordinary lower-case words: no particle, prefix or connector
    const c = text.charCodeAt(r);
    if (c < 128 && !CONTINUES_RUN[c]) return q;
    let t = r;
    for (let p = particleEnd(text, t, n); p >= 0; p = particleEnd(text, t, n)) {
      t = p;
      while (t < n && isRunSpace(text.charCodeAt(t))) t++;
    }
    let e = capEnd(text, t, n);
    if (e === BAIL) return BAIL;
    if (e < 0) {
      e = connectorCapEnd(text, r, n);
      if (e === BAIL) return BAIL;
      if (e < 0) return q;
    }
    q = e;
    scannedWords++;
  }
}

/** Capitalised words in the run scanRun found last (its matches hold no spaces inside words). */
let scannedWords = 0;

/**
 * ASCII characters that can begin the next part of a run after its spaces: a capital, the first letter
 * of a particle (al, bin, de, van, y…), of a name prefix (al-, d’…) or of a connector (of, for).
 */
const CONTINUES_RUN = new Uint8Array(128);
for (let c = 65; c <= 90; c++) CONTINUES_RUN[c] = 1;
for (const ch of "abdefilotvy") CONTINUES_RUN[ch.charCodeAt(0)] = 1;

/** End of a particle word (PARTICLE) at t that a space follows, else -1. */
function particleEnd(text: string, t: number, n: number): number {
  let u = t;
  while (u < n && u - t < 6 && isAsciiLower(text.charCodeAt(u))) u++;
  if (u === t || u >= n || !isRunSpace(text.charCodeAt(u))) return -1;
  return RUN_PARTICLES.has(wordCode(text, t, u)) ? u : -1;
}

/** "of X", "for X", "of the X", "for the X" at r (CONNECT, spaces, an upper-case CAP). */
function connectorCapEnd(text: string, r: number, n: number): number {
  let w: number;
  if (text.startsWith("of", r)) w = r + 2;
  else if (text.startsWith("for", r)) w = r + 3;
  else return -1;
  let u = w;
  while (u < n && isRunSpace(text.charCodeAt(u))) u++;
  if (u > w) {
    const up = upperAt(text, u, n);
    if (up === BAIL) return BAIL;
    if (up === 1) {
      const e = capEnd(text, u, n);
      if (e !== -1) return e;
    }
  }
  if (text.charCodeAt(w) !== 32 || !text.startsWith("the", w + 1)) return -1;
  const v = w + 4;
  u = v;
  while (u < n && isRunSpace(text.charCodeAt(u))) u++;
  if (u === v) return -1;
  const up = upperAt(text, u, n);
  if (up !== 1) return up === BAIL ? BAIL : -1;
  return capEnd(text, u, n);
}

/** CAP at p: an abbreviation with its dot, an initial before a capitalised word, or a WORD. */
function capEnd(text: string, p: number, n: number): number {
  if (p >= n) return -1;
  const c = text.charCodeAt(p);
  if (c >= 97 && c <= 122) {
    // a particle prefix and its separator before a capital: al-Assad, d’Alembert
    let q = p + 1;
    while (q < n && q - p < 4 && isAsciiLower(text.charCodeAt(q))) q++;
    if (q >= n || !isSeparator(text.charCodeAt(q)) || !WORD_PREFIXES.has(wordCode(text, p, q))) return -1;
    const up = upperAt(text, q + 1, n);
    return up === 1 ? wordEnd(text, q + 1, n) : up === BAIL ? BAIL : -1;
  }
  const up = upperAt(text, p, n);
  if (up !== 1) return up === BAIL ? BAIL : -1;
  if (c < 128) {
    let q = p + 1;
    while (q < n && q - p < 5 && isAsciiLetter(text.charCodeAt(q))) q++;
    if (q - p <= 4 && q < n && text.charCodeAt(q) === 46 && ABBREVIATIONS.has(wordCode(text, p, q)))
      return q + 1;
  }
  // an initial: a capital, a dot, one space and another capital
  if (p + 1 < n && text.charCodeAt(p + 1) === 46 && p + 2 < n && isRunSpace(text.charCodeAt(p + 2))) {
    const next = upperAt(text, p + 3, n);
    if (next === BAIL) return BAIL;
    if (next === 1) return p + 2;
  }
  return wordEnd(text, p, n);
}

/** A capital at p (already checked), letters and marks, then (separator, letters and marks)*. */
function wordEnd(text: string, p: number, n: number): number {
  let q = p + 1;
  for (;;) {
    while (q < n) {
      const c = text.charCodeAt(q);
      if (c < 128) {
        if (!isAsciiLetter(c)) break;
      } else if (isSurrogate(c)) return BAIL;
      else if (!(charClass(c) & LETTER_OR_MARK)) break;
      q++;
    }
    if (q + 1 >= n || !isSeparator(text.charCodeAt(q))) return q;
    const c = text.charCodeAt(q + 1);
    if (c < 128) {
      if (!isAsciiLetter(c)) return q;
    } else if (isSurrogate(c)) return BAIL;
    else if (!(charClass(c) & LETTER_OR_MARK)) return q;
    q += 2;
  }
}

/** Offsets ≥ from of a particle's first letter with a hyphen or apostrophe within three characters. */
function particleStarts(s: string, from: number): number[] {
  const out: number[] = [];
  let last = from - 1;
  SEPARATOR_RE.lastIndex = from;
  let m: RegExpExecArray | null = SEPARATOR_RE.exec(s);
  while (m !== null) {
    for (let k = Math.max(last + 1, m.index - 3); k < m.index; k++) {
      const c = s.charCodeAt(k);
      // a e i b d l
      if (c === 97 || c === 101 || c === 105 || c === 98 || c === 100 || c === 108) {
        out.push(k);
        last = k;
      }
    }
    m = SEPARATOR_RE.exec(s);
  }
  return out;
}

/**
 * Where a run may start: an ASCII capital or any code unit that may begin an upper-case letter (not
 * U+2000–U+20FF punctuation, not a low surrogate); or a particle's first letter ("al-", "ibn-", "d’"),
 * found from the separators after it (particleStarts).
 */
const UPPER_START_RE = /[A-Z\u00c0-\u1fff\u2100-\udbff\ue000-\uffff]/g;
const SEPARATOR_RE = /[-'\u2019]/g;
const UPPER_RE = /^\p{Lu}$/u;
const isRunSpace = (c: number) => c === 32 || c === 0xa0;

// \s as the regexes read it, one code unit at a time; outside ASCII looked up once per code unit
const WHITESPACE = new Uint8Array(0x10000);
const WS_RE = /^\s$/;

/** Is the code unit matched by \s? */
export function isWs(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  let k = WHITESPACE[c]!;
  if (k === 0) {
    k = WS_RE.test(String.fromCharCode(c)) ? 2 : 1;
    WHITESPACE[c] = k;
  }
  return k === 2;
}

/** Ends in ’s / 's, or (longer than two characters) in s’ / s' — without a regex per token. */
function isPossessive(tk: string): boolean {
  const n = tk.length;
  if (n < 2) return false;
  const a = tk.charCodeAt(n - 2);
  const b = tk.charCodeAt(n - 1);
  if (b === 115 && (a === 0x2019 || a === 39)) return true;
  return n > 2 && a === 115 && (b === 0x2019 || b === 39);
}

const CONNECTORS = new Set(["of", "for", "on", "and", "the"]);

/**
 * Splits the match text[start, end) into runs after each possessive ("Syria’s President Ahmad al Shara"
 * → two runs); offsets are made relative to `shift`. Without `withText` the runs' text is left empty
 * (the name index never reads it).
 */
function makeRuns(text: string, start: number, end: number, shift: number, withText = true): NameRun[] {
  // a run holds only name characters separated by spaces or no-break spaces (RUN_RE)
  const all: NameToken[] = [];
  let k = start;
  while (k < end) {
    while (k < end && isRunSpace(text.charCodeAt(k))) k++;
    if (k >= end) break;
    const s = k;
    while (k < end && !isRunSpace(text.charCodeAt(k))) k++;
    all.push({ text: text.slice(s, k), start: s - shift, end: k - shift });
  }
  const out: NameRun[] = [];
  let from = 0;
  for (let i = 0; i < all.length; i++) {
    const tk = all[i]!.text;
    if (i === all.length - 1 || isPossessive(tk)) {
      const tokens = from === 0 && i === all.length - 1 ? all : all.slice(from, i + 1);
      const run = makeRun(tokens, withText ? text : null, shift);
      if (run) out.push(run);
      from = i + 1;
    }
  }
  return out;
}

/** A run of `tokens`; its text joined from them, or null not to make it (`shift` maps offsets back into `text`). */
function makeRun(tokens: NameToken[], text: string | null, shift: number): NameRun | null {
  let possessive = false;
  // a possessive token ends the run: "Syria’s leader", "Sharaa’s coalition"
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i]!;
    if (isPossessive(tk.text)) {
      const clean = tk.text.replace(POSSESSIVE_RE, "");
      tokens.length = i + 1;
      tokens[i] = { text: clean, start: tk.start, end: tk.start + clean.length };
      possessive = true;
      break;
    }
  }
  // a trailing dot belongs to an abbreviation only ("Mr.", "Dr."), not to a sentence end
  const last = tokens[tokens.length - 1];
  if (last?.text.endsWith(".") && !TITLES.has(last.text.slice(0, -1).toLowerCase())) {
    const clean = last.text.slice(0, -1);
    tokens[tokens.length - 1] = { text: clean, start: last.start, end: last.end - 1 };
  }
  // trailing connectors cannot end a run
  while (tokens.length && CONNECTORS.has(tokens[tokens.length - 1]!.text)) tokens.pop();
  if (!tokens.length) return null;
  const first = tokens[0]!;
  const end = tokens[tokens.length - 1]!.end;
  const runText = tokens.length === 1 ? first.text : text === null ? "" : joinedText(tokens, text, shift);
  return { tokens, start: first.start, end, text: runText, possessive };
}

/** The tokens joined by single spaces: a slice of the text when single spaces already separate them. */
function joinedText(tokens: readonly NameToken[], text: string, shift: number): string {
  for (let k = 1; k < tokens.length; k++) {
    const gap = tokens[k - 1]!.end + shift;
    if (tokens[k]!.start + shift !== gap + 1 || text.charCodeAt(gap) !== 32) return joinTokens(tokens);
  }
  return text.slice(tokens[0]!.start + shift, tokens[tokens.length - 1]!.end + shift);
}

const bare = (w: string) => (w.charCodeAt(w.length - 1) === 46 ? w.slice(0, -1) : w).toLowerCase();

// What each word is, by its lower-case form without a final dot: computed once per distinct word
// instead of lower-casing the same token for every list it is looked up in.
const NOT_NAME = 1;
const ORG = 2;
const PLACE = 4;
const TITLE = 8;
const TITLE_MODIFIER = 16;
const WORD_FLAGS = new Map<string, number>();
const MAX_WORD_FLAGS = 50_000;

function wordFlags(w: string): number {
  let f = WORD_FLAGS.get(w);
  if (f === undefined) {
    const b = bare(w);
    f =
      (NOT_NAMES.has(b) ? NOT_NAME : 0) |
      (ORG_WORDS.has(b) ? ORG : 0) |
      (PLACE_WORDS.has(b) ? PLACE : 0) |
      (TITLES.has(b) ? TITLE : 0) |
      (TITLE_MODIFIERS.has(b) ? TITLE_MODIFIER : 0);
    // bounded: a long-running process sees an open-ended vocabulary
    if (WORD_FLAGS.size >= MAX_WORD_FLAGS) WORD_FLAGS.clear();
    WORD_FLAGS.set(w, f);
  }
  return f;
}

export function isTitleWord(w: string): boolean {
  return (wordFlags(w) & TITLE) !== 0;
}

export function isOrgWord(w: string): boolean {
  return (wordFlags(w) & ORG) !== 0;
}

const ACRONYM_RE = /^\p{Lu}{2,6}$/u;

/** An all-capitals acronym of 2 to 6 letters ("UN", "SOHR"). */
export function isAcronym(w: string): boolean {
  return w.length >= 2 && w.length <= 12 && ACRONYM_RE.test(w);
}

export function looksLikeOrg(tokens: readonly string[]): boolean {
  for (const t of tokens) if (wordFlags(t) & ORG) return true;
  return tokens.length === 1 && isAcronym(tokens[0]!);
}

export function looksLikePlace(tokens: readonly string[]): boolean {
  for (const t of tokens) if (wordFlags(t) & PLACE) return true;
  return false;
}

/**
 * Splits a run into title/role tokens and the name: the name starts after the last title word.
 * "US Secretary of State Marco Rubio" → role "US Secretary of State", name "Marco Rubio".
 */
export function splitTitle(tokens: readonly NameToken[]): { role: NameToken[]; name: NameToken[] } {
  let lastTitle = -1;
  for (let i = 0; i < tokens.length; i++) {
    const f = wordFlags(tokens[i]!.text);
    if (!(f & TITLE)) continue;
    // "Foreign" or "High" are titles only when another title word follows
    if (f & TITLE_MODIFIER && !titleFollows(tokens, i + 1)) continue;
    lastTitle = i;
    // "Secretary of State", "Minister for Foreign Affairs": the connector and the next word are the title
    while (lastTitle + 2 < tokens.length && isOfOrFor(tokens[lastTitle + 1]!.text)) {
      lastTitle += 2;
      while (lastTitle + 1 < tokens.length && isTheOrAnd(tokens[lastTitle + 1]!.text)) lastTitle++;
    }
    i = lastTitle;
  }
  if (lastTitle < 0 || lastTitle >= tokens.length - 1) return { role: [], name: tokens.slice() };
  return { role: tokens.slice(0, lastTitle + 1), name: tokens.slice(lastTitle + 1) };
}

/** Is some token from `from` on a title word that is not a mere modifier? */
function titleFollows(tokens: readonly NameToken[], from: number): boolean {
  for (let k = from; k < tokens.length; k++)
    if ((wordFlags(tokens[k]!.text) & (TITLE | TITLE_MODIFIER)) === TITLE) return true;
  return false;
}

const isOfOrFor = (w: string) => w === "of" || w === "for";
const isTheOrAnd = (w: string) => w === "the" || w === "and";

/** Drops sentence-initial function words ("Meanwhile", "The") from the front of a run. */
export function stripLeading(tokens: NameToken[]): NameToken[] {
  let i = 0;
  while (i < tokens.length && wordFlags(tokens[i]!.text) & NOT_NAME) i++;
  // connectors left at the front after stripping ("On" in "On Saturday" was stripped; "of" stays impossible)
  while (i < tokens.length && CONNECTORS.has(tokens[i]!.text)) i++;
  return i ? tokens.slice(i) : tokens;
}

export function joinTokens(tokens: readonly NameToken[]): string {
  if (tokens.length === 0) return "";
  let out = tokens[0]!.text;
  for (let k = 1; k < tokens.length; k++) out += ` ${tokens[k]!.text}`;
  return out;
}

/** The last word of a name without particle prefix: "al-Sharaa" → "sharaa". */
export function nameKey(word: string): string {
  const w = word.replace(/^(?:al|el|ad|as|ash|at|az|ar|an|ibn|bin|abu|d|l)[-’']/i, "");
  // NFKD and the mark removal change nothing in ASCII
  return (isAscii(w) ? w : w.normalize("NFKD").replace(/[\u0300-\u036f]/g, "")).toLowerCase();
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * All person-like names of an article with their positions: runs of two or more name words that are
 * neither institutions nor places, and titled single names ("President Sharaa", "Mr Lammy").
 */
export class NameIndex implements PersonIndex {
  /** One entry per distinct name (first mention, first role given), in order of first mention. */
  private readonly distinct: Person[] = [];
  private readonly byName = new Map<string, Person>();
  private readonly byKey = new Map<string, Person[]>();
  /** Every RUN_RE match of the text, in order (the scan is done once, for the index). */
  private readonly matchStarts: number[] = [];
  private readonly matchEnds: number[] = [];

  constructor(readonly text: string) {
    forEachRunMatch(text, 0, text.length, (start, end, multiWord) => {
      this.matchStarts.push(start);
      this.matchEnds.push(end);
      // a match of one word makes a run of one token, which is never a person (below)
      if (multiWord) for (const run of makeRuns(text, start, end, 0, false)) this.add(run);
      return false;
    });
  }

  private add(run: NameRun): void {
    const found = personMention(run);
    if (found === null) return;
    const { m, last } = found;
    const known = this.byName.get(m.name);
    if (known) {
      known.mentions.push(m);
      return;
    }
    const d: Person = { name: m.name, start: m.start, end: m.end, role: undefined, mentions: [m] };
    this.byName.set(m.name, d);
    this.distinct.push(d);
    const key = nameKey(last);
    const list = this.byKey.get(key);
    if (list) list.push(d);
    else this.byKey.set(key, [d]);
  }

  /**
   * nameRuns(text.slice(from, to)) (offsets from `from`) from the matches of the whole text: the same,
   * since a match never looks behind its start and one ending by `to` reads nothing it needs after
   * `to`. A match running past `to` is cut there, so the rest is scanned afresh; null (scan the slice)
   * when a match runs across `from`.
   */
  runsIn(from: number, to: number): NameRun[] | null {
    const starts = this.matchStarts;
    const ends = this.matchEnds;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! <= from) lo = mid + 1;
      else hi = mid;
    }
    if (lo < starts.length && starts[lo]! < from) return null;
    const out: NameRun[] = [];
    for (let k = lo; k < starts.length && starts[k]! < to; k++) {
      if (ends[k]! > to) {
        for (const run of findRuns(this.text.slice(from, to), starts[k]! - from, to - from)) out.push(run);
        break;
      }
      for (const run of makeRuns(this.text, starts[k]!, ends[k]!, from)) out.push(run);
    }
    return out;
  }

  /** Every person mention, in text order. */
  get persons(): PersonMention[] {
    const all: Mention[] = [];
    for (const d of this.distinct) for (const m of d.mentions) all.push(m);
    all.sort((a, b) => a.runStart - b.runStart);
    return all.map((m) => ({ name: m.name, role: mentionRole(this.text, m), start: m.start, end: m.end }));
  }

  /**
   * The full name for a short form at position `at`: the longest person name ending in the same
   * word, first mentioned before `at` if possible. Null when the article never names such a person.
   */
  resolve(surface: string, at: number): PersonMention | null {
    const words = surface.split(/\s+/).filter(Boolean);
    if (!words.length) return null;
    const list = this.byKey.get(nameKey(words[words.length - 1]!));
    return list ? longestPerson(this.text, list, at) : null;
  }

  /** The person whose title or role contains `head` ("president"), most recently introduced before `at`. */
  byRole(head: string, at: number): PersonMention | null {
    const re = roleHeadRe(head);
    let lo = 0;
    let hi = this.distinct.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.distinct[mid]!.start <= at) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && i >= lo - 300; i--) {
      const p = this.distinct[i]!;
      const role = roleOf(this.text, p);
      if (role && re.test(role)) return view(this.text, p);
    }
    return null;
  }
}

/** The person mention a run gives (after its title, before "of"), with the name's last word; or null. */
function personMention(run: NameRun): { m: Mention; last: string } | null {
  if (run.tokens.length < 2) return null;
  const tokens = stripLeading(run.tokens);
  // one token: no room for a title before the name, and a lone untitled word is not indexed
  if (tokens.length < 2) return null;
  const split = splitTitle(tokens);
  const role = split.role;
  let name = split.name;
  // "Ali Sheha of Baniyas": a connector after a personal name starts a place or institution
  const cut = name.findIndex((t) => t.text === "of" || t.text === "for" || t.text === "the");
  if (cut > 0) name = name.slice(0, cut);
  const words = name.map((t) => t.text);
  if (!words.length || looksLikeOrg(words) || looksLikePlace(words)) return null;
  if (words.length < 2 && !role.length) return null;
  if (words.length > 5) return null;
  if (words.every((w) => isAcronym(w))) return null;
  const first = name[0]!;
  const last = name[name.length - 1]!;
  // a role written before the run is read only if the mention's role is ever asked for (roleOf)
  return {
    m: {
      name: words.join(" "),
      role: role.length ? joinTokens(role) : undefined,
      runStart: run.start,
      start: first.start,
      end: last.end,
    },
    last: words[words.length - 1]!,
  };
}

function mentionRole(text: string, m: Mention): string | null {
  if (m.role === undefined) m.role = roleBefore(text, m.runStart);
  return m.role;
}

/** The first role given to the person in text order (the first mention's, when none is). */
function roleOf(text: string, d: Person): string | null {
  if (d.role !== undefined) return d.role;
  const mentions = d.mentions;
  let role = mentionRole(text, mentions[0]!);
  for (let k = 1; !role && k < mentions.length; k++) {
    const r = mentionRole(text, mentions[k]!);
    if (r) role = r;
  }
  d.role = role;
  return role;
}

function view(text: string, d: Person): PersonMention {
  return { name: d.name, role: roleOf(text, d), start: d.start, end: d.end };
}

/** Of persons sharing a last word (in order of first mention), the longest name first mentioned before `at` if any. */
function longestPerson(text: string, list: readonly Person[], at: number): PersonMention | null {
  let best: Person | null = null;
  let bestLen = 0;
  for (const p of list.length > 50 ? list.slice(0, 50) : list) {
    const len = p.name.split(" ").length;
    const before = p.start <= at;
    const bestBefore = best !== null && best.start <= at;
    if (!best || (before && !bestBefore) || (before === bestBefore && len > bestLen)) {
      best = p;
      bestLen = len;
    }
  }
  return best ? view(text, best) : null;
}

/** What statements ask of the article's persons (NameIndex, or LazyPersonIndex where it can read the text). */
export interface PersonIndex {
  runsIn(from: number, to: number): NameRun[] | null;
  resolve(surface: string, at: number): PersonMention | null;
  byRole(head: string, at: number): PersonMention | null;
}

/** An ASCII character that no run holds (not a letter, ., -, ' or space). */
const isRunBreak = (c: number) =>
  c < 0x80 && !isAsciiLetter(c) && c !== 46 && c !== 45 && c !== 39 && c !== 32;
/** A last word found more often than this is looked up in the whole index instead. */
const MAX_KEY_OCCURRENCES = 64;

/**
 * NameIndex's answers to resolve without finding every run of the article: the persons whose name ends in
 * a word are found from where that word stands. For text in ASCII and general punctuation, where the word
 * (nameKey) is a lower-case substring of the text that starts at a capital or after a hyphen or apostrophe.
 * A run never holds a character such as a comma, a digit or a line break, and the runs after one are those
 * a scan started right after it finds (and a scan may stop at the next one): so the run holding an offset
 * is found from the nearest such characters around it. Every mention of a person holds the word looked
 * for, so persons and their mentions come in the same order as in the whole index. runsIn leaves slices
 * to the caller's own scan, which gives the same runs; byRole asks the whole index.
 */
export class LazyPersonIndex implements PersonIndex {
  private readonly byKey = new Map<string, Person[] | null>();
  private whole: NameIndex | null = null;

  /** Whether `text` can be read this way. */
  static fits(text: string): boolean {
    return !beyondAscii(text);
  }

  constructor(readonly text: string) {}

  private wholeIndex(): NameIndex {
    this.whole ??= new NameIndex(this.text);
    return this.whole;
  }

  runsIn(_from: number, _to: number): NameRun[] | null {
    return null;
  }

  byRole(head: string, at: number): PersonMention | null {
    return this.wholeIndex().byRole(head, at);
  }

  resolve(surface: string, at: number): PersonMention | null {
    const words = surface.split(/\s+/).filter(Boolean);
    if (!words.length) return null;
    const key = nameKey(words[words.length - 1]!);
    let list = this.byKey.get(key);
    if (list === undefined) {
      list = this.personsEndingIn(key);
      this.byKey.set(key, list);
    }
    if (list === null) return this.wholeIndex().resolve(surface, at);
    return list.length ? longestPerson(this.text, list, at) : null;
  }

  /** The persons whose last word is `key`, in order of first mention; null to ask the whole index. */
  private personsEndingIn(key: string): Person[] | null {
    if (!key) return null;
    const text = this.text;
    const out: Person[] = [];
    const byName = new Map<string, Person>();
    let occurrences = 0;
    // the stretch of text between two run breaks being read, and how far its runs have been read: up to
    // the end of a match, where a scan may stop and go on later as if it had not
    let stretchEnd = -1;
    let readTo = -1;
    const word = anyCase(key);
    word.lastIndex = 0;
    for (let hit = word.exec(text); hit !== null; hit = word.exec(text)) {
      const p = hit.index;
      word.lastIndex = p + 1;
      const before = p > 0 ? text.charCodeAt(p - 1) : -1;
      if (!(isAsciiUpperCode(text.charCodeAt(p)) || before === 45 || before === 39 || before === 0x2019))
        continue;
      if (++occurrences > MAX_KEY_OCCURRENCES) return null;
      if (p < readTo) continue; // in a match already read, or in no match
      if (p >= stretchEnd) {
        readTo = p;
        while (readTo > 0 && !isRunBreak(text.charCodeAt(readTo - 1))) readTo--;
        stretchEnd = p;
        while (stretchEnd < text.length && !isRunBreak(text.charCodeAt(stretchEnd))) stretchEnd++;
      }
      let stoppedAt = -1;
      forEachRunMatch(text, readTo, stretchEnd, (start, end, multiWord) => {
        if (multiWord) {
          for (const run of makeRuns(text, start, end, 0, false)) {
            const found = personMention(run);
            if (found === null || nameKey(found.last) !== key) continue;
            const known = byName.get(found.m.name);
            if (known) known.mentions.push(found.m);
            else {
              const m = found.m;
              const d: Person = { name: m.name, start: m.start, end: m.end, role: undefined, mentions: [m] };
              byName.set(m.name, d);
              out.push(d);
            }
          }
        }
        // the match holding p (or the first after it) is read: the rest of the stretch can wait
        if (end > p) stoppedAt = end;
        return end > p;
      });
      readTo = stoppedAt >= 0 ? stoppedAt : stretchEnd;
    }
    return out;
  }
}

/** A person mention as indexed; `role` undefined until read (roleBefore is costly and rarely needed). */
interface Mention {
  name: string;
  role: string | null | undefined;
  runStart: number;
  start: number;
  end: number;
}

interface Person {
  name: string;
  start: number;
  end: number;
  /** Undefined until read. */
  role: string | null | undefined;
  mentions: Mention[];
}

const ROLE_HEAD_RES = new Map<string, RegExp>();
function roleHeadRe(head: string): RegExp {
  const key = head.toLowerCase();
  let re = ROLE_HEAD_RES.get(key);
  if (!re) {
    re = new RegExp(`\\b${key}\\b`, "i");
    ROLE_HEAD_RES.set(key, re);
  }
  return re;
}

/** Role nouns written in lower case before a name ("Baniyas resident Samir Haidar", "UN human rights chief"). */
const ROLE_NOUNS =
  /\b(?:leader|legislator|lawmaker|resident|chief|envoy|minister|spokesman|spokeswoman|spokesperson|official|ambassador|president|commander|activist|director|head|mayor|governor|secretary|diplomat|journalist|reporter|doctor|nurse|surgeon|paramedic|survivor|witness|father|mother|farmer|teacher|student|officer|lawyer|analyst|researcher|coordinator|representative|negotiator|general|colonel|premier|chancellor|senator|politician|rescuer|volunteer|firefighter|worker|manager|owner|expert|professor|pastor|priest|imam|monk|ruler|strongman|counterpart)$/i;

const ROLE_NOUNS_ANY = new RegExp(ROLE_NOUNS.source.replace(/\$$/, "").replace(/^\\b/, "\\b"), "i");

const LAST_WORD_RE = /([\p{L}-]+)\s+$/u;

/** The group of /([\p{L}-]+)\s+$/u in text[from, at), or null: by hand for ASCII words. */
export function wordBeforeSpaces(text: string, from: number, at: number): string | null {
  let e = at;
  while (e > from && isWs(text.charCodeAt(e - 1))) e--;
  if (e === at) return null;
  let p = e;
  while (p > from) {
    const c = text.charCodeAt(p - 1);
    if (c >= 128) return wordBeforeSpacesByRegex(text, from, at);
    if (!isAsciiLetter(c) && c !== 45) break;
    p--;
  }
  return p === e ? null : text.slice(p, e);
}

/** The same by the regex (the reference for wordBeforeSpaces). */
export function wordBeforeSpacesByRegex(text: string, from: number, at: number): string | null {
  return LAST_WORD_RE.exec(text.slice(from, at))?.[1] ?? null;
}

function roleBefore(text: string, at: number): string | null {
  // an appositive: "the UN High Commissioner for Human Rights, Volker Türk," / "Iran’s ambassador to Lebanon, Mojtaba Amani"
  const from = Math.max(0, at - 100);
  // cheap guards first: these regexes end in $ and would otherwise be tried from every offset
  let e = at;
  while (e > from && isWs(text.charCodeAt(e - 1))) e--;
  const app =
    e > from && text.charCodeAt(e - 1) === 44
      ? /(?:^|[.;:(]\s*|,\s*|\b(?:the|by|and)\s+)([^,.;:()]{3,90}),\s*$/u.exec(text.slice(from, at))
      : null;
  if (app) {
    const words = app[1]!.trim().split(/\s+/);
    const cleaned = app[1]!.trim().replace(/^(?:the|a|an)\s+/i, "");
    if (
      words.length <= 10 &&
      (words.some((w) => (wordFlags(w) & (TITLE | TITLE_MODIFIER)) === TITLE) || ROLE_NOUNS_ANY.test(cleaned))
    )
      return cleaned;
  }
  const lastWord = wordBeforeSpaces(text, Math.max(0, at - 30), at);
  if (lastWord === null || !ROLE_NOUNS.test(lastWord)) return null;
  const window = text.slice(Math.max(0, at - 60), at);
  const m =
    /(?:^|[\n,;:.(“"‘]\s*|\b(?:the|a|an|by|with|and|said|says|told)\s+)((?:[\p{L}’'-]+\s+){0,5}?[\p{L}-]+)\s+$/u.exec(
      window,
    );
  if (!m) return null;
  const role = m[1]!.trim().replace(/^(?:the|a|an)\s+/i, "");
  return ROLE_NOUNS.test(role) ? role : null;
}
