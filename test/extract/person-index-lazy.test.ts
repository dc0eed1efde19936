// LazyPersonIndex finds only the persons a query names: its answers must be the whole NameIndex's.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LazyPersonIndex, NameIndex } from "../../src/extract/names.js";
import { ownWords, textOf, windows } from "./arbitraries.js";

const WORDS =
  "Ahmed al-Sharaa Sharaa Marco Rubio President Mr. Mr Dr. Secretary of State Foreign Minister Abbas Araghchi Volker Türk Tuerk Samir Haidar Jean-Pierre Pierre D'arcy As'ad O’Brien O’brien Abu-bakr Al-Assad Assad Vincent van Gogh Ministry Health Syria’s Iran’s Mr.al-Sharaa Baniyas Ali Sheha UN J. R. Smith iSmith the The said ambassador resident spokesman".split(
    " ",
  );
const GAPS = [
  " ",
  " ",
  " ",
  " ",
  "  ",
  "\t",
  ", ",
  ". ",
  "\n",
  "(",
  ")",
  "’s",
  "'s",
  "-",
  "3",
  "“",
  "”",
  " — ",
  ":",
];
const text = textOf(WORDS, GAPS, { word: 6, gap: 5 });

function same(t: string, surfaces: string[], positions: number[]): void {
  const whole = new NameIndex(t);
  const lazy = new LazyPersonIndex(t);
  for (const q of surfaces)
    for (const at of positions) expect(lazy.resolve(q, at)).toEqual(whole.resolve(q, at));
  for (const head of ["president", "minister", "ambassador"])
    for (const at of positions) expect(lazy.byRole(head, at)).toEqual(whole.byRole(head, at));
}

describe("LazyPersonIndex", () => {
  it("resolves names as the whole index does", () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }),
        windows,
        fc.array(fc.nat(400), { minLength: 1, maxLength: 3 }),
        (t, picked, spans, positions) => {
          if (!LazyPersonIndex.fits(t)) return;
          // surfaces made of the text's own words name its persons far more often than random ones
          const own = ownWords(t, spans);
          same(t, [...picked, ...own], positions);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("finds a person from a surname after a particle, a hyphen or an apostrophe", () => {
    const t =
      "Syria’s President Ahmed al-Sharaa met Abu-bakr Haidar and Dr. Samir O’brien, said resident Jean-Pierre As'ad. Sharaa spoke; O’brien and As'ad later.";
    same(
      t,
      ["Sharaa", "al-Sharaa", "bakr", "Haidar", "O’brien", "brien", "As'ad", "ad", "Pierre"],
      [0, 60, t.length],
    );
    expect(new LazyPersonIndex(t).resolve("Sharaa", 100)?.name).toBe("Ahmed al-Sharaa");
  });

  it("reads several mentions of a surname between two breaks, a particle right after a title's dot included", () => {
    const t =
      "Ahmed Sharaa and Mr Sharaa met Ali Sharaa and Mr.al-Sharaa while President Sharaa spoke and Sharaa left";
    same(t, ["Sharaa", "al-Sharaa", "Ali Sharaa"], [0, 30, 60, t.length]);
    expect(new LazyPersonIndex(t).resolve("Sharaa", t.length)?.name).toBe(
      new NameIndex(t).resolve("Sharaa", t.length)?.name,
    );
  });

  it("asks the whole index about a word found too often, with the same answers", () => {
    const t = `${"Mr Smith met Anna Smith, Smith said. ".repeat(40)}Foreign Minister John Smith.`;
    same(t, ["Smith", "John Smith"], [0, 500, t.length]);
  });

  it("does not read text with letters outside ASCII", () => {
    expect(LazyPersonIndex.fits("Volker Türk said")).toBe(false);
    expect(LazyPersonIndex.fits("Marco Rubio said “no” — ’s")).toBe(true);
  });
});
