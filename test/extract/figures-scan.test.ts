// figures.ts reads tokens by hand on ASCII; it must find exactly what its pattern finds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TOKEN_RE, type Token, tokenize } from "../../src/extract/figures.js";

function reference(s: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  const re = new RegExp(TOKEN_RE.source, "gu");
  re.lastIndex = from;
  for (let m = re.exec(s); m !== null && m.index < to; m = re.exec(s)) {
    let t = m[0];
    if (t.length > 1 && /[.’']$/.test(t)) t = t.replace(/[.’']+$/, "");
    out.push({ t, start: m.index, end: m.index + t.length });
    if (out.length > 24) break;
  }
  return out;
}

describe("tokenize", () => {
  const text = fc
    .array(
      fc.constantFrom(
        ..."a Z 7 . ' ’ - , ; : ( ) \" “ ” — – é É ٣ 𝐀 \u0301 ! ? x12 killed".split(" "),
        " ",
        "  ",
      ),
      {
        maxLength: 40,
      },
    )
    .map((a) => a.join(""));
  it("matches the pattern from any start and up to any end", () => {
    fc.assert(
      fc.property(text, fc.nat(50), fc.nat(60), (s, a, b) => {
        let from = Math.min(a, s.length);
        // callers start after a number, never inside a surrogate pair (where a /u search backs up)
        if ((s.charCodeAt(from) & 0xfc00) === 0xdc00) from--;
        expect(tokenize(s, from, from + b)).toEqual(reference(s, from, from + b));
      }),
      { numRuns: 20000 },
    );
  });
  it("cuts trailing dots and apostrophes and stops after 25 tokens", () => {
    expect(tokenize("killed civilians.' and", 0, 100).map((t) => t.t)).toEqual([
      "killed",
      "civilians",
      "and",
    ]);
    expect(tokenize("a ".repeat(40), 0, 100)).toHaveLength(25);
  });
});
