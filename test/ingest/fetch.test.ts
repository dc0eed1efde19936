// The guarded fetch against a local server on 127.0.0.1: redirects, limits, timeouts, content types,
// conditional GET, and the private-address refusal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FetchOptions, fetchUrl, USER_AGENT } from "../../src/ingest/fetch.js";
import { hang, type LocalServer, redirect, send, startServer } from "../helpers/http-server.js";

let server: LocalServer;
let seenUserAgent = "";
const page = "<html><body><p>Hello</p></body></html>";

beforeAll(async () => {
  server = await startServer({
    "/page": (req, res) => {
      seenUserAgent = req.headers["user-agent"] ?? "";
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        etag: '"v1"',
        "last-modified": "Mon, 01 Jan 2024 00:00:00 GMT",
      });
      res.end(page);
    },
    "/feed": (req, res) => {
      if (req.headers["if-none-match"] === '"v1"') {
        res.writeHead(304);
        res.end();
        return;
      }
      res.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"' });
      res.end("<rss version='2.0'><channel></channel></rss>");
    },
    "/r1": redirect("/r2"),
    "/r2": redirect("/r3", 301),
    "/r3": redirect("/page", 307),
    "/loop-a": redirect("/loop-b"),
    "/loop-b": redirect("/loop-a"),
    ...Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`/hop${i}`, redirect(`/hop${i + 1}`)])),
    ...Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [`/five${i}`, redirect(i < 4 ? `/five${i + 1}` : "/page")]),
    ),
    "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
    "/missing-location": (_req, res) => {
      res.writeHead(302);
      res.end();
    },
    "/image": send(Buffer.from([0x89, 0x50, 0x4e, 0x47]), "image/png"),
    "/pdf": send("%PDF-1.4", "application/pdf"),
    "/big-declared": send("x".repeat(5000), "text/plain"),
    "/big-streamed": (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" }); // chunked, no content-length
      for (let i = 0; i < 10; i++) res.write("y".repeat(1000));
      res.end();
    },
    "/hang": hang,
    "/gone": send("gone", "text/plain", 410),
  });
});
afterAll(() => server.close());

const local: FetchOptions = { allowPrivate: true, timeoutMs: 2000 };
const error = async (path: string, opts: FetchOptions = local) => {
  const r = await fetchUrl(`${server.base}${path}`, opts);
  if (r.ok) throw new Error(`expected ${path} to fail`);
  return r.error;
};

describe("fetchUrl", () => {
  it("fetches a page with our User-Agent and returns its validators", async () => {
    const r = await fetchUrl(`${server.base}/page`, local);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.status).toBe(200);
    expect(r.value.body.toString()).toBe(page);
    expect(r.value.contentType).toMatch(/text\/html/);
    expect(r.value.etag).toBe('"v1"');
    expect(r.value.lastModified).toBe("Mon, 01 Jan 2024 00:00:00 GMT");
    expect(seenUserAgent).toBe(USER_AGENT);
  });

  it("answers a conditional GET with 304 and an empty body", async () => {
    const r = await fetchUrl(`${server.base}/feed`, { ...local, ifNoneMatch: '"v1"' });
    expect(r.ok && r.value.status).toBe(304);
    expect(r.ok && r.value.body.length).toBe(0);
  });

  it("follows up to five redirects and reports the final URL", async () => {
    const r = await fetchUrl(`${server.base}/r1`, local);
    expect(r.ok && r.value.url).toBe(`${server.base}/page`);
  });

  it("follows exactly five redirects", async () => {
    const r = await fetchUrl(`${server.base}/five0`, local);
    expect(r.ok && r.value.url).toBe(`${server.base}/page`);
  });

  it("refuses more than five redirects", async () => {
    const e = await error("/hop0");
    expect(e.code).toBe("too-many-redirects");
    expect(e.message).toContain(`${server.base}/hop0`);
  });

  it("refuses a redirect loop", async () => {
    const e = await error("/loop-a");
    expect(e.code).toBe("redirect-loop");
    expect(e.message).toMatch(/redirect loop/);
  });

  it("refuses a redirect without a Location", async () => {
    expect((await error("/missing-location")).code).toBe("http-status");
  });

  it("reports 404 and 410 with the status", async () => {
    const e = await error("/nowhere");
    expect(e.code).toBe("http-status");
    expect(e.message).toMatch(/HTTP 404/);
    expect((await error("/gone")).message).toMatch(/HTTP 410/);
  });

  it("refuses content types that are not pages, feeds or text", async () => {
    const png = await error("/image");
    expect(png.code).toBe("content-type");
    expect(png.message).toMatch(/image\/png/);
    expect((await error("/pdf")).message).toMatch(/application\/pdf/);
  });

  it("refuses bodies over the cap, declared or streamed", async () => {
    const opts = { ...local, maxBytes: 2000 };
    expect((await error("/big-declared", opts)).code).toBe("too-large");
    expect((await error("/big-streamed", opts)).code).toBe("too-large");
  });

  it("gives up on a server that never answers, with a timeout error", async () => {
    const e = await error("/hang", { allowPrivate: true, timeoutMs: 300 });
    expect(e.code).toBe("timeout");
    expect(e.message).toMatch(/timed out/);
  });

  it("refuses loopback addresses unless private URLs are allowed", async () => {
    const before = server.hits.length;
    const e = await error("/page", { allowPrivate: false });
    expect(e.code).toBe("private-address");
    expect(e.message).toMatch(/127\.0\.0\.1.*private or local/);
    const byName = await fetchUrl(server.base.replace("127.0.0.1", "localhost"), { allowPrivate: false });
    expect(!byName.ok && byName.error.code).toBe("private-address");
    expect(server.hits.length).toBe(before); // refused before connecting
  });

  it("refuses loopback written as a number", async () => {
    const e = await error("/page", { allowPrivate: false });
    const port = new URL(server.base).port;
    const r = await fetchUrl(`http://2130706433:${port}/page`, { allowPrivate: false });
    expect(!r.ok && r.error.code).toBe(e.code);
  });

  it("checks every redirect hop, not only the first", async () => {
    // the local server itself is allowed here, so the refusal can only come from the second hop
    const e = await error("/to-metadata", { allowPrivate: false, addressPolicy: (ip) => ip === "127.0.0.1" });
    expect(e.code).toBe("private-address");
    expect(e.message).toMatch(/169\.254\.169\.254/);
  });

  it("refuses non-http schemes and malformed URLs", async () => {
    expect((await fetchUrl("ftp://example.com/x", local)).ok).toBe(false);
    expect((await fetchUrl("http://", local)).ok).toBe(false);
  });
});
