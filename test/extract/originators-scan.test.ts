// The hand-written scans in originators.ts must give exactly what the regexes they replace give.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ADVERBIAL_END,
  aliasKey,
  CAP_SPAN_PATTERN,
  capSpans,
  cleanName,
  cleanNameByRegex,
  cleanNameKeeps,
  isOutlet,
  mayBeOutlet,
  mayEndAdverbial,
  NOUN_BEFORE,
  OUTLET,
  PASSIVE_BEFORE,
  PHRASE_AFTER,
  phraseMatch,
  REPORT_VERB,
  REPORT_VERB_FLAT,
  subjectWords,
  wordCount,
  wordsTail,
} from "../../src/extract/originators.js";

const pieces = (...p: string[]) => fc.array(fc.constantFrom(...p), { maxLength: 30 }).map((a) => a.join(""));

describe("capSpans", () => {
  const text = pieces(
    ..."A B U.S. x of the and o de el for ofx Off Ministry Health É é 𝐀 ’ ' - . , \n".split(" "),
    " ",
    "  ",
    "\t",
    "\u00a0",
    "of the ",
  );
  const ref = (s: string) => [...s.matchAll(CAP_SPAN_PATTERN)].map((m) => ({ index: m.index, text: m[0] }));

  it("matches CAP_SPAN on random text, non-ASCII letters and odd spaces included", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(capSpans(s)).toEqual(ref(s));
      }),
      { numRuns: 20000 },
    );
  });

  it("keeps connectors inside a name and drops them at its end", () => {
    expect(capSpans("the Ministry of the Interior said").map((m) => m.text)).toEqual([
      "Ministry of the Interior",
    ]);
    expect(capSpans("Bank of").map((m) => m.text)).toEqual(["Bank"]);
    expect(capSpans("U.S. officials").map((m) => m.text)).toEqual(["U.S"]);
  });
});

describe("cleanNameKeeps", () => {
  const span = pieces(
    ..."a s S ' ’ T The the UK Ministry of x ( ) . , -based - hiſ ſ é “ ”".split(" "),
    " ",
    "  ",
    "\u00a0",
    "\t",
  );
  it("only says a span is kept when cleanName leaves it as it is", () => {
    fc.assert(
      fc.property(span, (s) => {
        if (cleanNameKeeps(s)) expect(cleanNameByRegex(s)).toBe(s);
      }),
      { numRuns: 20000 },
    );
  });
  it("gives what the patterns give, a leading determiner included", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("", "the ", "The ", "THE ", "the  ", "a ", "hiſ "),
        span,
        fc.constantFrom(
          "",
          " (OCHA)",
          "  (x)",
          " (a (b)",
          " ()",
          "(x)",
          " (x) ",
          " (x\n y)",
          " (a) (b)",
          ")",
        ),
        (lead, s, tail) => {
          const name = lead + s + tail;
          expect(cleanName(name)).toBe(cleanNameByRegex(name));
        },
      ),
      { numRuns: 20000 },
    );
  });
  it("says so for ordinary names and not for determiners or possessives", () => {
    expect(cleanNameKeeps("Syrian Observatory for Human Rights")).toBe(true);
    expect(cleanNameKeeps("The Syrian Observatory")).toBe(false);
    expect(cleanNameKeeps("Ukraine's State Emergency Service")).toBe(false);
  });
});

describe("aliasKey on ASCII", () => {
  const ref = (name: string) =>
    name
      .toLowerCase()
      .replace(/[’']s\b/g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .trim()
      .replace(/^the /, "");
  it("equals the regex definition", () => {
    fc.assert(
      fc.property(pieces(..."a s S ' T h e t - _ 1 x . 's The the".split(" "), " ", "\t"), (s) => {
        expect(aliasKey(s)).toBe(ref(s));
      }),
      { numRuns: 20000 },
    );
  });
});

describe("wordsTail", () => {
  const patterns = [PASSIVE_BEFORE, NOUN_BEFORE, /(?:,|[”"’])\s*$/, /(?:,|\b(?:and|but))\s*$/];
  it("gives end-anchored word patterns the same answer as the whole string", () => {
    fc.assert(
      fc.property(
        pieces(
          ..."been were which the unconfirmed and but x xthe , ” é".split(" "),
          " ",
          "  ",
          "\u00a0",
          "\n",
          "\u3000",
        ),
        (s) => {
          for (const re of patterns) expect(re.test(wordsTail(s, 11))).toBe(re.test(s));
        },
      ),
      { numRuns: 20000 },
    );
  });
});

describe("mayEndAdverbial", () => {
  const text = pieces(
    ..."also Also had Chad have X Xx on Monday Mon on_ late early in a statement report morning night week this last Telegram Facebook social media then now today O é É ’ ' _ 1 , . ( ) -".split(
      " ",
    ),
    " ",
    "  ",
    " on ",
    "on X",
    "\u00a0",
    "\n",
    "\u3000",
  );
  it("is true whenever ADVERBIAL_END matches, so the skipped replace would have changed nothing", () => {
    fc.assert(
      fc.property(text, (s) => {
        if (!mayEndAdverbial(s)) expect(s.replace(ADVERBIAL_END, "")).toBe(s);
      }),
      { numRuns: 30000 },
    );
  });
  it("lets through the phrases the pattern strips and stops plain names", () => {
    expect(mayEndAdverbial("the ministry said on Monday ")).toBe(true);
    expect(mayEndAdverbial("police also")).toBe(true);
    expect(mayEndAdverbial("the UN Office for the Coordination of Humanitarian Affairs (OCHA) ")).toBe(false);
    expect(mayEndAdverbial("the Ministry of Health")).toBe(false);
  });
});

describe("subjectWords", () => {
  // the loop it replaces: every word split off by /\s+/, read back with a pattern per test
  const stop =
    /^(?:that|and|but|while|which|who|when|after|as|because|since|if|where|than|then|so|said|told|reported|saying|telling|adding|killed|were|was|is|are|has|have|had|after|before|with|without|also|its|his|her)$/;
  const ref = (s: string) => {
    const toks = s.split(/\s+/).filter(Boolean);
    const out: string[] = [];
    for (let i = toks.length - 1; i >= 0 && out.length < 9; i--) {
      const t = toks[i]!;
      if (/[,;:“”"‘(—–]$/.test(t) || /^[“"‘(]/.test(t) || t === "-") {
        if (/^[“"‘(]/.test(t) && !/[,;:”")]$/.test(t)) out.unshift(t.replace(/^[“"‘(]+/, ""));
        break;
      }
      if (/[.’"”]$/.test(t) && !/^\p{Lu}[\p{L}.]*\.$/u.test(t) && !/[’']s?$/.test(t)) break;
      if (stop.test(t)) break;
      out.unshift(t);
    }
    return out;
  };
  it("reads the same words back as the split and the patterns", () => {
    fc.assert(
      fc.property(
        pieces(
          ..."The Ministry of Health said and Said after x é É U.S. Dr. Dr ’s 's s’ - — – , ; : “ ” \" ‘ ’ ( ) . _ 1 2".split(
            " ",
          ),
          " ",
          "  ",
          "\u00a0",
          "\n",
          "\u3000",
          "\t",
        ),
        (s) => {
          expect(subjectWords(s)).toEqual(ref(s));
        },
      ),
      { numRuns: 30000 },
    );
  });
});

describe("wordCount", () => {
  it("counts what s.split(/\\s+/).filter(Boolean) gives", () => {
    fc.assert(
      fc.property(
        pieces(..."a Bé , ’ 1 -".split(" "), " ", "  ", "\u00a0", "\n", "\u3000", "\u2028", "\ufeff"),
        (s) => {
          expect(wordCount(s)).toBe(s.split(/\s+/).filter(Boolean).length);
        },
      ),
      { numRuns: 20000 },
    );
  });
});

describe("phraseMatch", () => {
  it("finds the phrase and the parenthesis PHRASE_AFTER captures", () => {
    fc.assert(
      fc.property(
        pieces(
          ...'the UN Office ( ) (OCHA) (a(b)) , . ; : “ ” " on which said showed shows showx as and said in a statement é ’ x_ 1 _ -'.split(
            " ",
          ),
          " ",
          "  ",
          "\u00a0",
          "\n",
          "a".repeat(50),
          "(twelve chars)",
          "(12345678901)",
          "(1234567890123)",
        ),
        (s) => {
          const m = PHRASE_AFTER.exec(s);
          expect(phraseMatch(s)).toEqual(m ? [m[1], m[2]] : null);
        },
      ),
      { numRuns: 30000 },
    );
  });
});

describe("mayBeOutlet", () => {
  const words = OUTLET.source.match(/[a-z0-9]+/g)!;
  it("is true whenever OUTLET matches", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(...words, "The", "AFP", "Reuters", "x_", "_", "-", " ", "  ", ".", "é", "24"),
          {
            maxLength: 6,
          },
        ),
        fc.array(fc.constantFrom(" ", "", "-"), { maxLength: 6 }),
        (ws, seps) => {
          const s = ws
            .map((w, i) => w + (seps[i] ?? " "))
            .join("")
            .trim();
          if (OUTLET.test(s)) expect(mayBeOutlet(s)).toBe(true);
        },
      ),
      { numRuns: 30000 },
    );
  });
  it("knows the outlets and lets names through", () => {
    expect(mayBeOutlet("the Associated Press")).toBe(true);
    expect(mayBeOutlet("state news agency")).toBe(true);
    expect(mayBeOutlet("France 24")).toBe(true);
    expect(mayBeOutlet("the health ministry")).toBe(false);
  });
});

describe("REPORT_VERB", () => {
  const words = REPORT_VERB_FLAT.source.match(/[a-z]+/g)!;
  it("finds the same verbs at the same places as the flat alternation", () => {
    fc.assert(
      fc.property(
        pieces(
          ...words,
          "said in a statement",
          "Said",
          "x",
          "s",
          " ",
          ",",
          "é",
          "_",
          "1",
          "in a",
          "statement",
        ),
        (s) => {
          const all = (re: RegExp) => [...s.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
          expect(all(REPORT_VERB)).toEqual(all(REPORT_VERB_FLAT));
        },
      ),
      { numRuns: 20000 },
    );
  });
});

describe("isOutlet", () => {
  /** isOutlet as it was, cleaning the name every time. */
  const isOutletCleaning = (surface: string) => {
    const clean = cleanName(surface);
    if (mayBeOutlet(clean) && OUTLET.test(clean)) return true;
    const trimmed = surface.trim();
    return mayBeOutlet(trimmed) && OUTLET.test(trimmed);
  };
  const words = OUTLET.source.match(/[a-z0-9]+/g)!;
  it("answers as it does when it cleans every name first", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            ...words,
            ..."the The a UK-based state-run Ukraine's country's Reuters AFP x 24 ( ) (AFP) . , ’s 's \" “ ” - _ é ſ".split(
              " ",
            ),
          ),
          { maxLength: 7 },
        ),
        fc.array(fc.constantFrom(" ", "", "-", "  ", "\n", "\u00a0"), { maxLength: 7 }),
        (ws, seps) => {
          const s = ws.map((w, i) => w + (seps[i] ?? " ")).join("");
          expect(isOutlet(s)).toBe(isOutletCleaning(s));
          expect(isOutlet(s.trim())).toBe(isOutletCleaning(s.trim()));
        },
      ),
      { numRuns: 30000 },
    );
  });
});
