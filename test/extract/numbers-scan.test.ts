// Cheap checks in numbers.ts must never skip a match of the pattern they guard.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCALE_AFTER_DIGITS, scaleMayFollow } from "../../src/extract/numbers.js";

describe("scaleMayFollow", () => {
  it("is true wherever SCALE_AFTER_DIGITS matches the twelve characters after a number", () => {
    const piece = fc.constantFrom(
      ..."million Million BILLION thousand m M bn Bn t b x - . 1 é".split(" "),
      " ",
      "  ",
      "\u00a0",
      "\n",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((a) => a.join("")),
        fc.nat(6),
        (s, end) => {
          if (SCALE_AFTER_DIGITS.test(s.slice(end, end + 12))) expect(scaleMayFollow(s, end)).toBe(true);
        },
      ),
      { numRuns: 30000 },
    );
  });
});
