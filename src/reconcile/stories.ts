// Stories: which articles are about the same event. An article is reduced to its distinctive terms
// (capitalised names and places, event words); it joins the recent story whose articles share
// enough of them, else it starts a story named after its top terms. Pure.

/** [term key, weight, display form, kind: "p" proper name or place, "e" event word]. */
export type Term = [string, number, string, "p" | "e"];

export const STORY_WINDOW_DAYS = 14;
/** Share of an article's term weight found in a story's article before it joins that story. */
export const MATCH_THRESHOLD = 0.2;
/** Distinct shared names or places needed as well: event words alone never join two events. */
export const MIN_SHARED_PROPER = 2;
/** With one shared name only, the same kind of event and this much overlap are needed. */
export const SHORT_COPY_THRESHOLD = 0.35;
const TOP_TERMS = 24;
const EVENT_WEIGHT = 0.5;
const TITLE_BOOST = 2;

// Capitalised words that say nothing about which event it is: function words at sentence
// starts, days and months, titles, generic institutions and news agencies.
const STOP = new Set(
  `a an the and or but if in on at of to for from by with as into over after before since during
  while when where what who whom whose which why how this that these those there here he she it they
  we i you his her its their our my your him them us me one two three four five six seven eight nine
  ten also more most many some several dozens hundreds thousands no not yet still however meanwhile
  according among about around earlier later last next new old other such both each every all any
  monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow january february
  march april may june july august september october november december mr mrs ms dr sir president
  prime minister ministry ministers secretary general chief spokesman spokeswoman spokesperson
  official officials government governments state states national international interior foreign
  defence defense health affairs department office agency agencies council committee commission
  authority authorities news press associated reuters afp ap bbc cnn aljazeera al jazeera upi dpa
  united nations un u.n us u.s uk eu nato ngo who unicef red cross crescent human rights high
  commissioner watch group groups forces force army police security military people city province
  region district capital country village town north south east west northern southern eastern
  western central photo video image getty images file read watch share advertisement copyright
  gmt utc bst cet cest edt pdt pst
  breaking update updated live report reports reported said says told world organization organisation
  programme program fund union european republic democratic federal kingdom doctors without borders
  medecins sans frontieres save children amnesty society emergency emergencies relief rescue
  humanitarian coordination`.split(/\s+/),
);

const EVENT_WORDS = new Map<string, string>(
  Object.entries({
    earthquake: "earthquake",
    earthquakes: "earthquake",
    quake: "earthquake",
    quakes: "earthquake",
    tremor: "earthquake",
    aftershock: "earthquake",
    aftershocks: "earthquake",
    flood: "flood",
    floods: "flood",
    flooding: "flood",
    floodwaters: "flood",
    monsoon: "monsoon",
    landslide: "landslide",
    landslides: "landslide",
    mudslide: "landslide",
    cyclone: "cyclone",
    hurricane: "hurricane",
    typhoon: "typhoon",
    tornado: "tornado",
    tsunami: "tsunami",
    wildfire: "wildfire",
    wildfires: "wildfire",
    eruption: "eruption",
    volcano: "eruption",
    explosion: "explosion",
    explosions: "explosion",
    blast: "explosion",
    bombing: "bombing",
    bombings: "bombing",
    airstrike: "airstrike",
    airstrikes: "airstrike",
    shelling: "shelling",
    clashes: "clashes",
    clash: "clashes",
    fighting: "fighting",
    massacre: "massacre",
    massacres: "massacre",
    shooting: "shooting",
    gunmen: "shooting",
    crash: "crash",
    derailment: "crash",
    collapse: "collapse",
    drought: "drought",
    famine: "famine",
    heatwave: "heatwave",
    outbreak: "outbreak",
    epidemic: "outbreak",
    cholera: "cholera",
    war: "war",
    offensive: "offensive",
    siege: "siege",
    ceasefire: "ceasefire",
    protest: "protest",
    protests: "protest",
    stampede: "stampede",
    shipwreck: "shipwreck",
    capsized: "shipwreck",
    kidnapping: "kidnapping",
    hostages: "hostages",
    coup: "coup",
  }),
);

const PLAIN_WORD = /^[A-Za-z0-9-]*$/;

export function termKey(word: string): string {
  // most words are plain ASCII: nothing to strip or decompose
  if (PLAIN_WORD.test(word)) return word.toLowerCase();
  return word
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’']s$/, "")
    .replace(/[’']/g, "");
}

const WORD = /\p{L}[\p{L}\p{M}\p{N}'’-]*/gu;

/** True when the word opens a sentence, a line or a quotation: its capital says nothing. */
function atSentenceStart(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && /[\s"“”‘'([«—–-]/.test(text[i]!)) {
    if (text[i] === "\n") return true;
    i--;
  }
  // not after a colon: "officials said: Somalia's ministry" keeps its capital for the name
  return i < 0 || /[.!?…|]/.test(text[i]!);
}

/** Lines in Title Case (headlines, subheads): every capital there is typographic. */
function titleCaseLines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    // a sentence ending in a full stop is prose, however many names it holds (checked first: most
    // lines are prose, and their words need not be read)
    if (!/[.!?]["'”’)]*\s*$/.test(line)) {
      const words = line.match(WORD) ?? [];
      const long = words.filter((w) => w.length > 3);
      const caps = long.filter((w) => /^\p{Lu}/u.test(w));
      if (long.length >= 3 && caps.length / long.length >= 0.6) out.push({ start, end: start + line.length });
    }
    start += line.length + 1;
  }
  return out;
}

/** The article's distinctive terms, heaviest first. */
export function articleTerms(text: string, title: string | null = null): Term[] {
  const body = title && !text.startsWith(title) ? `${title}\n${text}` : text;
  const titleEnd = body.indexOf("\n") === -1 ? body.length : body.indexOf("\n");
  const typographic = titleCaseLines(body);
  const midCaps = new Set<string>();
  const seen: { key: string; word: string; index: number; capital: boolean; typo: boolean }[] = [];
  for (const m of body.matchAll(WORD)) {
    let word = m[0];
    const last = word.charCodeAt(word.length - 1);
    if (last === 45 || last === 39 || last === 0x2019) word = word.replace(/[-’']+$/, "");
    // "UK-based", "Britain-based": descriptors, not the place of the event
    if (word.includes("-") && /-based$/i.test(word)) continue;
    const index = m.index ?? 0;
    const first = word.charCodeAt(0);
    const capital = first < 128 ? first >= 65 && first <= 90 : /^\p{Lu}/u.test(word);
    // a lower-case word counts only as an event word: its position says nothing
    if (!capital) {
      const key = termKey(word);
      if (EVENT_WORDS.has(key)) seen.push({ key, word, index, capital, typo: false });
      continue;
    }
    const key = termKey(word);
    if (key.length < 2) continue;
    const typo = atSentenceStart(body, index) || typographic.some((l) => index >= l.start && index < l.end);
    if (capital && !typo) midCaps.add(key);
    seen.push({ key, word, index, capital, typo });
  }
  const weights = new Map<string, { w: number; display: Map<string, number>; kind: "p" | "e" }>();
  const add = (key: string, display: string, w: number, kind: "p" | "e") => {
    const e = weights.get(key) ?? { w: 0, display: new Map<string, number>(), kind };
    e.w += w;
    e.display.set(display, (e.display.get(display) ?? 0) + 1);
    weights.set(key, e);
  };
  for (const s of seen) {
    const boost = s.index < titleEnd ? TITLE_BOOST : 1;
    const event = EVENT_WORDS.get(s.key);
    if (event) {
      add(event, event, EVENT_WEIGHT * boost, "e");
      continue;
    }
    if (!s.capital || STOP.has(s.key) || s.key.length < 3) continue;
    // a capital at a sentence start counts only when the word is capitalised mid-sentence too
    if (s.typo && !midCaps.has(s.key)) continue;
    add(s.key, s.word.replace(/[’']s$/, ""), boost, "p");
  }
  return [...weights.entries()]
    .map(([key, e]): Term => {
      const display = [...e.display.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      return [key, e.w, display, e.kind];
    })
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP_TERMS);
}

/**
 * How much of `a`'s term weight `b` shares (histogram intersection of the normalised weights),
 * and how many names or places they share.
 */
export function similarity(a: readonly Term[], b: readonly Term[]): { score: number; sharedProper: number } {
  const total = (ts: readonly Term[]) => ts.reduce((s, t) => s + t[1], 0) || 1;
  const ta = total(a);
  const tb = total(b);
  const bw = new Map(b.map((t) => [t[0], t[1] / tb]));
  let score = 0;
  let sharedProper = 0;
  for (const t of a) {
    const w = bw.get(t[0]);
    if (w === undefined) continue;
    score += Math.min(t[1] / ta, w);
    if (t[3] === "p") sharedProper++;
  }
  return { score, sharedProper };
}

export interface StoryCandidate {
  storyId: number;
  /** Terms of the story's articles inside the time window. */
  articles: Term[][];
}

/** Whether both name the same kind of event (an earthquake, a flood). */
function sharesEvent(a: readonly Term[], b: readonly Term[]): boolean {
  const events = new Set(a.filter((t) => t[3] === "e").map((t) => t[0]));
  return b.some((t) => t[3] === "e" && events.has(t[0]));
}

/**
 * Enough overlap to be one event: two shared names or places, or (for short wire copy) one place
 * and the same kind of event with a clearly higher overlap.
 */
function sameEvent(
  s: { score: number; sharedProper: number },
  sameKind: boolean,
  threshold = MATCH_THRESHOLD,
): boolean {
  if (s.score >= threshold && s.sharedProper >= MIN_SHARED_PROPER) return true;
  return sameKind && s.sharedProper >= 1 && s.score >= SHORT_COPY_THRESHOLD;
}

/** The story an article belongs to, or null when none is close enough. */
export function matchStory(
  terms: readonly Term[],
  candidates: readonly StoryCandidate[],
): { storyId: number; score: number } | null {
  let best: { storyId: number; score: number } | null = null;
  for (const c of candidates) {
    for (const other of c.articles) {
      const s = similarity(terms, other);
      if (!sameEvent(s, sharesEvent(terms, other))) continue;
      if (!best || s.score > best.score) best = { storyId: c.storyId, score: s.score };
    }
  }
  return best;
}

/**
 * Share of an article's distinctive weight found in a recent article before it joins that
 * article's story: higher than MATCH_THRESHOLD because the names every report of a country
 * carries (the country, its capital) weigh little here.
 */
export const DISTINCTIVE_MATCH_THRESHOLD = 0.35;

/** Added to the window's article count so that a small archive weighs terms almost evenly. */
export const IDF_SMOOTHING = 1000;

/**
 * Each term's share of the article's distinctive weight, the shares summing to 1: a term's weight
 * times its squared inverse document frequency among the `articles` of the story window, of which
 * `holding(term)` hold it. A country named in a tenth of the news counts for little next to the
 * town only this event's reports name.
 */
export function distinctiveShares(
  terms: readonly Term[],
  holding: (term: string) => number,
  articles: number,
): Map<string, number> {
  const weights = new Map<string, number>();
  let total = 0;
  for (const t of terms) {
    const idf = Math.log((articles + IDF_SMOOTHING) / (holding(t[0]) + 1));
    const w = t[1] * idf * idf;
    weights.set(t[0], w);
    total += w;
  }
  for (const [k, w] of weights) weights.set(k, total > 0 ? w / total : 0);
  return weights;
}

/** A recent article holding one of the new article's terms, with that term's share in it. */
export interface SharedTerm {
  term: string;
  articleId: number;
  storyId: number;
  share: number;
}

/**
 * The story an article belongs to, from the recent articles sharing its terms (an inverted index
 * hands them in): the same rules as matchStory, on distinctive shares. Null when none is close enough.
 */
export function matchShared(
  terms: readonly Term[],
  shares: ReadonlyMap<string, number>,
  shared: readonly SharedTerm[],
): { storyId: number; score: number } | null {
  const kind = new Map(terms.map((t) => [t[0], t[3]]));
  const byArticle = new Map<
    number,
    { storyId: number; score: number; sharedProper: number; event: boolean }
  >();
  for (const p of shared) {
    const k = kind.get(p.term);
    if (!k) continue;
    const a = byArticle.get(p.articleId) ?? { storyId: p.storyId, score: 0, sharedProper: 0, event: false };
    a.score += Math.min(shares.get(p.term) ?? 0, p.share);
    if (k === "p") a.sharedProper++;
    else a.event = true;
    byArticle.set(p.articleId, a);
  }
  let best: { storyId: number; score: number } | null = null;
  for (const a of byArticle.values()) {
    if (!sameEvent(a, a.event, DISTINCTIVE_MATCH_THRESHOLD)) continue;
    if (!best || a.score > best.score) best = { storyId: a.storyId, score: a.score };
  }
  return best;
}

/** A story's profile: its articles' terms added up, heaviest first. */
export function mergeTerms(lists: readonly (readonly Term[])[], limit = 30): Term[] {
  const acc = new Map<string, Term>();
  for (const list of lists)
    for (const t of list) {
      const e = acc.get(t[0]);
      if (e) e[1] += t[1];
      else acc.set(t[0], [t[0], t[1], t[2], t[3]]);
    }
  return [...acc.values()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
}

/** "Syria · Latakia": the two heaviest names or places, else the event word; unique among `taken`. */
export function storyName(terms: readonly Term[], taken: (name: string) => boolean): string {
  // "Syria" and "Syrian" name one thing: skip a term that extends or begins one already chosen
  const proper: Term[] = [];
  const related = (a: string, b: string) => a !== b && (a.startsWith(b) || b.startsWith(a));
  // a name's weight includes its related forms; between related forms the more frequent one shows
  const own = new Map(terms.map((t) => [t[0], t[1]]));
  const ranked = terms
    .filter((t) => t[3] === "p")
    .map(
      (t): Term => [
        t[0],
        terms.filter((u) => u[3] === "p" && related(u[0], t[0])).reduce((w, u) => w + u[1], t[1]),
        t[2],
        t[3],
      ],
    )
    .sort((a, b) => b[1] - a[1] || (own.get(b[0]) ?? 0) - (own.get(a[0]) ?? 0) || (a[0] < b[0] ? -1 : 1));
  for (const t of ranked) {
    if (t[3] !== "p" || proper.some((p) => t[0].startsWith(p[0]) || p[0].startsWith(t[0]))) continue;
    proper.push(t);
    if (proper.length === 2) break;
  }
  const event = terms.find((t) => t[3] === "e");
  const parts = proper.map((t) => t[2]);
  if (parts.length < 2 && event) parts.push(event[2]);
  const base = parts.length ? parts.join(" · ") : "Untitled story";
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base} (${i})`)) return `${base} (${i})`;
}
