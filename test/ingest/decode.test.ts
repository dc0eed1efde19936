// Bytes to text: binary refused, legacy encodings read without mojibake.
import { describe, expect, it } from "vitest";
import { binaryKind, decodeText, decodeWindows1252 } from "../../src/ingest/decode.js";

const text = (r: ReturnType<typeof decodeText>) => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe("decodeText", () => {
  it("reads UTF-8, with or without a BOM", () => {
    expect(text(decodeText(Buffer.from("Türk said “no”", "utf8"))).text).toBe("Türk said “no”");
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Café", "utf8")]);
    expect(text(decodeText(bom)).text).toBe("Café");
  });

  it("reads windows-1252 curly quotes, dashes and accents instead of producing mojibake", () => {
    // “Café” – 12 killed   in windows-1252
    const bytes = Buffer.from([
      0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x31, 0x32, 0x20, 0x6b, 0x69, 0x6c, 0x6c, 0x65,
      0x64,
    ]);
    const d = text(decodeText(bytes));
    expect(d.encoding).toBe("windows-1252");
    expect(d.text).toBe("“Café” – 12 killed");
  });

  it("reads latin-1 text as latin-1", () => {
    const d = text(decodeText(Buffer.from("São Tomé, Zürich, Malmö", "latin1")));
    expect(d.text).toBe("São Tomé, Zürich, Malmö");
  });

  it("honours a declared charset", () => {
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="iso-8859-2"></head><body>'),
      Buffer.from([0xb3, 0xf3, 0x64, 0xbc]), // łódź
      Buffer.from("</body></html>"),
    ]);
    expect(text(decodeText(html)).text).toContain("łódź");
    expect(text(decodeText(Buffer.from([0xe9]), "text/plain; charset=iso-8859-1")).text).toBe("é");
  });

  it("reads UTF-16 with a BOM (which contains NUL bytes but is text)", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Ten killed", "utf16le")]);
    expect(text(decodeText(le)).text).toBe("Ten killed");
  });

  it("refuses empty, whitespace-only and binary input", () => {
    const code = (b: Uint8Array) => {
      const r = decodeText(b);
      return r.ok ? "ok" : r.error.code;
    };
    expect(code(Buffer.alloc(0))).toBe("empty");
    expect(code(Buffer.from("  \n\n\t "))).toBe("empty");
    expect(code(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe("binary");
    expect(code(Buffer.from("text\u0000with a NUL"))).toBe("binary");
    const noisy = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41)));
    expect(code(noisy)).toBe("binary");
  });

  it("names what a binary file is", () => {
    expect(binaryKind(Buffer.from("%PDF-1.7\n"))).toMatch(/PDF/);
    expect(binaryKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toMatch(/PNG/);
    expect(binaryKind(Buffer.from("plain words\n"))).toBeNull();
  });

  it("maps every windows-1252 byte to a character", () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(all).toHaveLength(256);
    expect(all[0x80]).toBe("€");
    expect(all[0xe9]).toBe("é");
  });
});
