// Hand-written readers in figures.ts must find exactly what the patterns they stand for find.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AGED_TAILS,
  CUMULATIVE_END,
  CUMULATIVE_TAILS,
  CURRENCY_TAILS,
  endsWithOneOf,
  firstAfterSpace,
  isArticle,
  isQuoteToken,
  isStopPunctToken,
  lastAsciiLetters,
  lastMeasure,
  lastWord,
  listGapStart,
  measureAt,
  NUMBER_TAILS,
  nextWordOf,
  QUAL_TAILS,
  QUAL_WORDS,
  SUPERSEDED_TAILS,
  stripQual,
  type TailSet,
  TIME_FIRST,
  tailEnd,
  tailSet,
  tokenize,
} from "../../src/extract/figures.js";
import {
  MEASURE_G,
  MONTHS,
  measureOf,
  QUALIFIER_BEFORE,
  QUALIFIER_BEFORE_TAILS,
  SUPERSEDED_BEFORE,
} from "../../src/extract/lexicon.js";

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

/** Phrases and words of the end-anchored patterns, in pieces, mixed with characters that break scanners. */
const PIECES = [
  ..."would not will did does exceed exceeding at least the very more than over upwards of no fewer less in excess a minimum up to as many high much nearly almost most maximum under close just about around roughly some an estimated approximately approx approximate circa upward well".split(
    " ",
  ),
  ..."up down rising risen rose increased climbed jumped revised from earlier previous initial prior preliminary old death toll figure count tally estimate tolls previously reported given announced put initially said".split(
    " ",
  ),
  ..."brings bringing brought raising takes total overall cumulative running to is was stands stood reached deaths now has".split(
    " ",
  ),
  ..."aged age ages between US$ USD usd Rs Rs. EUR GBP $ £ € ¥ ₹ no No number nos NOS magnitude Magnitude - – am pm a.m gmt h hrs percent per cent pc % years year old Old March May mar jan. Jan. Sept december 2024".split(
    " ",
  ),
  ..."AT LEAST Over OF To ~ . , ; 7 12 _ x é ’ ' \" “ ” \u00a0 \u2009 \t \n".split(" "),
];
const phrase = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(" ", " ", "  ", "", "\u00a0", "\n")), {
    maxLength: 14,
  })
  .map((a) => a.map(([w, sep]) => w + sep).join(""));

describe("cheap tests before end-anchored patterns", () => {
  it("tailEnd cuts trailing \\s, and with a quote mark one of them", () => {
    expect(tailEnd("at least \u00a0 ", false)).toBe(8);
    expect(tailEnd('at least " ', true)).toBe(8);
    expect(tailEnd('at least ""', true)).toBe(10);
    expect(endsWithOneOf("AT LEAST", 8, tailSet(["least"]))).toBe(true);
    expect(endsWithOneOf("at leas", 7, tailSet(["least"]))).toBe(false);
    expect(endsWithOneOf("approx.", 7, tailSet(["approx", "approx."]))).toBe(true);
    expect(endsWithOneOf("~", 1, tailSet(["~"]))).toBe(true);
    expect(endsWithOneOf("east", 4, tailSet(["least"]))).toBe(false);
  });
  it("stripQual is s.replace(QUAL_WORDS, '')", () => {
    fc.assert(
      fc.property(phrase, (s) => {
        expect(stripQual(s)).toBe(s.replace(QUAL_WORDS, ""));
      }),
      { numRuns: 20000 },
    );
  });
  it("each pattern matches only where its last words end the text", () => {
    const cases: [RegExp, boolean, TailSet][] = [
      [QUAL_WORDS, true, QUAL_TAILS],
      [SUPERSEDED_BEFORE, false, SUPERSEDED_TAILS],
      [CUMULATIVE_END, false, CUMULATIVE_TAILS],
      [/\d[^.;\d]{0,30}\bfrom\s*$/i, false, tailSet(["from"])],
      [/\bbod(?:y|ies)\s+of\s*$/i, false, tailSet(["of"])],
      [/(?:[$£€¥₹]|\bUS\$|\bUSD|\bRs\.?|\bEUR|\bGBP)\s*$/, false, CURRENCY_TAILS],
      [/\b(?:aged|age|ages|age of|ages of|aged between|aged from|ages between)\s*$/i, false, AGED_TAILS],
      [/\b(?:no|number|nos)\.?\s*$/i, false, NUMBER_TAILS],
      ...QUALIFIER_BEFORE.map(
        ([q, re]) =>
          [re, QUALIFIER_BEFORE_TAILS[q][0], tailSet(QUALIFIER_BEFORE_TAILS[q][1])] as [
            RegExp,
            boolean,
            TailSet,
          ],
      ),
    ];
    let matched = 0;
    fc.assert(
      fc.property(phrase, (s) => {
        for (const [re, quote, tails] of cases) {
          if (!re.test(s)) continue;
          matched++;
          expect(endsWithOneOf(s, tailEnd(s, quote), tails), `${re.source} on ${JSON.stringify(s)}`).toBe(
            true,
          );
        }
      }),
      { numRuns: 30000 },
    );
    expect(matched).toBeGreaterThan(3000); // the strings do reach the patterns
  });
});

describe("measureAt", () => {
  const sticky = new RegExp(MEASURE_G.source, "iy");
  const reference = (s: string, pos: number) => {
    sticky.lastIndex = pos;
    const m = sticky.exec(s);
    return m ? { measure: measureOf(m), end: pos + m[0].length, text: m[0] } : null;
  };
  const words = fc
    .array(
      fc.tuple(
        fc.constantFrom(
          ..."killed Killed KILLED kill dead or and injured death toll tolls lost their lives shot to death bodies were recovered taken rushed to a local hospital still being held in custody set free rescued hostages neutralised neutralized unaccounted for fled forced from homes shifted relief camps x_ 7 é ’ - . ,".split(
            " ",
          ),
        ),
        fc.constantFrom(" ", "", "  ", "\u00a0", "-", "_"),
      ),
      { maxLength: 10 },
    )
    .map((a) => a.map(([w, sep]) => w + sep).join(""));
  it("finds exactly what the sticky pattern finds, at every position", () => {
    fc.assert(
      fc.property(words, (s) => {
        for (let pos = 0; pos <= s.length; pos++) expect(measureAt(s, pos)).toEqual(reference(s, pos));
      }),
      { numRuns: 3000 },
    );
  });
  it("lastMeasure is the last match of a global search", () => {
    fc.assert(
      fc.property(words, (s) => {
        const g = new RegExp(MEASURE_G.source, "gi");
        let ref: RegExpExecArray | null = null;
        for (let m = g.exec(s); m !== null; m = g.exec(s)) ref = m;
        const got = lastMeasure(s);
        expect(got && [got.index, got[0], measureOf(got)]).toEqual(
          ref && [ref.index, ref[0], measureOf(ref)],
        );
      }),
      { numRuns: 10000 },
    );
  });
  it("reads multi-word terms", () => {
    expect(measureAt("were taken to the nearby hospital", 5)?.measure).toBe("injured");
    expect(measureAt("Still trapped", 0)?.text).toBe("Still trapped");
    expect(measureAt("xkilled", 1)).toBeNull();
  });
});

describe("token tests", () => {
  it("isQuoteToken, isStopPunctToken and isArticle are their patterns", () => {
    const short = fc
      .array(
        fc.constantFrom(
          ..."a A n N t T h H e E x “ ” \" , ; : ( ) — – ‘ ’ ' - á ª \u0061\u0301 K".split(" "),
        ),
        {
          maxLength: 4,
        },
      )
      .map((a) => a.join(""));
    fc.assert(
      fc.property(
        fc.oneof(short, fc.string({ maxLength: 4 }), fc.constantFrom("a", "An", "THE", "the", "“")),
        (t) => {
          expect(isQuoteToken(t)).toBe(/^[“”"]$/.test(t));
          expect(isStopPunctToken(t)).toBe(/^[,;:()—–]$/.test(t));
          expect(isArticle(t)).toBe(/^(?:a|an|the)$/i.test(t));
        },
      ),
      { numRuns: 20000 },
    );
    // every code unit on its own
    for (let c = 0; c < 0x10000; c++) {
      const t = String.fromCharCode(c);
      expect(isQuoteToken(t)).toBe(/^[“”"]$/.test(t));
      expect(isStopPunctToken(t)).toBe(/^[,;:()—–]$/.test(t));
      expect(isArticle(t)).toBe(/^(?:a|an|the)$/i.test(t));
    }
  });
});

describe("tokenize with a limit", () => {
  it("gives the first tokens of the unlimited reading", () => {
    const s = "of the 137 pupils, “seven” were taken — and (twelve) others ".repeat(3);
    for (let max = 1; max <= 25; max++)
      expect(tokenize(s, 0, 140, max)).toEqual(tokenize(s, 0, 140).slice(0, max));
    expect(tokenize(s, 0, 400)).toHaveLength(25);
  });
});

describe("cheap tests in the reject battery", () => {
  it("patterns after a number start with the character firstAfterSpace reads", () => {
    const cases: [RegExp, number[]][] = [
      [/^\s*(?:am|pm|a\.m|p\.m|gmt|utc|bst|cet|est|hrs|h)\b/i, [...TIME_FIRST]],
      [/^\s*(?:%|percent\b|per cent\b|pc\b)/i, [37, 112]],
      [/^\s*years?\s+old\b/i, [121]],
    ];
    let matched = 0;
    fc.assert(
      fc.property(phrase, (s) => {
        for (const [re, firsts] of cases)
          if (re.test(s)) {
            matched++;
            expect(firsts).toContain(firstAfterSpace(s));
          }
      }),
      { numRuns: 20000 },
    );
    expect(matched).toBeGreaterThan(500);
  });
  it("magnitude ends the text once spaces and hyphens are cut", () => {
    fc.assert(
      fc.property(phrase, (s) => {
        if (!/magnitude[-\s]*$/i.test(s)) return;
        expect(/magnitude$/i.test(s.replace(/[-\s]+$/, ""))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });
  it("a month as lastWord is a month in lastAsciiLetters", () => {
    let months = 0;
    fc.assert(
      fc.property(phrase, (s) => {
        if (!MONTHS.test(lastWord(s))) return;
        months++;
        expect(MONTHS.test(lastAsciiLetters(s))).toBe(true);
      }),
      { numRuns: 30000 },
    );
    expect(months).toBeGreaterThan(200);
  });
});

describe("list joints", () => {
  it("a gap the joint patterns accept (after stripQual) passes listGapStart", () => {
    const withPlus = /^\s*(?:,\s*(?:and\s+)?|,?\s+and\s+|\s+as well as\s+|\s+plus\s+)$/i;
    const without = /^\s*(?:,\s*(?:and\s+)?|,?\s+and\s+|\s+as well as\s+)$/i;
    const gap = fc
      .array(
        fc.constantFrom(
          " ",
          "  ",
          ",",
          "and",
          "AND",
          "as well as",
          "plus",
          "Plus",
          "at least",
          "some",
          "\u00a0",
          "x",
        ),
        {
          maxLength: 6,
        },
      )
      .map((a) => a.join(" "));
    let joints = 0;
    fc.assert(
      fc.property(fc.oneof(gap, phrase), (g) => {
        if (withPlus.test(stripQual(g))) {
          joints++;
          expect(listGapStart(g, true)).toBe(true);
        }
        if (without.test(stripQual(g)) || without.test(g)) expect(listGapStart(g, false)).toBe(true);
      }),
      { numRuns: 20000 },
    );
    expect(joints).toBeGreaterThan(100);
  });
});
