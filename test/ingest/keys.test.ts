// Duplicate keys: canonical URLs and the normalised-content hash.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalUrl, contentHash, foldedText } from "../../src/ingest/keys.js";

describe("canonicalUrl", () => {
  it("drops fragments and tracking parameters, folds host case, www, scheme and a trailing slash", () => {
    const a = canonicalUrl("http://WWW.Example.com/news/story/?utm_source=rss&id=7&fbclid=x#comments");
    const b = canonicalUrl("https://example.com/news/story?id=7");
    expect(a).toBe(b);
    expect(b).toBe("https://example.com/news/story?id=7");
  });

  it("keeps meaningful differences", () => {
    expect(canonicalUrl("https://example.com/a?id=1")).not.toBe(canonicalUrl("https://example.com/a?id=2"));
    expect(canonicalUrl("https://example.com/a")).not.toBe(canonicalUrl("https://example.com/b"));
  });

  it("returns null for what is not a URL", () => {
    expect(canonicalUrl("not a url")).toBeNull();
  });
});

describe("contentHash", () => {
  it("is the same for reformatted copies: case, accents, punctuation, spacing, line breaks", () => {
    const a = contentHash("Türk said: “At least 1,000 killed.”\n\nMore follows.");
    const b = contentHash("turk said at least 1 000 killed   more follows");
    expect(a).toBe(b);
  });

  it("differs when the words differ", () => {
    expect(contentHash("At least 1,000 killed")).not.toBe(contentHash("At least 1,001 killed"));
  });

  it("equals the hash of the text with every run of non-letters made one space", () => {
    // the reference form of the normalisation, written the slow obvious way
    const reference = (text: string) =>
      createHash("sha256")
        .update(
          text
            .normalize("NFKD")
            .replace(/[\u0300-\u036f]/g, "")
            .toLowerCase()
            .replace(/[^\p{L}\p{N}]+/gu, " ")
            .trim(),
        )
        .digest("hex");
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (s) => {
        expect(contentHash(s)).toBe(reference(s));
      }),
      { numRuns: 300 },
    );
  });
});

describe("foldedText", () => {
  // the definition it replaces: split on runs of anything but letters and digits
  const reference = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .join(" ");
  it("equals the split definition on any text, astral and lone surrogates included", () => {
    const piece = fc.constantFrom(
      ..."a Z 9 é É ß ٣ 𝐀 ’ — - , . \n \t \u00a0 \ud800 \udc00 Ⅻ ﬁ".split(" "),
      " ",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.string(), (parts, s) => {
        const text = parts.join("") + s;
        expect(foldedText(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });
});
