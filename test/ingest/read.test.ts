// readInput / expandInputs: files, folders and URLs end to end, and every bad input refused with a
// message naming the input and the reason.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandInputs, type ReadOptions, readFetched, readInput } from "../../src/ingest/read.js";
import { hang, type LocalServer, redirect, send, startServer } from "../helpers/http-server.js";

const FIX = "test/fixtures/ingest";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tw-read-"));
const local: ReadOptions = { allowPrivate: true, timeoutMs: 2000 };
let server: LocalServer;

beforeAll(async () => {
  const fixture = (n: string) => fs.readFileSync(path.join(FIX, n));
  server = await startServer({
    "/article": send(fixture("article-nav-ads.html"), "text/html; charset=utf-8"),
    "/plain": send(
      "Quake kills 5\nFive people died when an earthquake struck on Monday, officials said.",
      "text/plain",
    ),
    "/legacy": send(
      Buffer.from("Caf\xe9 owner says \x93we are afraid\x94 after 3 killed nearby.", "latin1"),
      "text/plain; charset=windows-1252",
    ),
    "/feed.xml": (_req, res) => {
      res.writeHead(200, { "content-type": "application/xml" });
      res.end(fixture("feed-links-only.xml").toString().replaceAll("{{BASE}}", server.base));
    },
    "/feed-sniffed": send(fixture("feed-atom.xml"), "text/plain"),
    "/story/clinic-fire": send(fixture("story-page.html"), "text/html"),
    "/bomb": send(fixture("feed-bomb.xml"), "application/rss+xml"),
    "/broken-feed": send(fixture("feed-broken.xml"), "application/rss+xml"),
    "/loop": redirect("/loop"),
    "/hang": hang,
    "/zip": send(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "text/plain"),
  });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const file = (name: string, content: string | Buffer) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
};
const refusal = async (ref: { kind: "file" | "url"; value: string }, opts: ReadOptions = local) => {
  const r = await readInput(ref, opts);
  if (r.ok) throw new Error(`${ref.value} was not refused`);
  expect(r.error.message.startsWith(ref.value)).toBe(true); // names the input
  return r.error;
};

describe("readInput: files", () => {
  it("reads text, HTML and feed files by extension", async () => {
    const txt = await readInput({ kind: "file", value: `${FIX}/text-chrome.txt` }, local);
    expect(txt.ok && txt.value[0]?.file).toBe("text-chrome.txt");
    const html = await readInput({ kind: "file", value: `${FIX}/article-nav-ads.html` }, local);
    expect(html.ok && html.value[0]?.outlet).toBe("Riverside Herald");
    const feed = await readInput({ kind: "file", value: `${FIX}/feed-atom.xml` }, local);
    expect(feed.ok && feed.value.length).toBe(2);
  });

  it("accepts windows-1252 text and decodes it", async () => {
    const p = file(
      "legacy.txt",
      Buffer.from("Mayor\x92s office: \x93At least 8 dead\x94 \x96 rescue goes on.", "latin1"),
    );
    const r = await readInput({ kind: "file", value: p }, local);
    expect(r.ok && r.value[0]?.text).toBe("Mayor’s office: “At least 8 dead” – rescue goes on.");
  });

  it("refuses an empty file", async () => {
    expect((await refusal({ kind: "file", value: file("empty.txt", "") })).message).toMatch(/empty/);
    expect((await refusal({ kind: "file", value: file("blank.txt", "\n \n\t\n") })).message).toMatch(/empty/);
  });

  it("refuses a binary file: NUL bytes, a zip, mostly control bytes", async () => {
    const nul = file("nul.txt", Buffer.from([0x48, 0x69, 0x00, 0x00, 0x01, 0x41]));
    expect((await refusal({ kind: "file", value: nul })).message).toMatch(/binary|NUL/);
    const zip = file("archive.txt", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x08]));
    expect((await refusal({ kind: "file", value: zip })).message).toMatch(/ZIP/);
  });

  it("refuses a file over 5 MB before reading it", async () => {
    const p = path.join(tmp, "huge.txt");
    fs.writeFileSync(p, "");
    fs.truncateSync(p, 5 * 1024 * 1024 + 1); // sparse: the size is all that is checked
    expect((await refusal({ kind: "file", value: p })).message).toMatch(/larger than the 5 MB limit/);
  });

  it("refuses a missing path", async () => {
    expect((await refusal({ kind: "file", value: path.join(tmp, "nope.txt") })).message).toMatch(
      /no such file/,
    );
  });

  it("refuses broken HTML, broken XML and an entity bomb", async () => {
    expect((await refusal({ kind: "file", value: `${FIX}/article-broken.html` })).message).toMatch(
      /broken HTML|no article text/,
    );
    expect((await refusal({ kind: "file", value: `${FIX}/feed-broken.xml` })).message).toMatch(/broken XML/);
    expect((await refusal({ kind: "file", value: `${FIX}/feed-bomb.xml` })).message).toMatch(
      /declares entities/,
    );
  });
});

describe("expandInputs", () => {
  it("expands a folder to its supported files in name order", async () => {
    const dir = path.join(tmp, "folder");
    fs.mkdirSync(dir);
    for (const n of ["b.html", "a.txt", "c.xml", "notes.md", "image.png"])
      fs.writeFileSync(path.join(dir, n), "x");
    fs.mkdirSync(path.join(dir, "sub.txt"));
    const { inputs, errors } = await expandInputs([dir, "https://example.com/a"]);
    expect(errors).toEqual([]);
    expect(inputs).toEqual([
      { kind: "file", value: path.join(dir, "a.txt") },
      { kind: "file", value: path.join(dir, "b.html") },
      { kind: "file", value: path.join(dir, "c.xml") },
      { kind: "url", value: "https://example.com/a" },
    ]);
  });

  it("refuses a folder with nothing readable, a missing path and other URL schemes", async () => {
    const dir = path.join(tmp, "nothing");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "photo.jpg"), "x");
    const { inputs, errors } = await expandInputs([dir, path.join(tmp, "absent"), "ftp://example.com/x"]);
    expect(inputs).toEqual([]);
    expect(errors.map((e) => e.input)).toEqual([dir, path.join(tmp, "absent"), "ftp://example.com/x"]);
    expect(errors[0]?.message).toMatch(/no readable articles/);
    expect(errors[1]?.message).toMatch(/no such file or folder/);
  });
});

describe("readInput: URLs (local server)", () => {
  it("reads an HTML page and keeps the URL asked for", async () => {
    const url = `${server.base}/article`;
    const r = await readInput({ kind: "url", value: url }, local);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value[0]?.url).toBe(url);
    expect(r.value[0]?.title).toBe("Flood toll rises to 57 in northern province");
  });

  it("reads plain text and legacy-encoded text", async () => {
    const plain = await readInput({ kind: "url", value: `${server.base}/plain` }, local);
    expect(plain.ok && plain.value[0]?.title).toBe("Quake kills 5");
    const legacy = await readInput({ kind: "url", value: `${server.base}/legacy` }, local);
    expect(legacy.ok && legacy.value[0]?.text).toBe("Café owner says “we are afraid” after 3 killed nearby.");
  });

  it("reads a feed, fetching the pages of link-only items and skipping the missing one", async () => {
    const warnings: string[] = [];
    const r = await readInput(
      { kind: "url", value: `${server.base}/feed.xml` },
      { ...local, onWarning: (m) => warnings.push(m) },
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toHaveLength(1);
    expect(r.value[0]?.url).toBe(`${server.base}/story/clinic-fire`);
    expect(r.value[0]?.outlet).toBe("Metro Bulletin");
    expect(r.value[0]?.published).toBe("2024-05-10T05:40:00+02:00");
    expect(r.value[0]?.text).toMatch(/^Clinic fire kills 4\n\nFour patients died/);
    expect(warnings.join()).toMatch(/story\/gone.*404/);
  });

  it("reads a response fetched beforehand (how feed polling uses it)", async () => {
    const { fetchUrl } = await import("../../src/ingest/fetch.js");
    const got = await fetchUrl(`${server.base}/feed.xml`, local);
    if (!got.ok) throw new Error(got.error.message);
    const r = await readFetched(`${server.base}/feed.xml`, got.value, local);
    expect(r.ok && r.value.map((d) => d.title)).toEqual(["Clinic fire kills 4"]);
  });

  it("sniffs a feed served as text/plain", async () => {
    const r = await readInput({ kind: "url", value: `${server.base}/feed-sniffed` }, local);
    expect(r.ok && r.value.length).toBe(2);
  });

  it("refuses a URL that 404s, loops, times out, is binary, a bomb or broken XML", async () => {
    expect((await refusal({ kind: "url", value: `${server.base}/missing` })).message).toMatch(/HTTP 404/);
    expect((await refusal({ kind: "url", value: `${server.base}/loop` })).message).toMatch(/redirect loop/);
    expect(
      (await refusal({ kind: "url", value: `${server.base}/hang` }, { ...local, timeoutMs: 300 })).message,
    ).toMatch(/timed out/);
    expect((await refusal({ kind: "url", value: `${server.base}/zip` })).message).toMatch(/ZIP/);
    expect((await refusal({ kind: "url", value: `${server.base}/bomb` })).message).toMatch(
      /declares entities/,
    );
    expect((await refusal({ kind: "url", value: `${server.base}/broken-feed` })).message).toMatch(
      /broken XML/,
    );
  });

  it("refuses a private address unless allowed", async () => {
    const e = await refusal({ kind: "url", value: `${server.base}/article` }, { allowPrivate: false });
    expect(e.message).toMatch(/private or local address/);
  });
});
