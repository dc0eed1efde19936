// Hostile files: XML entity bombs (exponential and quadratic), an external entity, a 50 MB file,
// HTML nested 10,000 deep, and archives or images named .html/.txt/.xml. Each is refused with a message
// naming the file and the reason, or read into something sane, within a 256 MB memory cap: through
// readInput (in a child, to measure its peak RSS) and through the real CLI (heap capped, so a blow-up
// kills it instead of passing), which must leave the database unchanged when it refuses.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countArticles } from "../../src/store/articles.js";
import { Store } from "../../src/store/store.js";

const MEMORY_CAP_MB = 256;
const READ_CHILD = fileURLToPath(new URL("./read-child.ts", import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tw-hostile-"));
const db = path.join(tmp, "news.sqlite");

const laughs = (levels: number) =>
  Array.from({ length: levels }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("\n");

/** name → content. Written once; the 50 MB file is streamed to disk rather than built in memory. */
const FILES: Record<string, string | Buffer> = {
  "billion-laughs.xml": `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol0 "lol">
${laughs(9)}
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><description>&lol9;&lol9;&lol9;</description></item></channel></rss>`,
  "billion-laughs.html": `<!DOCTYPE html [
  <!ENTITY lol0 "lol">
${laughs(9)}
]>
<html><head><title>&lol9;</title></head><body><article><p>&lol9; &lol9;</p></article></body></html>`,
  "quadratic-blowup.xml": `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY big "${"x".repeat(50_000)}">]>
<rss version="2.0"><channel><title>t</title><item><title>q</title><description>${"&big;".repeat(50_000)}</description></item></channel></rss>`,
  "external-entity.xml": `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>Feed</title>
<item><title>Item &xxe;</title><description>Twelve people were killed, police said. &xxe;</description></item></channel></rss>`,
  "deep-nesting.html": `<!doctype html><html><head><title>Deep</title></head><body>${"<div>".repeat(10_000)}<p>Nine people were killed in the blast, police said on Monday, and dozens more were injured.</p>${"</div>".repeat(10_000)}</body></html>`,
  "deep-unclosed.html": `<!doctype html><html><body>${"<span><b><i>".repeat(10_000)}Seven people died, officials said.`,
  "archive.html": Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]),
    Buffer.from("index.html<html><body>killed</body></html>"),
    Buffer.alloc(4096, 0x9c),
  ]),
  "archive.txt": Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.alloc(2048, 0x00)]),
  "image.xml": Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(1024, 7),
  ]),
  "random-bytes.html": Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)),
};
const FIFTY_MB = "fifty-megabytes.txt";
const FIFTY_MB_HTML = "fifty-megabytes.html";

beforeAll(() => {
  for (const [name, content] of Object.entries(FILES)) fs.writeFileSync(path.join(tmp, name), content);
  for (const name of [FIFTY_MB, FIFTY_MB_HTML]) {
    const fd = fs.openSync(path.join(tmp, name), "w");
    const chunk = Buffer.from(
      `${name.endsWith(".html") ? "<p>" : ""}At least 12 people were killed, the ministry said. `.repeat(
        20_000,
      ),
    );
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
  }
  Store.open(db).close();
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface ReadReport {
  ok: boolean;
  code?: string;
  message?: string;
  drafts?: number;
  longestText?: number;
  texts?: string[];
  ms: number;
  maxRssMb: number;
}

function run(
  args: string[],
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      {
        env: { ...process.env, LOG_LEVEL: "silent", TOLLWATCH_ALLOW_PRIVATE_URLS: undefined },
        maxBuffer: 64 << 20,
      },
      (err, stdout, stderr) => {
        const e = err as (Error & { code?: number | string; signal?: string }) | null;
        resolve({
          code: e ? (typeof e.code === "number" ? e.code : null) : 0,
          signal: e?.signal ?? null,
          stdout,
          stderr,
        });
      },
    );
  });
}

interface CliLine {
  file?: string;
  status: "new" | "duplicate" | "error";
  error?: string;
}

const names = [...Object.keys(FILES), FIFTY_MB, FIFTY_MB_HTML];
/** Must be refused, and the message must say this. */
const MUST_REFUSE: Record<string, RegExp> = {
  "archive.html": /zip/i,
  "archive.txt": /gzip/i,
  "image.xml": /png/i,
  [FIFTY_MB]: /MB.*larger than the 5 MB limit/,
  [FIFTY_MB_HTML]: /MB.*larger than the 5 MB limit/,
};

// one child reads them all in turn: its peak RSS covers every file, and the last line names a killer
let reads: Map<string, ReadReport>;
let cli: { code: number | null; signal: string | null; lines: CliLine[]; stderr: string };
let before = 0;

beforeAll(async () => {
  const r = await run([
    `--max-old-space-size=${MEMORY_CAP_MB}`,
    "--import",
    "tsx",
    READ_CHILD,
    ...names.map((n) => path.join(tmp, n)),
  ]);
  expect(
    r.code,
    `read child died (${r.signal ?? ""}) after: ${r.stdout.slice(-300)} ${r.stderr.slice(-1000)}`,
  ).toBe(0);
  reads = new Map(
    r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as ReadReport & { name?: string })
      .filter((x) => x.name)
      .map((x) => [x.name!, x]),
  );
  const peek = Store.open(db, { readonly: true });
  before = countArticles(peek);
  peek.close();
  const c = await run([
    `--max-old-space-size=${MEMORY_CAP_MB}`,
    "bin/tollwatch.mjs",
    "ingest",
    ...names.map((n) => path.join(tmp, n)),
    "--db",
    db,
    "--json",
  ]);
  cli = {
    code: c.code,
    signal: c.signal,
    stderr: c.stderr,
    lines: c.stdout
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as CliLine),
  };
}, 300_000);

describe("hostile files through readInput", () => {
  it.each(names)("%s: refused with a clear error, or read sanely, under the memory cap", (name) => {
    const r = reads.get(name);
    expect(r, `no report for ${name}`).toBeDefined();
    expect(r!.maxRssMb, "peak RSS (MB)").toBeLessThanOrEqual(MEMORY_CAP_MB);
    const refuse = MUST_REFUSE[name];
    if (refuse) expect(r!.ok).toBe(false);
    if (!r!.ok) {
      // the message names the file and says why
      expect(r!.message).toContain(name);
      if (refuse) expect(r!.message).toMatch(refuse);
      return;
    }
    // read: nothing expanded beyond the input limit, nothing pulled in from outside
    expect(r!.longestText!).toBeLessThanOrEqual(5 * 1024 * 1024);
    for (const t of r!.texts ?? []) {
      expect(t).not.toMatch(/root:.*:0:0:/);
      expect(t).not.toMatch(/(lol){1000}/);
    }
  });
});

describe("hostile files through the CLI (heap capped)", () => {
  it("exits 2 without crashing, one line per input, refusals named on stderr", () => {
    expect(cli.code, `exit ${cli.code} ${cli.signal ?? ""}: ${cli.stderr.slice(-800)}`).toBe(2);
    for (const name of names) {
      const lines = cli.lines.filter((l) => l.file?.endsWith(name));
      expect(lines.length, name).toBeGreaterThan(0);
      for (const l of lines) {
        if (MUST_REFUSE[name]) expect(l.status, name).toBe("error");
        if (l.status === "error") {
          expect(l.error).toContain(name);
          expect(cli.stderr).toContain(`refused: ${path.join(tmp, name)}`);
        }
      }
    }
  });

  it("stores only what it accepted and leaves the database intact", () => {
    const store = Store.open(db, { readonly: true });
    try {
      expect(store.integrityCheck()).toBe("ok");
      const accepted = cli.lines.filter((l) => l.status === "new").length;
      expect(countArticles(store)).toBe(before + accepted);
    } finally {
      store.close();
    }
  });
});
