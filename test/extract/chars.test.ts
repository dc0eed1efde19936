// The character classes of chars.ts against the regexes they stand for.
import { describe, expect, it } from "vitest";
import { beyondAscii, isJsSpace } from "../../src/extract/chars.js";

describe("isJsSpace", () => {
  it("is /\\s/ on every UTF-16 code unit", () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isJsSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});

describe("beyondAscii", () => {
  it("answers for the text asked about, not the one before", () => {
    expect(beyondAscii("said “12” — ’s")).toBe(false);
    expect(beyondAscii("Médecins")).toBe(true);
    expect(beyondAscii("Medecins")).toBe(false);
    expect(beyondAscii("a\u00a0b")).toBe(true);
  });
});
