// The hand-written scanners in names.ts must agree exactly with the regexes they replace, on any text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  NameIndex,
  nameRuns,
  nameRunsByRegex,
  runMatchEnd,
  runMatchEndByRegex,
  wordBeforeSpaces,
  wordBeforeSpacesByRegex,
} from "../../src/extract/names.js";

// pieces that exercise every branch of RUN_RE: abbreviations, initials, particles, prefixes, connectors,
// separators, no-break spaces, non-ASCII letters and marks, astral letters, punctuation
const PIECES = [
  "Mr",
  "Mrs",
  "Ms",
  "Dr",
  "Capt",
  "Gen",
  "St",
  "Sr",
  "Prof",
  ".",
  ". ",
  "J",
  "R",
  "A",
  "Q",
  "X",
  "al",
  "el",
  "ash",
  "as",
  "ibn",
  "bin",
  "bint",
  "abu",
  "abd",
  "d",
  "l",
  "de",
  "del",
  "della",
  "van",
  "von",
  "y",
  "le",
  "la",
  "ter",
  "of",
  "for",
  "the",
  "of the",
  "for the",
  "and",
  "on",
  "Smith",
  "Assad",
  "Türk",
  "Ødegård",
  "José",
  "Ñ",
  "É",
  "é",
  "ß",
  "ſ",
  "\u212a",
  "\u0301",
  "ǅ",
  "Σ",
  "ς",
  "\u{1d400}",
  "\u{1f600}",
  "\ud800",
  "\udc00",
  "İ",
  " ",
  "  ",
  "\u00a0",
  "\t",
  "\n",
  "-",
  "'",
  "’",
  "‘",
  "“",
  "”",
  '"',
  ",",
  ";",
  ":",
  "(",
  ")",
  "1",
  "9",
  "s",
  "x",
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((a) => a.join(""));

describe("runMatchEnd", () => {
  it("matches RUN_RE at every offset of random text", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (let i = 0; i <= text.length; i++)
          expect(runMatchEnd(text, i), `${JSON.stringify(text)} @${i}`).toBe(runMatchEndByRegex(text, i));
      }),
      { numRuns: 4000 },
    );
  });

  it("matches RUN_RE on arbitrary Unicode strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (text) => {
        for (let i = 0; i <= text.length; i++) expect(runMatchEnd(text, i)).toBe(runMatchEndByRegex(text, i));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees on names with particles, titles and connectors", () => {
    for (const text of [
      "Bashar al-Assad met Ahmad al Shara and Ursula von der Leyen.",
      "the Ministry of the Interior and the Observatory for Human Rights",
      "Mr. J. R. Smith, Dr Jones and St. Louis",
      "Secretary of State Marco Rubio",
      "of  the Interior",
      "McDonald’s Jones’ d’Alembert ash-Shaykh",
    ])
      for (let i = 0; i <= text.length; i++) expect(runMatchEnd(text, i)).toBe(runMatchEndByRegex(text, i));
  });
});

describe("wordBeforeSpaces", () => {
  it("finds the same last word as the regex, for every window of random text", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (let at = 0; at <= text.length; at++)
          for (const from of [0, Math.max(0, at - 5), Math.max(0, at - 30)])
            expect(wordBeforeSpaces(text, from, at), `${JSON.stringify(text)} ${from}-${at}`).toBe(
              wordBeforeSpacesByRegex(text, from, at),
            );
      }),
      { numRuns: 2000 },
    );
    expect(wordBeforeSpaces("the UN envoy Geir", 0, 13)).toBe("envoy");
    expect(wordBeforeSpaces("the UN envoy Geir", 0, 12)).toBeNull();
  });
});

describe("NameIndex.runsIn", () => {
  it("gives the runs of any slice of the text, as nameRuns on the slice would", () => {
    let compared = 0;
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (text, a, b) => {
        const idx = new NameIndex(text);
        for (let from = 0; from <= text.length; from++) {
          const to = from + ((a + b * from) % (text.length - from + 1));
          const runs = idx.runsIn(from, to);
          if (runs === null) continue;
          compared++;
          expect(runs, `${JSON.stringify(text)} ${from}-${to}`).toEqual(nameRuns(text.slice(from, to)));
        }
      }),
      { numRuns: 1500 },
    );
    expect(compared).toBeGreaterThan(1000);
  });

  it("refuses a slice that starts inside a run", () => {
    const text = "Secretary of State Marco Rubio spoke.";
    expect(new NameIndex(text).runsIn(text.indexOf("Marco"), text.length)).toBeNull();
    expect(new NameIndex(text).runsIn(0, text.indexOf("Rubio") + 2)?.map((r) => r.text)).toEqual([
      "Secretary of State Marco Ru",
    ]);
  });
});

describe("nameRuns", () => {
  it("finds the same runs as a global search with the run pattern", () => {
    const prefixy = fc
      .array(
        fc.constantFrom(
          ...PIECES,
          "al-",
          "l-",
          "bal-",
          "ash-",
          "d’",
          "l’",
          "ibn-",
          "xal-",
          "s’",
          "Syria’s",
          "’",
          "-",
        ),
        {
          maxLength: 30,
        },
      )
      .map((a) => a.join(""));
    fc.assert(
      fc.property(fc.oneof(textArb, prefixy, fc.string({ unit: "binary", maxLength: 40 })), (text) => {
        expect(nameRuns(`${text} `), JSON.stringify(text)).toEqual(nameRunsByRegex(`${text} `));
      }),
      { numRuns: 6000 },
    );
  });
});
