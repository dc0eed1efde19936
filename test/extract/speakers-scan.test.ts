// findVerbs (a word-by-word scan) must find exactly what the reporting-verb regex finds, on any text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clean,
  cleanByRegex,
  collapseWhitespace,
  countWords,
  findVerbs,
  findVerbsByRegex,
  undot,
  undotByRegex,
} from "../../src/extract/speakers.js";

const PIECES = [
  "said",
  "Said",
  "SAID",
  "says",
  "say",
  "saying",
  "told",
  "told reporters",
  "added",
  "quoted",
  "quoted as saying",
  "Quoted As Having Said",
  "quoted  as saying",
  "quoted as sayings",
  "acknowledges",
  "sa",
  "id",
  "x",
  "_",
  "1",
  "ſaid",
  "as\u212ad",
  "\u212a",
  "é",
  "ß",
  "İ",
  "’",
  "'",
  "-",
  " ",
  "\u00a0",
  "\n",
  ",",
  ".",
  "“",
  "said2",
  "2said",
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }).map((a) => a.join(""));

describe("findVerbs", () => {
  it("agrees with the regex on random text", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(findVerbs(text), JSON.stringify(text)).toEqual(findVerbsByRegex(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("agrees with the regex on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        expect(findVerbs(text)).toEqual(findVerbsByRegex(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("finds multi-word verbs whole and keeps the text as written", () => {
    expect(findVerbs("He was Quoted as saying it; she told reporters.")).toEqual([
      { index: 7, text: "Quoted as saying" },
      { index: 32, text: "told" },
    ]);
  });
});

const SPACEY = [
  "Mr",
  "Mrs",
  "Dr",
  "Hon",
  "Capt",
  "Sr",
  "xMr",
  "Mr_",
  "1",
  ".",
  "..",
  " ",
  "  ",
  "\t",
  "\n",
  "\u00a0",
  "\u2009",
  "\u3000",
  "\ufeff",
  "\u2028",
  "\u200b",
  "\u180e",
  ",",
  ";",
  ":",
  "—",
  "–",
  "-",
  "(",
  ")",
  "( x )",
  "a",
  "Smith",
  "é",
  "\u{1f600}",
  "\ud800",
];
const spaceyArb = fc.array(fc.constantFrom(...SPACEY), { maxLength: 16 }).map((a) => a.join(""));
const anyArb = fc.oneof(spaceyArb, fc.string({ unit: "binary", maxLength: 30 }));

describe("hand-written text clean-ups", () => {
  it("undot replaces exactly the abbreviation dots the regex does", () => {
    fc.assert(
      fc.property(anyArb, (s) => {
        expect(undot(s)).toBe(undotByRegex(s));
      }),
      { numRuns: 5000 },
    );
    expect(undot("Mr. and Mrs. Smith met Gen.X and xDr. Who.")).toBe(
      "Mr  and Mrs  Smith met Gen X and xDr. Who.",
    );
  });

  it("clean, collapseWhitespace and countWords agree with their regexes", () => {
    fc.assert(
      fc.property(anyArb, (s) => {
        expect(clean(s)).toBe(cleanByRegex(s));
        expect(collapseWhitespace(s)).toBe(s.replace(/\s+/g, " "));
        expect(countWords(s)).toBe(s.split(/\s+/).filter(Boolean).length);
      }),
      { numRuns: 5000 },
    );
  });
});
