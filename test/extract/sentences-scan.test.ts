// splitSentences jumps over what cannot change the split in the current quotation state: same sentences.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/extract/sentences.js";
import { splitSentencesReference } from "./sentences-reference.js";

const piece = fc.constantFrom(
  ..."He said Mr. Dr. U.S. J. R. Smith 1.2 the end . ! ? … \" “ ” ‘ ’ ' ( ) ] » : , a A é É Syria’s don’t".split(
    " ",
  ),
  " ",
  "  ",
  "\n",
  "\n\n",
  "\r\n",
  "\u2028",
  "\u00a0",
  "\t",
  ".” He",
  "?’ She",
  " ‘",
  "(‘",
);

describe("splitSentences", () => {
  it("splits random text as the splitter that visited every quote mark and terminator", () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((a) => a.join("")),
        (t) => {
          expect(splitSentences(t)).toEqual(splitSentencesReference(t));
        },
      ),
      { numRuns: 20000 },
    );
  });
});
