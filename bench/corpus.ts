// A deterministic synthetic news corpus: article i depends only on (seed, i), so the corpus can be
// streamed one article at a time and any article can be rebuilt on its own (the crash test relies on it).
// Articles come in clusters about one event (an earthquake, a flood, clashes, a bombing...) in one
// country, reported by several outlets quoting several originators, in three styles (wire copy, a
// liveblog, a quote-heavy piece), with numbers in digits, in words and as ranges.
import type { ArticleDraft } from "../src/core/types.js";

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for item `i` of stream `salt`, mixed so neighbouring items are unrelated. */
export function mix(seed: number, salt: number, i: number): number {
  let h = (seed ^ Math.imul(salt, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

interface Country {
  name: string;
  adjective: string;
  capital: string;
  regions: readonly string[];
}

const COUNTRIES: readonly Country[] = [
  { name: "Nepal", adjective: "Nepali", capital: "Kathmandu", regions: ["Gandaki", "Karnali", "Bagmati"] },
  { name: "Pakistan", adjective: "Pakistani", capital: "Islamabad", regions: ["Sindh", "Punjab", "Khyber"] },
  { name: "Sudan", adjective: "Sudanese", capital: "Khartoum", regions: ["Darfur", "Kordofan", "Gezira"] },
  { name: "Syria", adjective: "Syrian", capital: "Damascus", regions: ["Latakia", "Idlib", "Homs"] },
  { name: "Peru", adjective: "Peruvian", capital: "Lima", regions: ["Cusco", "Piura", "Ancash"] },
  { name: "Indonesia", adjective: "Indonesian", capital: "Jakarta", regions: ["Sulawesi", "Java", "Aceh"] },
  { name: "Nigeria", adjective: "Nigerian", capital: "Abuja", regions: ["Borno", "Kaduna", "Benue"] },
  { name: "Turkey", adjective: "Turkish", capital: "Ankara", regions: ["Hatay", "Malatya", "Adana"] },
  { name: "Myanmar", adjective: "Myanmar", capital: "Naypyitaw", regions: ["Sagaing", "Rakhine", "Shan"] },
  { name: "Yemen", adjective: "Yemeni", capital: "Sanaa", regions: ["Marib", "Taiz", "Hodeidah"] },
];

type EventKind = "earthquake" | "flood" | "clashes" | "bombing" | "landslide";
const EVENT_KINDS: readonly EventKind[] = ["earthquake", "flood", "clashes", "bombing", "landslide"];

const SYLLABLES = ["ka", "ra", "bel", "nu", "vor", "ta", "mir", "sa", "dun", "lo", "zan", "pe", "qar", "hi"];

/** A made-up town name, so that separate events have separate place names. */
function town(r: Rand): string {
  const n = int(r, 2, 3);
  let s = "";
  for (let i = 0; i < n; i++) s += pick(r, SYLLABLES);
  return s[0]!.toUpperCase() + s.slice(1);
}

const FIRST = ["Ahmed", "Maria", "Rajesh", "Fatima", "Jonas", "Amina", "Luis", "Sita", "Omar", "Grace"];
const LAST = ["Haddad", "Okafor", "Sharma", "Rahman", "Quispe", "Wibowo", "Demir", "Aung", "Saleh", "Thapa"];

interface Originator {
  /** As first mentioned. */
  full: string;
  /** As mentioned again. */
  short: string;
}

function originators(c: Country, kind: EventKind): Originator[] {
  const common: Originator[] = [
    { full: `the ${c.adjective} Ministry of Health`, short: "the health ministry" },
    { full: "the UN Office for the Coordination of Humanitarian Affairs (OCHA)", short: "OCHA" },
    { full: `${c.name}'s interior ministry`, short: "the interior ministry" },
    { full: "the International Committee of the Red Cross", short: "the ICRC" },
    { full: `${c.adjective} police`, short: "police" },
  ];
  if (kind === "clashes" || kind === "bombing")
    return [
      ...common,
      { full: `the ${c.name} Observatory for Human Rights, a UK-based war monitor`, short: "the monitor" },
      { full: "the UN human rights office", short: "the UN rights office" },
    ];
  return [
    ...common,
    { full: "the National Disaster Management Authority (NDMA)", short: "the NDMA" },
    { full: "the civil defence agency", short: "civil defence" },
  ];
}

const WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];

/** A count as an article might write it: digits, words, a range or a vague amount. */
function spell(r: Rand, n: number, sentenceStart = false): string {
  const roll = r();
  let s: string;
  if (n < 20 && roll < 0.5) s = WORDS[n]!;
  else if (n >= 24 && n % 12 === 0 && n <= 48 && roll < 0.6) s = n === 24 ? "two dozen" : `${n / 12} dozen`;
  else if (roll < 0.12 && n >= 10) {
    const lo = Math.max(1, Math.floor(n * 0.9));
    s = r() < 0.5 ? `between ${lo.toLocaleString("en-US")} and ${n.toLocaleString("en-US")}` : `${lo}-${n}`;
  } else s = n.toLocaleString("en-US");
  return sentenceStart ? s[0]!.toUpperCase() + s.slice(1) : s;
}

const QUALIFY = ["at least ", "more than ", "about ", "", "", "nearly ", "some "];

const OUTLETS = [
  "Reuters",
  "Associated Press",
  "AFP",
  "Al Jazeera",
  "BBC News",
  "The Guardian",
  "Kathmandu Post",
  "Dawn",
];

interface EventFacts {
  id: number;
  kind: EventKind;
  country: Country;
  region: string;
  place: string;
  other: string;
  /** YYYY-MM-DD of the first report. */
  day: string;
  killed: number;
  injured: number;
  missing: number;
  displaced: number;
  officials: { name: string; role: string }[];
  witness: string;
}

/** How many articles each event gets, and how many events start per day. */
export const ARTICLES_PER_EVENT = 8;
/** News volume: about 12 events × 8 articles spread over 3 days ≈ 100 articles a day. */
export const EVENTS_PER_DAY = 12;
const EPOCH = Date.UTC(2023, 0, 1);

function eventFacts(seed: number, id: number, eventsPerDay: number): EventFacts {
  const r = rng(mix(seed, 1, id));
  const kind = pick(r, EVENT_KINDS);
  const country = pick(r, COUNTRIES);
  const scale = kind === "earthquake" ? 400 : kind === "clashes" ? 250 : kind === "flood" ? 120 : 40;
  const killed = int(r, 3, scale);
  const officials = [0, 1].map(() => ({
    name: `${pick(r, FIRST)} ${pick(r, LAST)}`,
    role: pick(r, [
      "the spokesperson",
      "the minister",
      "the regional governor",
      "the director",
      "the police chief",
    ]),
  }));
  return {
    id,
    kind,
    country,
    region: pick(r, country.regions),
    place: town(r),
    other: town(r),
    day: new Date(EPOCH + Math.floor(id / eventsPerDay) * 86_400_000).toISOString().slice(0, 10),
    killed,
    injured: killed * int(r, 1, 4) + int(r, 0, 9),
    missing: int(r, 0, 60),
    displaced: int(r, 2, 90) * 100,
    officials,
    witness: `${pick(r, FIRST)} ${pick(r, LAST)}`,
  };
}

function what(e: EventFacts): { headline: string; lead: string; cause: string } {
  const p = e.place;
  switch (e.kind) {
    case "earthquake":
      return {
        headline: `Earthquake strikes ${e.region}`,
        lead: `A magnitude ${5 + (e.id % 30) / 10} earthquake struck near ${p} in ${e.country.name}'s ${e.region} region`,
        cause: "the earthquake",
      };
    case "flood":
      return {
        headline: `Floods sweep ${e.region} after monsoon rains`,
        lead: `Flash floods triggered by heavy monsoon rains swept through ${p} and nearby villages in ${e.region}`,
        cause: "the floods",
      };
    case "clashes":
      return {
        headline: `Fighting rages around ${p}`,
        lead: `Clashes between government troops and armed groups spread across ${p} in ${e.country.name}'s ${e.region} province`,
        cause: "the fighting",
      };
    case "bombing":
      return {
        headline: `Car bomb hits market in ${p}`,
        lead: `A car bomb exploded near a crowded market in ${p}, ${e.region}`,
        cause: "the blast",
      };
    case "landslide":
      return {
        headline: `Landslide buries homes in ${p}`,
        lead: `A landslide buried dozens of homes in ${p} in ${e.region} after days of rain`,
        cause: "the landslide",
      };
  }
}

const FILLER = [
  "Roads into the area were cut off, and rescue teams had to travel on foot for several hours.",
  "Hospitals in {other} said they were running short of blood and beds, and appealed for donations.",
  "The government declared three days of national mourning and said flags would fly at half mast.",
  "Television footage showed residents digging through rubble with their bare hands as darkness fell.",
  "Aid agencies said they were sending food, clean water, tents and medicine to {place} and {other}.",
  "Phone lines and electricity were down across much of {region}, making it hard to reach remote villages.",
  "The region has seen repeated disasters in recent years, and residents said warnings came too late.",
  "Schools in {other} were turned into shelters for families who had lost their homes.",
  "Officials said the number could rise as crews reached areas that had been cut off since the start.",
  "Neighbouring countries offered help, and a team of engineers arrived from {capital} on Sunday.",
  "Local journalists said the roads between {place} and {other} were blocked by debris and abandoned cars.",
  "It was the worst such event in {country} in more than a decade, according to local historians.",
];

function fill(s: string, e: EventFacts): string {
  return s
    .replaceAll("{place}", e.place)
    .replaceAll("{other}", e.other)
    .replaceAll("{region}", e.region)
    .replaceAll("{capital}", e.country.capital)
    .replaceAll("{country}", e.country.name);
}

type Style = "wire" | "liveblog" | "quotes";

/** Everything a figure sentence needs: who counted, and how much. */
function tollSentence(r: Rand, e: EventFacts, o: Originator, killed: number, injured: number): string {
  const q = pick(r, QUALIFY);
  const k = spell(r, killed);
  const i = spell(r, injured);
  const cause = what(e).cause;
  switch (int(r, 0, 4)) {
    case 0:
      return `${q}${k} people were killed and ${i} injured in ${cause}, according to ${o.full}.`.replace(
        /^./,
        (c) => c.toUpperCase(),
      );
    case 1:
      return `${capital(o.full)} said ${q}${k} people had died and ${i} others were wounded.`;
    case 2:
      return `The death toll from ${cause} rose to ${q}${k}, ${o.full} said in a statement, up from ${Math.max(1, Math.floor(killed / 2))} a day earlier.`;
    case 3:
      return `${capital(o.short)} put the toll at ${q}${k} dead, including ${spell(r, Math.floor(killed / 3))} children, and said ${i} people were being treated in hospital.`;
    default:
      return `According to figures from ${o.full}, ${q}${k} people lost their lives and ${spell(r, e.missing)} remain missing.`;
  }
}

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

const QUOTES = [
  "We are doing everything we can to reach the people trapped under the rubble",
  "The situation is very serious and we expect the numbers to rise",
  "Our teams have been working through the night without rest",
  "We need tents, blankets and clean water more than anything else",
  "Those responsible will be found and brought to justice",
  "Nobody warned us, and by the time we understood it was too late",
  "I lost my house, my shop and everything I had worked for",
  "The international community must act now before more lives are lost",
];

/** `role` with its article: "the governor", "a resident of Kara". */
function quote(r: Rand, who: string, role: string): string {
  const q = pick(r, QUOTES);
  switch (int(r, 0, 2)) {
    case 0:
      return `“${q},” ${who}, ${role}, told reporters.`;
    case 1:
      return `"${q}," said ${who}.`;
    default:
      return `${who}, ${role}, said: “${q}.”`;
  }
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "3 March" from YYYY-MM-DD. */
function dayMonth(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** Article `i` of the corpus: which event, which outlet, which style, which numbers. */
export function article(seed: number, i: number, eventsPerDay = EVENTS_PER_DAY): ArticleDraft {
  const eventId = Math.floor(i / ARTICLES_PER_EVENT);
  const e = eventFacts(seed, eventId, eventsPerDay);
  const r = rng(mix(seed, 2, i));
  const nth = i % ARTICLES_PER_EVENT;
  const style: Style = pick(r, ["wire", "wire", "liveblog", "quotes"] as const);
  const outlet = pick(r, OUTLETS);
  const origs = originators(e.country, e.kind);
  const o1 = pick(r, origs);
  const o2 = pick(
    r,
    origs.filter((o) => o !== o1),
  );
  const w = what(e);
  // tolls rise from one day to the next (same-day reports agree); a second originator sometimes
  // disagrees sharply
  const growth = 1 + Math.floor(nth / 3) * 0.3;
  const killed = Math.max(1, Math.round(e.killed * growth));
  const killed2 = r() < 0.15 ? Math.round(killed * (2 + r())) : killed;
  const injured = Math.round(e.injured * growth);
  const published = new Date(Date.parse(e.day) + Math.floor(nth / 3) * 86_400_000).toISOString().slice(0, 10);
  const headline = `${killed.toLocaleString("en-US")} killed as ${w.headline.charAt(0).toLowerCase()}${w.headline.slice(1)}`;
  const off = e.officials;
  const paras: string[] = [];
  const dateline = `${e.country.capital.toUpperCase()}, ${dayMonth(published)} (${outlet}) -`;
  if (style === "liveblog") {
    let hour = int(r, 6, 10);
    const entry = (s: string) => {
      const stamp = `${String(hour).padStart(2, "0")}:${String(int(r, 0, 59)).padStart(2, "0")} GMT`;
      hour = Math.min(23, hour + int(r, 1, 2));
      paras.push(`${stamp}\n${s}`);
    };
    entry(`${w.lead} on ${dayMonth(published)}, officials said. We are bringing you the latest updates.`);
    entry(tollSentence(r, e, o1, Math.max(1, Math.round(killed * 0.7)), Math.round(injured * 0.6)));
    entry(fill(pick(r, FILLER), e));
    entry(`Update: ${tollSentence(r, e, o1, killed, injured)}`);
    entry(quote(r, off[0]!.name, off[0]!.role));
    entry(tollSentence(r, e, o2, killed2, injured));
    entry(`${fill(pick(r, FILLER), e)} ${fill(pick(r, FILLER), e)}`);
    entry(quote(r, e.witness, `a resident of ${e.place}`));
  } else if (style === "quotes") {
    paras.push(`${dateline} ${w.lead}, and survivors described scenes of panic.`);
    paras.push(quote(r, e.witness, `a resident of ${e.place}`));
    paras.push(tollSentence(r, e, o1, killed, injured));
    paras.push(quote(r, off[0]!.name, off[0]!.role));
    paras.push(`${quote(r, off[1]!.name, off[1]!.role)} ${fill(pick(r, FILLER), e)}`);
    paras.push(tollSentence(r, e, o2, killed2, injured));
    paras.push(`“${pick(r, QUOTES)},” she said. “${pick(r, QUOTES)}.”`);
    paras.push(`${fill(pick(r, FILLER), e)} ${fill(pick(r, FILLER), e)}`);
    paras.push(
      `"${pick(r, QUOTES)}," said ${pick(r, FIRST)} ${pick(r, LAST)}, a spokesperson for ${o2.full}.`,
    );
  } else {
    paras.push(
      `${dateline} ${w.lead} on ${dayMonth(published)}, killing ${spell(r, killed)} people, officials said.`,
    );
    paras.push(tollSentence(r, e, o1, killed, injured));
    paras.push(fill(pick(r, FILLER), e));
    paras.push(tollSentence(r, e, o2, killed2, injured));
    paras.push(
      `${capital(spell(r, e.displaced))} people fled their homes, and ${spell(r, e.missing)} were reported missing, ${o1.short} said.`,
    );
    paras.push(quote(r, off[0]!.name, off[0]!.role));
    paras.push(`${fill(pick(r, FILLER), e)} ${fill(pick(r, FILLER), e)}`);
    paras.push(fill(pick(r, FILLER), e));
  }
  // background paragraphs bring the article to seed size (3-5 KB)
  const target = int(r, 3000, 5000);
  let text = `${headline}\n${paras.join("\n\n")}`;
  while (text.length < target) text += `\n\n${fill(pick(r, FILLER), e)} ${fill(pick(r, FILLER), e)}`;
  // a unique reference line: no two articles of the corpus share a content hash
  text += `\n\n(${outlet} report ${seed}-${i})`;
  const slug = `${e.kind}-${e.place.toLowerCase()}-${i}`;
  return {
    url: `https://news.example/${outlet.toLowerCase().replace(/\W+/g, "-")}/${published}/${slug}`,
    file: null,
    title: headline,
    outlet,
    published,
    text,
  };
}

/** Articles `from` (inclusive) to `to` (exclusive), one at a time: nothing is held in memory. */
export function* corpus(
  seed: number,
  from: number,
  to: number,
  eventsPerDay = EVENTS_PER_DAY,
): Generator<ArticleDraft> {
  for (let i = from; i < to; i++) yield article(seed, i, eventsPerDay);
}

/** The day an article is ingested, by its position in the corpus: ingest follows the news. */
export function ingestClock(draft: ArticleDraft): Date {
  return new Date(`${draft.published ?? "2023-01-01"}T12:00:00Z`);
}
