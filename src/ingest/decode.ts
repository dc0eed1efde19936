// Bytes to text: refuse binary data, honour BOMs and declared charsets, and read legacy
// windows-1252 / latin-1 text as what it is instead of producing mojibake.
import { fail, ok, type Result } from "../core/result.js";

/** The largest file or HTTP response read. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** Media type without parameters, lower case, or null. */
export function mediaType(contentType: string | null | undefined): string | null {
  const t = contentType?.split(";")[0]?.trim().toLowerCase();
  return t ? t : null;
}

/** True when the text starts like an RSS or Atom document. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2048).replace(/<!--[\s\S]*?-->/g, "");
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!DOCTYPE[^>]*>\s*)?(?:<\?xml-stylesheet[^>]*>\s*)?<(?:rss|feed|rdf:RDF)\b/i.test(
    head,
  );
}

export interface Decoded {
  text: string;
  /** The encoding the text was read as. */
  encoding: string;
}

const MAGIC: [string, number[]][] = [
  ["a ZIP archive (or Office document)", [0x50, 0x4b, 0x03, 0x04]],
  ["a ZIP archive", [0x50, 0x4b, 0x05, 0x06]],
  ["a gzip archive", [0x1f, 0x8b]],
  ["a PDF document", [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a 7-Zip archive", [0x37, 0x7a, 0xbc, 0xaf]],
  ["an executable", [0x7f, 0x45, 0x4c, 0x46]],
  ["an old Office document", [0xd0, 0xcf, 0x11, 0xe0]],
];

// windows-1252 differs from latin-1 in 0x80–0x9F (curly quotes, dashes, euro). Node's TextDecoder
// treats the label as latin-1, so the range is mapped here (undefined bytes stay as they are).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Names what the bytes are when they are clearly not text, else null. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, magic] of MAGIC)
    if (magic.length <= bytes.length && magic.every((b, i) => bytes[i] === b)) return name;
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return "binary data (it contains NUL bytes)";
  let control = 0;
  for (const b of sample)
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
  if (sample.length && control / sample.length > 0.05) return "binary data (mostly non-text bytes)";
  return null;
}

function normaliseLabel(label: string): string | null {
  const l = label
    .trim()
    .replace(/^["']|["']$/g, "")
    .toLowerCase();
  if (!l) return null;
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

/** The charset a document declares: HTTP Content-Type, an HTML meta tag or the XML declaration. */
export function declaredCharset(bytes: Uint8Array, contentType?: string | null): string | null {
  const fromHeader = contentType ? /charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType)?.[2] : undefined;
  if (fromHeader) {
    const n = normaliseLabel(fromHeader);
    if (n) return n;
  }
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  const meta =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head)?.[1];
  const label = xml ?? meta;
  return label ? normaliseLabel(label) : null;
}

/**
 * Decodes a document. Refuses empty and binary input; otherwise returns text: BOM first, then a declared
 * non-UTF-8 charset, then UTF-8 when the bytes are valid UTF-8, else windows-1252 (a superset of latin-1).
 */
export function decodeText(bytes: Uint8Array, contentType?: string | null): Result<Decoded> {
  if (bytes.length === 0) return fail("empty", "the file is empty");
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return finish(new TextDecoder("utf-8").decode(bytes.subarray(3)), "utf-8");
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return finish(new TextDecoder("utf-16le").decode(bytes.subarray(2)), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return finish(new TextDecoder("utf-16be").decode(bytes.subarray(2)), "utf-16be");
  const kind = binaryKind(bytes);
  if (kind) return fail("binary", `it is ${kind}, not text`);
  const declared = declaredCharset(bytes, contentType);
  if (declared && declared !== "utf-8" && declared !== "windows-1252" && !declared.startsWith("utf-16"))
    return finish(new TextDecoder(declared).decode(bytes), declared);
  try {
    return finish(new TextDecoder("utf-8", { fatal: true }).decode(bytes), "utf-8");
  } catch {
    return finish(decodeWindows1252(bytes), "windows-1252");
  }
}

function finish(text: string, encoding: string): Result<Decoded> {
  if (!text.trim()) return fail("empty", "the file is empty (only whitespace)");
  // text full of replacement or control characters was not text in the encoding we read it as
  let bad = 0;
  const sample = text.slice(0, 8192);
  for (const ch of sample) {
    const c = ch.charCodeAt(0);
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c < 0xa0))
      bad++;
  }
  if (bad / sample.length > 0.05)
    return fail("binary", "it is binary data (mostly non-text characters), not text");
  return ok({ text: text.replace(/\r\n?/g, "\n"), encoding });
}
