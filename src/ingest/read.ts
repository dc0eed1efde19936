// Reading one input (a file or an http(s) URL) into article drafts: plain text, HTML pages, RSS/Atom
// feeds. Every refusal names the input and the reason.
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../config.js";
import { fail, ok, type Result } from "../core/result.js";
import type { ArticleDraft } from "../core/types.js";
import { decodeText, looksLikeFeed, MAX_INPUT_BYTES, mediaType } from "./decode.js";
import type { Fetched, FetchOptions } from "./fetch.js";
import { readText, type Source } from "./text.js";

// The HTML, feed and network modules (linkedom, Readability, feed-parser, undici) load on first use:
// a CLI run over text files, or one that refuses its input, starts without them.

export interface InputRef {
  kind: "file" | "url";
  value: string;
}

export interface ReadOptions {
  allowPrivate: boolean;
  /** Whole-request timeout for URLs; default TOLLWATCH_FETCH_TIMEOUT_MS, else 30 s. */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  /** Largest file or response read; default 5 MB. */
  maxBytes?: number;
  /** Feed items that were skipped (their page could not be read, no content). */
  onWarning?: (message: string) => void;
  /** Test hook: overrides which addresses may be contacted. */
  addressPolicy?: FetchOptions["addressPolicy"];
}

/** Extensions read from a folder; a file named explicitly is read whatever its extension. */
export const SUPPORTED_EXTENSIONS = /\.(txt|html?|xml|rss|atom)$/i;

type Kind = "text" | "html" | "feed";

function sniff(text: string): Kind {
  if (looksLikeFeed(text)) return "feed";
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html|head|body)\b/.test(head))
    return "html";
  return "text";
}

function kindOfFile(file: string, text: string): Kind {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".html" || ext === ".htm") return "html";
  if (ext === ".xml" || ext === ".rss" || ext === ".atom") return "feed";
  // a .txt (or any other) file that is really a saved page or feed is read as what it is
  return sniff(text);
}

function kindOfResponse(contentType: string | null, text: string): Kind {
  const type = mediaType(contentType);
  if (type && /(?:rss|atom|rdf|feed)\+xml$/.test(type)) return "feed";
  // other XML is read by the feed reader, which says clearly when it is not a feed
  if (type && /xml$/.test(type) && type !== "application/xhtml+xml")
    return sniff(text) === "html" ? "html" : "feed";
  if (type === "text/plain") return looksLikeFeed(text) ? "feed" : "text";
  return sniff(text);
}

function configuredTimeout(): number | undefined {
  const c = loadConfig();
  return c.ok ? c.value.TOLLWATCH_FETCH_TIMEOUT_MS : undefined;
}

function fetchOptions(opts: ReadOptions): FetchOptions {
  const f: FetchOptions = { allowPrivate: opts.allowPrivate };
  const timeoutMs = opts.timeoutMs ?? configuredTimeout();
  if (timeoutMs !== undefined) f.timeoutMs = timeoutMs;
  if (opts.connectTimeoutMs !== undefined) f.connectTimeoutMs = opts.connectTimeoutMs;
  if (opts.maxBytes !== undefined) f.maxBytes = opts.maxBytes;
  if (opts.addressPolicy) f.addressPolicy = opts.addressPolicy;
  return f;
}

async function readDocument(
  text: string,
  kind: Kind,
  source: Source,
  opts: ReadOptions,
  allowFeed: boolean,
): Promise<Result<ArticleDraft[]>> {
  try {
    if (kind === "feed") {
      if (!allowFeed) return fail("nested-feed", "a feed item links to another feed, not an article");
      const { readFeed } = await import("./feed.js");
      return await readFeed(text, {
        source,
        fetchPage: (url) => readUrl(url, opts, false),
        ...(opts.onWarning ? { onWarning: opts.onWarning } : {}),
      });
    }
    const one = kind === "html" ? (await import("./html.js")).readHtml(text, source) : readText(text, source);
    return one.ok ? ok([one.value]) : one;
  } catch (e) {
    // a parser failing on input nobody foresaw is still a refusal of that input, not a crash
    return fail(
      "unreadable",
      `could not be read as ${kind === "feed" ? "a feed" : kind} (${(e as Error).message})`,
    );
  }
}

async function readUrl(url: string, opts: ReadOptions, allowFeed: boolean): Promise<Result<ArticleDraft[]>> {
  const { fetchUrl } = await import("./fetch.js");
  const got = await fetchUrl(url, fetchOptions(opts));
  if (!got.ok) return got;
  return readResponse(url, got.value, opts, allowFeed);
}

async function readResponse(
  url: string,
  got: Fetched,
  opts: ReadOptions,
  allowFeed: boolean,
): Promise<Result<ArticleDraft[]>> {
  const decoded = decodeText(got.body, got.contentType);
  if (!decoded.ok)
    return fail(decoded.error.code, `${url}: ${decoded.error.message.replace(/^the file/, "the page")}`);
  const kind = kindOfResponse(got.contentType, decoded.value.text);
  const read = await readDocument(decoded.value.text, kind, { url: got.url, file: null }, opts, allowFeed);
  if (!read.ok) return fail(read.error.code, `${url}: ${read.error.message}`);
  // the draft keeps the address asked for; canonicalisation and dedupe happen in the pipeline
  return ok(read.value.map((d) => (kind === "feed" ? d : { ...d, url })));
}

/**
 * Reads a response already fetched with `fetchUrl` (feed polling fetches with conditional GET first):
 * a page, a text or a feed, whose link-only items are fetched under `opts`.
 */
export function readFetched(
  url: string,
  fetched: Fetched,
  opts: ReadOptions,
): Promise<Result<ArticleDraft[]>> {
  return readResponse(url, fetched, opts, true);
}

async function readFile(file: string, opts: ReadOptions): Promise<Result<ArticleDraft[]>> {
  const maxBytes = opts.maxBytes ?? MAX_INPUT_BYTES;
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      "missing",
      code === "ENOENT" ? `${file}: no such file or folder` : `${file}: cannot read (${code})`,
    );
  }
  if (st.isDirectory()) return fail("folder", `${file}: is a folder (pass it to ingest to read its files)`);
  if (!st.isFile()) return fail("not-a-file", `${file}: not a regular file`);
  if (st.size === 0) return fail("empty", `${file}: the file is empty`);
  if (st.size > maxBytes)
    return fail(
      "too-large",
      `${file}: the file is ${(st.size / 1024 / 1024).toFixed(1)} MB, larger than the ${(maxBytes / 1024 / 1024).toFixed(0)} MB limit`,
    );
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return fail("read", `${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail(decoded.error.code, `${file}: ${decoded.error.message}`);
  const kind = kindOfFile(file, decoded.value.text);
  const read = await readDocument(
    decoded.value.text,
    kind,
    { url: null, file: path.basename(file) },
    opts,
    true,
  );
  return read.ok ? read : fail(read.error.code, `${file}: ${read.error.message}`);
}

export async function readInput(ref: InputRef, opts: ReadOptions): Promise<Result<ArticleDraft[]>> {
  return ref.kind === "url" ? readUrl(ref.value, opts, true) : readFile(ref.value, opts);
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Expands command-line inputs: a folder means its supported files in name order; URLs pass through. */
export async function expandInputs(
  args: string[],
): Promise<{ inputs: InputRef[]; errors: { input: string; message: string }[] }> {
  const inputs: InputRef[] = [];
  const errors: { input: string; message: string }[] = [];
  for (const a of args) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(a)) {
      if (/^https?:\/\//i.test(a)) inputs.push({ kind: "url", value: a });
      else errors.push({ input: a, message: `${a}: only http and https URLs can be read` });
      continue;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(a);
    } catch {
      errors.push({ input: a, message: `${a}: no such file or folder` });
      continue;
    }
    if (st.isDirectory()) {
      let names: string[];
      try {
        names = fs.readdirSync(a);
      } catch (e) {
        errors.push({
          input: a,
          message: `${a}: cannot read the folder (${(e as NodeJS.ErrnoException).code})`,
        });
        continue;
      }
      const files = names
        .filter((f) => SUPPORTED_EXTENSIONS.test(f) && isFile(path.join(a, f)))
        .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      if (!files.length)
        errors.push({
          input: a,
          message: `${a}: the folder has no readable articles (.txt, .html, .htm, .xml, .rss, .atom)`,
        });
      for (const f of files) inputs.push({ kind: "file", value: path.join(a, f) });
    } else inputs.push({ kind: "file", value: a });
  }
  return { inputs, errors };
}
