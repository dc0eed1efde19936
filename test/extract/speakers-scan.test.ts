// findVerbs (a word-by-word scan) must find exactly what the reporting-verb regex finds, on any text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findVerbs, findVerbsByRegex } from "../../src/extract/speakers.js";

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
