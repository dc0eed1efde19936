// LazyNameIndex reads only the spans a query needs: its answers must be the whole NameIndex's.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyCase } from "../../src/extract/chars.js";
import { DESCRIPTOR_KINDS, LazyNameIndex, NameIndex } from "../../src/extract/originators.js";
import { ownWords, textOf, windows } from "./arbitraries.js";

const WORDS =
  "UN Office for the Coordination of Humanitarian Affairs OCHA ICRC International Committee Red Cross Syrian Observatory Human Rights SOHR Network Ministry Health Interior Agency Watch Monitor Service Services Department National Disaster Management Authority NDMA Amnesty Doctors Lysak Serhiy Governor Police The A UK-based Doctors' Nations United U.S. O’Brien O’brien Al-Nusra Al-nusra Front Club Cats McDonald iPhone xMinistry un under said officials police of for and de the al".split(
    " ",
  );
const GAPS = [
  " ",
  " ",
  " ",
  "  ",
  "\t",
  ", ",
  ". ",
  ".",
  "\n",
  "\n\n",
  "(",
  ")",
  " (OCHA)",
  " (ICRC)",
  " (SOHR)",
  "(UN)",
  " (Un)",
  "’s",
  "'s",
  "-",
  "3",
  "’",
  "“",
  "”",
  " — ",
  ":",
];
const text = textOf(WORDS, GAPS, { word: 6, gap: 4 });
const query = fc
  .array(fc.constantFrom(...WORDS, "the", "a"), { minLength: 1, maxLength: 4 })
  .map((a) => a.join(" "));

function same(t: string, queries: string[], positions: number[]): void {
  const whole = new NameIndex(t);
  const lazy = new LazyNameIndex(t);
  expect([...lazy.acronyms]).toEqual([...whole.acronyms]);
  for (const q of queries) expect(lazy.canonical(q)).toBe(whole.canonical(q));
  for (const [, fits] of DESCRIPTOR_KINDS)
    for (const pos of positions) expect(lazy.nearestOrg(pos, fits)).toBe(whole.nearestOrg(pos, fits));
}

describe("LazyNameIndex", () => {
  it("gives the whole index's acronyms, canonical names and nearest organisations", () => {
    fc.assert(
      fc.property(
        text,
        fc.array(query, { minLength: 1, maxLength: 6 }),
        windows,
        fc.array(fc.nat(400), { maxLength: 3 }),
        (t, queries, spans, positions) => {
          if (!LazyNameIndex.fits(t)) return;
          // queries made of the text's own words find names far more often than random ones
          const own = ownWords(t, spans);
          same(t, [...queries, ...own], positions);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("reads a name from its parts and an acronym from its definition", () => {
    const t =
      "Fighting went on, the UN Office for the Coordination of Humanitarian Affairs (OCHA) said. OCHA and the Office said more.";
    const lazy = new LazyNameIndex(t);
    expect(lazy.acronyms.get("OCHA")).toBe("UN Office for the Coordination of Humanitarian Affairs");
    expect(lazy.canonical("Coordination of Humanitarian Affairs")).toBe(
      "UN Office for the Coordination of Humanitarian Affairs",
    );
    expect(lazy.canonical("ICRC")).toBe("ICRC");
    expect(
      new LazyNameIndex("The International Committee of the Red Cross, the ICRC.").canonical("ICRC"),
    ).toBe("International Committee of the Red Cross");
  });

  it("finds words after a hyphen or an apostrophe, connectors, and organisations an acronym spells", () => {
    same(
      "The Al-nusra Front said. O’brien Cats Club met the International Cats Running Club and the International Committee of the Red Cross; the Office of the Coordination of Aid spoke.",
      ["Al-nusra", "nusra", "O’brien", "brien", "ICRC", "of the", "the", "for the", "Coordination", "Office"],
      [0, 60, 200],
    );
  });

  it("falls back to the whole index for words found too often, with the same answers", () => {
    const t = `${"UN Office staff, under UN rules. ".repeat(80)}The Ministry of Health said. ${"Health Ministry. ".repeat(70)}`;
    same(t, ["UN", "Health", "Ministry", "the Office", "of"], [0, 500, t.length]);
  });

  it("does not read text with letters outside ASCII", () => {
    expect(LazyNameIndex.fits("the Ministry said “12” — ’s")).toBe(true);
    expect(LazyNameIndex.fits("Médecins Sans Frontières")).toBe(false);
  });
});

describe("anyCase", () => {
  const chars = fc.constantFrom(..."aAbBsS.-'’“— 1\n(".split(""));
  it("matches where the lower-cased text holds the word, overlaps included", () => {
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 40 }).map((a) => a.join("")),
        fc.array(chars, { minLength: 1, maxLength: 3 }).map((a) => a.join("").toLowerCase()),
        (t, w) => {
          const lower = t.toLowerCase();
          const want: number[] = [];
          for (let p = lower.indexOf(w); p >= 0; p = lower.indexOf(w, p + 1)) want.push(p);
          const got: number[] = [];
          const re = anyCase(w);
          re.lastIndex = 0;
          for (let m = re.exec(t); m !== null; m = re.exec(t)) {
            got.push(m.index);
            re.lastIndex = m.index + 1;
          }
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 20000 },
    );
  });
});
