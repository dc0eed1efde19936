// The guarded HTTP fetch every remote read goes through (articles, feeds, polling): timeouts, a body
// cap, redirects followed by hand so each hop is checked, a content-type check, and no private addresses.
import { Agent, request } from "undici";
import { fail, ok, type Result } from "../core/result.js";
import { MAX_INPUT_BYTES, mediaType } from "./decode.js";
import { canonicalUrl } from "./keys.js";
import {
  type AddressPolicy,
  anyAddress,
  BlockedAddressError,
  bareHost,
  firstBlockedAddress,
  guardedLookup,
  publicOnly,
} from "./url-guard.js";

export const USER_AGENT = "tollwatch/0.1 (+newsroom bot)";
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const MAX_BODY_BYTES = MAX_INPUT_BYTES;
export const MAX_REDIRECTS = 5;

export interface FetchOptions {
  /** Allow loopback and private addresses (TOLLWATCH_ALLOW_PRIVATE_URLS=1; tests use it). */
  allowPrivate: boolean;
  /** Overrides the address rule entirely (tests). */
  addressPolicy?: AddressPolicy;
  connectTimeoutMs?: number;
  /** Whole request, all redirects and the body included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Conditional GET: a 304 answer comes back as status 304 with an empty body. */
  ifNoneMatch?: string | null;
  ifModifiedSince?: string | null;
}

export interface Fetched {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
}

const ACCEPTED_TYPES = [
  "text/html",
  "application/xhtml+xml",
  "text/plain",
  "text/xml",
  "application/xml",
  "application/rss+xml",
  "application/atom+xml",
  "application/rdf+xml",
  "application/feed+xml",
];

const ACCEPT_HEADER =
  "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8";

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

/** Fetches a URL under the rules above. Errors name the URL and the reason. */
export async function fetchUrl(input: string, opts: FetchOptions): Promise<Result<Fetched>> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return fail("bad-url", `${input}: not a valid URL`);
  }
  const policy = opts.addressPolicy ?? (opts.allowPrivate ? anyAddress : publicOnly);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? MAX_BODY_BYTES;
  const maxRedirects = opts.maxRedirects ?? MAX_REDIRECTS;
  const agent = new Agent({
    connect: {
      timeout: Math.min(opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, timeoutMs),
      lookup: guardedLookup(policy),
    },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const seen = new Set<string>();
  try {
    for (let hop = 0; ; hop++) {
      if (url.protocol !== "http:" && url.protocol !== "https:")
        return fail("bad-url", `${input}: only http and https URLs can be fetched (got ${url.protocol})`);
      seen.add(canonicalUrl(url.href) ?? url.href);
      const host = bareHost(url);
      const blockedIp =
        policy === anyAddress
          ? null
          : await firstBlockedAddress(host, policy).catch((e: NodeJS.ErrnoException) => {
              throw Object.assign(new Error(`cannot resolve ${host} (${e.code ?? e.message})`), {
                code: "DNS",
              });
            });
      if (blockedIp) return fail("private-address", privateMessage(input, url, host, blockedIp));
      const headers: Record<string, string> = { "user-agent": USER_AGENT, accept: ACCEPT_HEADER };
      if (opts.ifNoneMatch) headers["if-none-match"] = opts.ifNoneMatch;
      if (opts.ifModifiedSince) headers["if-modified-since"] = opts.ifModifiedSince;
      const res = await request(url, { method: "GET", headers, dispatcher: agent, signal: abort.signal });
      const status = res.statusCode;
      if (status >= 300 && status < 400 && status !== 304) {
        await res.body.dump();
        const location = header(res.headers, "location");
        if (!location)
          return fail("http-status", `${input}: HTTP ${status} redirect without a Location header`);
        const next = new URL(location, url);
        if (seen.has(canonicalUrl(next.href) ?? next.href))
          return fail("redirect-loop", `${input}: redirect loop (${url.href} → ${next.href})`);
        if (hop + 1 > maxRedirects)
          return fail("too-many-redirects", `${input}: more than ${maxRedirects} redirects`);
        url = next;
        continue;
      }
      const meta = {
        url: url.href,
        status,
        contentType: header(res.headers, "content-type"),
        etag: header(res.headers, "etag"),
        lastModified: header(res.headers, "last-modified"),
      };
      if (status === 304) {
        await res.body.dump();
        return ok({ ...meta, body: Buffer.alloc(0) });
      }
      if (status < 200 || status >= 300) {
        await res.body.dump();
        const text = res.statusText ? ` ${res.statusText}` : "";
        return fail(
          "http-status",
          `${input}: HTTP ${status}${text}${url.href !== input ? ` at ${url.href}` : ""}`,
        );
      }
      const type = mediaType(meta.contentType);
      if (type && !ACCEPTED_TYPES.includes(type)) {
        discard(res.body);
        return fail(
          "content-type",
          `${input}: unsupported content type ${type} (expected an HTML page, an RSS/Atom feed or plain text)`,
        );
      }
      const declared = Number(header(res.headers, "content-length"));
      if (Number.isFinite(declared) && declared > maxBytes) {
        discard(res.body);
        return fail("too-large", `${input}: the response is larger than ${formatBytes(maxBytes)}`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) {
          discard(res.body);
          return fail("too-large", `${input}: the response is larger than ${formatBytes(maxBytes)}`);
        }
        chunks.push(chunk as Buffer);
      }
      return ok({ ...meta, body: Buffer.concat(chunks) });
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { cause?: unknown };
    const cause = (err.cause ?? err) as NodeJS.ErrnoException;
    if (cause instanceof BlockedAddressError || err instanceof BlockedAddressError) {
      const b = (cause instanceof BlockedAddressError ? cause : err) as BlockedAddressError;
      return fail("private-address", privateMessage(input, url, b.host, b.address));
    }
    if (abort.signal.aborted || err.code === "UND_ERR_HEADERS_TIMEOUT" || err.code === "UND_ERR_BODY_TIMEOUT")
      return fail("timeout", `${input}: timed out after ${formatMs(timeoutMs)}`);
    if (err.code === "UND_ERR_CONNECT_TIMEOUT")
      return fail("timeout", `${input}: could not connect to ${url.host} (connection timed out)`);
    if (err.code === "DNS") return fail("network", `${input}: ${err.message}`);
    const code = cause.code ?? err.code;
    return fail("network", `${input}: request failed (${code ?? cause.message ?? "network error"})`);
  } finally {
    clearTimeout(timer);
    agent.destroy().catch(() => {});
  }
}

/** Drops a response body we will not read, without an unhandled "aborted" error. */
function discard(body: NodeJS.ReadableStream & { destroy(): unknown }): void {
  body.on("error", () => {});
  body.destroy();
}

function privateMessage(input: string, url: URL, host: string, ip: string): string {
  const via = url.href !== input ? ` (redirected to ${url.href})` : "";
  const what = host === ip ? `${ip} is` : `${host} resolves to ${ip},`;
  return `${input}: refused, ${what} a private or local address${via}; set TOLLWATCH_ALLOW_PRIVATE_URLS=1 to allow it`;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB` : `${n} bytes`;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 ? 1 : 0)} s` : `${ms} ms`;
}
