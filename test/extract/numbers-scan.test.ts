// Cheap checks in numbers.ts must never skip a match of the pattern they guard.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findNumbers, SCALE_AFTER_DIGITS, scaleMayFollow } from "../../src/extract/numbers.js";
import { findNumbersReference } from "./numbers-reference.js";

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

describe("findNumbers", () => {
  it("reads the numbers the version without cheap checks reads", () => {
    const piece = fc.constantFrom(
      ..."1 12 1,000 1,42,318 34,61 3rd 4th 21st 2nd 10km 5am 1.2 2.5m 3bn million thousand , . - A320 x 1234567890123 99,999,999,999,999 12,345,678,901 two twenty-three a dozen half hundred and of tens thousands é".split(
        " ",
      ),
      " ",
      "  ",
      "\u00a0",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 14 }).map((a) => a.join("")),
        (s) => {
          expect(findNumbers(s)).toEqual(findNumbersReference(s));
        },
      ),
      { numRuns: 30000 },
    );
  });
});
