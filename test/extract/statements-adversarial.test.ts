// Adversarial input must finish in (roughly) linear time and never throw. Bounds are generous on
// purpose: they catch quadratic blow-ups (minutes), not slow machines.
import { describe, expect, it } from "vitest";
import { makeDoc } from "../../src/extract/doc.js";
import { findQuotes, MAX_QUOTE } from "../../src/extract/quotes.js";
import { extractStatements } from "../../src/extract/statements.js";

const run = (text: string) => extractStatements(makeDoc(text));

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

describe("statements: adversarial input", () => {
  it("empty text gives an empty result", () => {
    expect(run("")).toEqual([]);
    expect(findQuotes("")).toEqual([]);
  });

  it("10,000 unmatched opening quote marks on one line", () => {
    const text = `He said “${"“ word ".repeat(10_000)}`;
    const { value, ms } = timed(() => run(text));
    expect(Array.isArray(value)).toBe(true);
    expect(ms).toBeLessThan(5_000);
  });

  it("10,000 straight quote marks of every kind mixed with apostrophes", () => {
    const text = Array.from({ length: 10_000 }, (_, i) => ['"', "'", "‘", "’", "”", "«", "s’ x"][i % 7]).join(
      " a ",
    );
    const { value, ms } = timed(() => run(text));
    expect(Array.isArray(value)).toBe(true);
    expect(ms).toBeLessThan(5_000);
  });

  it("an unbalanced mark does not swallow the rest of the article", () => {
    const para = "The ministry said the situation was calm. Residents returned home.";
    const text = `He said “this never closes\n${Array.from({ length: 200 }, () => para).join("\n")}\n“We are safe now,” Ana Ruiz said.`;
    const s = run(text);
    expect(s.map((x) => x.quote)).toEqual(["We are safe now,"]);
  });

  it("a quote mark with no close on a single 1 MB line is capped", () => {
    const text = `Intro “${"x ".repeat(500_000)}`;
    const { value, ms } = timed(() => findQuotes(text));
    expect(value.every((q) => q.end - q.start <= MAX_QUOTE + 1 || !q.closed)).toBe(true);
    expect(ms).toBeLessThan(5_000);
    expect(run(text)).toEqual([]);
  });

  it("a 5 MB article with many quotes", () => {
    const para =
      "“The water came at night, and by morning the whole street was gone,” said Ghulam Rasool, a farmer. " +
      "He added that ‘nobody from the government came’. Syria’s leader didn’t comment.\n";
    const text = para.repeat(Math.ceil(5_000_000 / para.length));
    const { value, ms } = timed(() => run(text));
    expect(value.length).toBeGreaterThan(0);
    expect(value[0]?.speaker).toBe("Ghulam Rasool");
    expect(ms).toBeLessThan(30_000);
  });

  it("a 5 MB article without a single newline", () => {
    const text = "“We will rebuild,” Ana Ruiz said, and the crowd cheered. ".repeat(90_000);
    const { value, ms } = timed(() => run(text));
    expect(value.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(30_000);
  });

  it("invalid UTF-8 replacement characters and lone surrogates", () => {
    const text = `\uFFFD\uFFFD “\uFFFD\uD800 we\uFFFD will rebuild the \uDC00 town,” said \uFFFDAna Ruiz.\uFFFD ’’ ‘‘ "`;
    const s = run(text);
    expect(s.length).toBeLessThanOrEqual(1);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.quote);
  });

  it("only quote marks, only newlines, only spaces", () => {
    expect(run("“”“”‘’‘’\"\"''")).toEqual([]);
    expect(run("\n\n\n\n")).toEqual([]);
    expect(run("      ")).toEqual([]);
  });

  it("offsets always point at the quote text", () => {
    const text =
      "‘First,’ he said.\n“Second part of it,” Ana Ruiz said. 'Third one here,' she added. \"Fourth and last quote,\" they said.";
    for (const s of run(text)) expect(text.slice(s.start, s.end)).toBe(s.quote);
  });
});
