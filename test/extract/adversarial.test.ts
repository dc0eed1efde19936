// Hostile input finishes and gives valid output (generous bounds, no timings asserted).
import { describe, expect, it } from "vitest";
import { MEASURES } from "../../src/core/types.js";
import { makeDoc } from "../../src/extract/doc.js";
import { extractFigures } from "../../src/extract/figures.js";
import { findNumbers } from "../../src/extract/numbers.js";
import { splitSentences } from "../../src/extract/sentences.js";

function valid(text: string) {
  const doc = makeDoc(text);
  for (const s of doc.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  const figs = extractFigures(doc);
  for (const f of figs) {
    expect(MEASURES).toContain(f.measure);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.count === null || Number.isFinite(f.count)).toBe(true);
  }
  return figs;
}

describe("adversarial input", () => {
  it("empty text gives an empty result", () => {
    expect(splitSentences("")).toEqual([]);
    expect(extractFigures(makeDoc(""))).toEqual([]);
  });

  it("1 MB of digits and commas", () => {
    const text = "1,2,3,".repeat(175_000);
    expect(findNumbers(text.slice(0, 1000)).length).toBeGreaterThan(0);
    valid(`${text} people were killed.`);
  });

  it("10,000 unmatched quote marks", () => {
    const text = `${'"'.repeat(5000)}${"“".repeat(2500)}${"‘".repeat(2500)} 12 people were killed. Police said.`;
    valid(text);
  });

  it("a 5 MB article", () => {
    const para =
      "At least 12 people were killed and 30 injured when a bomb exploded, police said. The Red Cross said 40 were missing.\n\n";
    const text = para.repeat(Math.ceil(5_000_000 / para.length));
    const figs = valid(text);
    expect(figs.length).toBeGreaterThan(1000);
  });

  it("invalid UTF-8 decoded to replacement characters", () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x31, 0x32, 0x20, 0xc3, 0x28, 0xe2, 0x82]);
    const text = `${new TextDecoder().decode(bytes)} people were killed \uFFFD\uFFFD said \uD800 police.`;
    valid(text);
  });

  it("one very long sentence of numbers and measure words", () => {
    valid(`${"killed 5 and injured 7, ".repeat(20_000)}police said.`);
  });
});
