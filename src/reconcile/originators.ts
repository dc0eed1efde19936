// Originator names: one canonical name per counting body, reached from its acronyms, short forms
// and descriptor-prefixed spellings ("the UK-based Syrian Observatory" → Syrian Observatory for
// Human Rights). Pure: the known originators are handed in, the store persists the verdict.

const MINOR_WORDS = new Set(["for", "of", "the", "and", "on", "in", "to", "de", "la", "du", "des", "et"]);

// Every figure of every article asks for the keys and aliases of the same few dozen names: pure
// functions, so their answers are kept, up to a bound that only an unusual archive reaches.
const MEMO_MAX = 10_000;
function memoised<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= MEMO_MAX) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}

/** Lower case, accents and punctuation dropped, leading "the" and "X-based" descriptors dropped. */
export const aliasKey: (name: string) => string = memoised(aliasKeyOf);

function aliasKeyOf(name: string): string {
  let s = cleanName(name)
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\([^)]*\)/g, " ")
    .trim();
  // "the UK-based", "Britain-based", "London-based", "the US-based" ...
  for (;;) {
    const next = s.replace(/^(?:the|a|an)\s+/, "").replace(/^[\p{L}.]+-based\s+/u, "");
    if (next === s) break;
    s = next;
  }
  return s
    .replace(/'s\b/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** "Syrian Observatory for Human Rights" → "SOHR"; null for names of fewer than three words. */
export function acronymOf(name: string): string | null {
  const raw = cleanName(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !MINOR_WORDS.has(w.toLowerCase()));
  // only proper names have acronyms: "Syrian security sources" is a description, not a name
  if (raw.length < 3 || raw.some((w) => !/^\p{Lu}/u.test(w))) return null;
  const words = raw.map((w) => aliasKey(w)).filter(Boolean);
  return words.map((w) => w[0]!.toUpperCase()).join("");
}

/** An all-capitals token such as "SOHR", "OCHA", "WHO". */
export function looksLikeAcronym(raw: string): boolean {
  return /^[A-Z][A-Z0-9&.]{1,7}$/.test(raw.trim().replace(/^the\s+/i, ""));
}

/** "Syrian Observatory for Human Rights (SOHR)" → the name and the acronym in parentheses. */
export function splitParenthesised(raw: string): { name: string; acronym: string | null } {
  const m = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(raw.trim());
  if (m && looksLikeAcronym(m[2]!)) return { name: m[1]!.trim(), acronym: m[2]!.trim() };
  return { name: raw.trim(), acronym: null };
}

/** The display form: descriptors and a leading "the" dropped, original capitalisation kept. */
export const cleanName: (raw: string) => string = memoised(cleanNameOf);

function cleanNameOf(raw: string): string {
  let s = splitParenthesised(raw).name.replace(/\s+/g, " ").trim();
  // the tail of a previous sentence caught in front ("... Tartous. The UK-based Syrian Observatory")
  s = s.replace(/^.*\p{Ll}{2}[.!?]\s+(?=\p{Lu})/su, "");
  for (;;) {
    const next = s.replace(/^(?:the|a|an)\s+/i, "").replace(/^[\p{L}.]+-based\s+/iu, "");
    if (next === s) break;
    s = next;
  }
  return s;
}

const wordCount = (key: string) => (key ? key.split(" ").length : 0);
const isWordPrefix = (short: string, long: string) => long !== short && long.startsWith(`${short} `);

/** Words after a body's name that say who in it spoke: "Health Ministry spokesman". */
const ROLE_WORDS = new Set([
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "official",
  "officials",
  "source",
  "sources",
  "chief",
  "head",
  "director",
  "statement",
]);

/**
 * How a longer name continues a shorter one: "complement" when the short form is the head of the
 * name ("Syrian Observatory" + "for Human Rights"), "role" for a person or part of the same body
 * ("Health Ministry" + "spokesman"), null for a different body ("United Nations" + "Children's Fund").
 */
function continuation(short: string, long: string): "complement" | "role" | null {
  if (wordCount(short) < 2 || !isWordPrefix(short, long)) return null;
  const next = long.slice(short.length + 1).split(" ")[0] ?? "";
  if (MINOR_WORDS.has(next)) return "complement";
  if (ROLE_WORDS.has(next)) return "role";
  return null;
}

export interface KnownOriginator {
  id: number;
  name: string;
  /** Alias keys already recorded for it (its name's key among them). */
  aliasKeys: string[];
}

export type Resolution =
  | { kind: "existing"; id: number; aliases: readonly string[] }
  /** A known originator was a short form or acronym of this fuller name: rename it. */
  | { kind: "rename"; id: number; name: string; aliases: readonly string[] }
  | { kind: "new"; name: string; aliases: readonly string[] };

/** Alias spellings worth recording for a name: itself, and its acronyms (a shared array: do not change it). */
export const aliasesOf: (raw: string) => readonly string[] = memoised(aliasesOfName);

function aliasesOfName(raw: string): string[] {
  const { name, acronym } = splitParenthesised(raw);
  const out = [cleanName(raw)];
  if (acronym) out.push(acronym);
  const own = acronymOf(name);
  if (own) out.push(own);
  return [...new Set(out)];
}

/**
 * Finds the originator a name refers to among the known ones: an alias, an acronym, or a short
 * form that begins a known name ("Syrian Observatory"). Ambiguous short forms start a new one.
 */
export function resolveOriginator(raw: string, known: readonly KnownOriginator[]): Resolution | null {
  const name = cleanName(raw);
  const key = aliasKey(name);
  if (!key) return null;
  const aliases = aliasesOf(raw);
  const byKey = known.find((k) => k.aliasKeys.includes(key));
  if (byKey) return { kind: "existing", id: byKey.id, aliases };
  const { acronym } = splitParenthesised(raw);
  if (acronym) {
    const byAcronym = known.find((k) => k.aliasKeys.includes(aliasKey(acronym)));
    if (byAcronym) return { kind: "existing", id: byAcronym.id, aliases };
  }
  if (looksLikeAcronym(name)) {
    const matches = known.filter((k) => acronymOf(k.name) === name.replace(/\./g, ""));
    if (matches.length === 1) return { kind: "existing", id: matches[0]!.id, aliases };
  }
  // a short form of a known name: "Syrian Observatory" for "Syrian Observatory for Human Rights"
  const longer = known.filter((k) => continuation(key, aliasKey(k.name)) === "complement");
  if (longer.length === 1) return { kind: "existing", id: longer[0]!.id, aliases };
  // a spokesman or official of a known body speaks for it
  const body = known.filter((k) => continuation(aliasKey(k.name), key) === "role");
  if (body.length === 1) return { kind: "existing", id: body[0]!.id, aliases: [] };
  // a known short form or acronym of this fuller name: the fuller name becomes canonical
  const own = acronymOf(name);
  const shorter = known.filter(
    (k) =>
      continuation(aliasKey(k.name), key) === "complement" ||
      (own !== null && looksLikeAcronym(k.name) && k.name.replace(/\./g, "") === own),
  );
  if (shorter.length === 1) return { kind: "rename", id: shorter[0]!.id, name, aliases };
  return { kind: "new", name, aliases };
}
