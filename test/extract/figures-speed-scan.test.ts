// Hand-written readers in figures.ts must find exactly what the patterns they stand for find.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextWordOf } from "../../src/extract/figures.js";

/** Random short strings of the characters that make these readers go wrong. */
const text = fc
  .array(
    fc.constantFrom(
      ..."a Z m May march . % ' ’ - , ; : ( ) \" “ ” — – é É ٣ 𝐀 \u0301 \u00a0 \u2009 \t \n 7 _ ! K".split(
        " ",
      ),
      " ",
      "  ",
    ),
    { maxLength: 30 },
  )
  .map((a) => a.join(""));

describe("nextWordOf", () => {
  it("is the first capture of /^\\s*([\\p{L}\\p{M}.%]+)/u, lower-cased", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(nextWordOf(s)).toBe((/^\s*([\p{L}\p{M}.%]+)/u.exec(s)?.[1] ?? "").toLowerCase());
      }),
      { numRuns: 20000 },
    );
  });
  it("reads a word after spaces and stops at other characters", () => {
    expect(nextWordOf("  March 3")).toBe("march");
    expect(nextWordOf(" 5%")).toBe("");
    expect(nextWordOf("% of")).toBe("%");
    expect(nextWordOf("\u00a0Mai,")).toBe("mai");
  });
});
