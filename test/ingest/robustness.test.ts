// Readers on arbitrary input: they return a result (never throw), and cleaning never invents text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/ingest/decode.js";
import { readFeed, xmlStructureProblem } from "../../src/ingest/feed.js";
import { markupDepth, readHtml } from "../../src/ingest/html.js";
import { readText } from "../../src/ingest/text.js";

const source = { url: null, file: "x" };
const letters = (s: string) => s.replace(/[^\p{L}]/gu, "");

describe("readers on arbitrary input", () => {
  it("decodeText returns a result for any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = decodeText(bytes);
        expect(typeof r.ok).toBe("boolean");
      }),
    );
  });

  it("readText never throws, and every letter it outputs was in the input", () => {
    const line = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom(
        "||",
        "Advertisement",
        "Also Read",
        "date 2024-01-02 Ten died.",
        "By Jo Bloggs 2 May 2023 10:00",
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom("\n", "\n\n"), (lines, sep) => {
        const input = lines.join(sep);
        const r = readText(input, source);
        if (r.ok) for (const ch of new Set(letters(r.value.text))) expect(letters(input)).toContain(ch);
      }),
      { numRuns: 200 },
    );
  });

  it("readHtml and the XML checks never throw on tag soup", async () => {
    const soup = fc
      .array(
        fc.constantFrom(
          "<p>",
          "</p>",
          "<div",
          ">",
          "<",
          "</",
          "text ",
          "&amp;",
          "<![CDATA[",
          "]]>",
          "<!--",
          "-->",
          '"',
          "<rss>",
          "</rss>",
          "<item>",
          "\n",
        ),
        { maxLength: 40 },
      )
      .map((a) => a.join(""));
    await fc.assert(
      fc.asyncProperty(soup, async (s) => {
        expect(typeof readHtml(s, source).ok).toBe("boolean");
        const problem = xmlStructureProblem(s);
        expect(problem === null || typeof problem === "string").toBe(true);
        expect(typeof (await readFeed(s, { source })).ok).toBe("boolean");
      }),
      { numRuns: 150 },
    );
  });

  it("scans adversarial markup in one pass (a quadratic scan would not finish)", async () => {
    const unclosed = "<a b".repeat(200_000);
    expect(markupDepth(unclosed)).toBe(0);
    expect(xmlStructureProblem(`<rss>${unclosed}`)).toMatch(/malformed tag/);
    expect(markupDepth(`<${"a".repeat(1_000_000)}`)).toBe(0);
    const r = readText(`By ${"Dinin".repeat(20_000)}!\nSome text follows here.`, source);
    expect(r.ok).toBe(true);
  });
});
