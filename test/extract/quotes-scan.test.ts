// findQuotes jumps over marks that cannot matter in its state: the same spans as visiting every mark.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findQuotes } from "../../src/extract/quotes.js";
import { findQuotesReference } from "./quotes-reference.js";

const piece = fc.constantFrom(
  ..."He said the families’ homes Syria’s don’t rock'n'roll 'em 'We 90s ’90s , . : ( ) - x S s".split(" "),
  '"',
  "'",
  "“",
  "”",
  "‘",
  "’",
  "«",
  "»",
  "„",
  " ",
  "  ",
  "\n",
  "\n\n",
  "\r\n",
  "\u2028",
  "\u00a0",
  "\t",
  "x".repeat(1000),
);

describe("findQuotes", () => {
  it("finds the spans the finder that visited every mark finds, long open quotations included", () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((a) => a.join("")),
        (t) => {
          expect(findQuotes(t)).toEqual(findQuotesReference(t));
        },
      ),
      { numRuns: 20000 },
    );
  });
});
