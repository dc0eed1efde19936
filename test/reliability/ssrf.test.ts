// Server-side request forgery: article and feed URLs that are, or redirect to, loopback, private,
// link-local or metadata addresses are refused unless private addresses are explicitly allowed. Only
// 127.0.0.x is ever connected to: the refusals happen before any connection to the other addresses.
import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchUrl } from "../../src/ingest/fetch.js";
import { readInput } from "../../src/ingest/read.js";

// the "public" server of these tests listens on 127.0.0.2; the policy below treats that one address as
// public, so that its redirects to 127.0.0.1 and elsewhere are judged like a real site's would be
const PUBLIC_HOST = "127.0.0.2";
const pretendPublic = (ip: string) =>
  ip === PUBLIC_HOST || !/^(127\.|10\.|169\.254\.|192\.168\.|0\.|::1$|::ffff:|fe80|fc|fd|::$)/i.test(ip);

let server: http.Server;
let base: string;
let hits: string[] = [];
const feed = (link: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>Item</title><link>${link}</link></item></channel></rss>`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    const to = new URL(req.url ?? "/", "http://x").searchParams.get("to");
    if (req.url?.startsWith("/redirect") && to) {
      res.writeHead(302, { location: to });
      res.end();
    } else if (req.url?.startsWith("/feed") && to) {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(feed(to));
    } else {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(
        `<html><head><title>Blast kills twelve</title></head><body><article>${"<p>Twelve people were killed in the blast on Monday, police said, and dozens more were injured in the market.</p>".repeat(6)}</article></body></html>`,
      );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, PUBLIC_HOST, resolve));
  base = `http://${PUBLIC_HOST}:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

/** Addresses written every way a URL can write them; all are loopback, private or link-local. */
const LITERALS = [
  "http://127.0.0.1/",
  "http://127.1/",
  "http://0x7f.1/",
  "http://0x7f000001/",
  "http://2130706433/",
  "http://017700000001/",
  "http://0.0.0.0/",
  "http://[::1]/",
  "http://[::]/",
  "http://[::ffff:127.0.0.1]/",
  "http://[::ffff:7f00:1]/",
  "http://[0:0:0:0:0:ffff:a9fe:a9fe]/",
  "http://169.254.169.254/latest/meta-data/",
  "http://10.0.0.1/",
  "http://192.168.1.1/",
  "http://172.16.0.1/",
  "http://100.64.0.1/",
  "http://[fe80::1]/",
  "http://[fd00::1]/",
  "http://localhost/",
];

describe("private addresses are refused by default", () => {
  it.each(LITERALS)("%s", async (url) => {
    const r = await fetchUrl(url, { allowPrivate: false, timeoutMs: 2000 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("private-address");
      expect(r.error.message).toContain("TOLLWATCH_ALLOW_PRIVATE_URLS");
    }
  });

  it.each([
    "http://127.0.0.1:1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/",
    "http://[::1]:1/",
  ])("a redirect from a public site to %s is refused", async (target) => {
    hits = [];
    const r = await fetchUrl(`${base}/redirect?to=${encodeURIComponent(target)}`, {
      allowPrivate: false,
      addressPolicy: pretendPublic,
      timeoutMs: 2000,
    });
    expect(hits.length).toBe(1);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("private-address");
      expect(r.error.message).toContain("redirected to");
    }
  });

  it("a feed whose item links to a private address does not fetch it", async () => {
    const warnings: string[] = [];
    const r = await readInput(
      {
        kind: "url",
        value: `${base}/feed?to=${encodeURIComponent("http://169.254.169.254/latest/meta-data/")}`,
      },
      {
        allowPrivate: false,
        addressPolicy: pretendPublic,
        timeoutMs: 2000,
        onWarning: (w) => warnings.push(w),
      },
    );
    // either the item is skipped with a warning or the whole feed is refused; never fetched
    if (r.ok) expect(r.value.every((d) => !d.text.includes("meta-data"))).toBe(true);
    expect(warnings.join(" ") + (r.ok ? "" : r.error.message)).toMatch(/private|refused/i);
  });

  it("the same server is read when private addresses are explicitly allowed", async () => {
    const r = await fetchUrl(`${base}/page`, { allowPrivate: true, timeoutMs: 2000 });
    expect(r.ok).toBe(true);
  });
});

describe("through the CLI", () => {
  const cli = (args: string[], env: Record<string, string>) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const e: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent", ...env };
      if (!env.TOLLWATCH_ALLOW_PRIVATE_URLS) delete e.TOLLWATCH_ALLOW_PRIVATE_URLS;
      execFile(process.execPath, ["bin/tollwatch.mjs", ...args], { env: e }, (err, _out, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stderr }),
      );
    });

  it("refuses loopback, decimal, hex and mapped forms with exit 2, and reads them when allowed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tw-ssrf-"));
    const db = path.join(dir, "news.sqlite");
    const urls = [`${base}/page`, "http://2130706433/", "http://0x7f.1/", "http://[::ffff:127.0.0.1]/"];
    const refused = await cli(["ingest", ...urls, "--db", db, "--json"], {});
    expect(refused.code).toBe(2);
    for (const u of urls) expect(refused.stderr).toContain(`refused: ${u}`);
    const allowed = await cli(["ingest", `${base}/page`, "--db", db, "--json"], {
      TOLLWATCH_ALLOW_PRIVATE_URLS: "1",
    });
    expect(allowed.code, allowed.stderr).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
