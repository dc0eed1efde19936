// Bad input through the real CLI (a child process): each one exits 2, prints a stderr line naming the
// input and the reason, and leaves the database as it was (same article count, integrity ok).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestDraft } from "../../src/ingest/pipeline.js";
import { readInput } from "../../src/ingest/read.js";
import { countArticles, listArticles } from "../../src/store/articles.js";
import { Store } from "../../src/store/store.js";
import { hang, type LocalServer, redirect, send, startServer } from "../helpers/http-server.js";

const FIX = path.resolve("test/fixtures/ingest");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tw-bad-"));
const db = path.join(tmp, "news.sqlite");
let server: LocalServer;
let seeded = 0;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tollwatch ...` without blocking this process, so the local server can answer the child. */
function tollwatch(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent", ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  return new Promise((resolve) => {
    execFile(process.execPath, ["bin/tollwatch.mjs", ...args], { env: childEnv }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function dbState(file = db): { articles: number; integrity: string } {
  const store = Store.open(file, { readonly: true });
  try {
    return { articles: countArticles(store), integrity: store.integrityCheck() };
  } finally {
    store.close();
  }
}

const write = (name: string, content: string | Buffer) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
};

beforeAll(async () => {
  server = await startServer({
    "/hang": hang,
    "/loop-a": redirect("/loop-b"),
    "/loop-b": redirect("/loop-a"),
    "/article": send(fs.readFileSync(path.join(FIX, "article-nav-ads.html")), "text/html"),
  });
  // a few good articles first, written in-process (the CLI path for good input is tested below)
  const store = Store.open(db);
  try {
    for (const f of ["text-headline.txt", "text-date-header.txt", "article-time-only.html"]) {
      const read = await readInput({ kind: "file", value: path.join(FIX, f) }, { allowPrivate: false });
      if (!read.ok) throw new Error(read.error.message);
      for (const draft of read.value)
        ingestDraft(store, draft, { extract: () => ({ figures: [], statements: [] }) });
    }
  } finally {
    store.close();
  }
  seeded = dbState().articles;
  expect(seeded).toBe(3);
});
afterAll(async () => {
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Ingests one bad input and checks the refusal and the untouched database. */
async function refused(input: string, reason: RegExp, env: Record<string, string | undefined> = {}) {
  const r = await tollwatch(["ingest", input, "--db", db, "--json"], env);
  expect(r.code, r.stderr).toBe(2);
  const line = r.stderr.split("\n").find((l) => l.includes(input));
  expect(line, r.stderr).toBeDefined();
  expect(line).toMatch(reason);
  const json = JSON.parse(r.stdout.trim().split("\n")[0] ?? "{}");
  expect(json.status).toBe("error");
  expect(dbState()).toEqual({ articles: seeded, integrity: "ok" });
}

describe.concurrent("tollwatch ingest: bad input", () => {
  it("an empty file", async () => {
    await refused(write("empty.txt", ""), /empty/);
  });

  it("a binary file (NUL bytes)", async () => {
    await refused(
      write("blob.txt", Buffer.from([0x00, 0x01, 0x02, 0x48, 0x69, 0x00, 0xff, 0xfe, 0x00])),
      /binary/,
    );
  });

  it("a zip archive named .txt", async () => {
    await refused(write("archive.txt", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])), /ZIP/);
  });

  it("a file over 5 MB", async () => {
    const p = path.join(tmp, "huge.txt");
    fs.writeFileSync(p, "");
    fs.truncateSync(p, 5 * 1024 * 1024 + 10);
    await refused(p, /larger than the 5 MB limit/);
  });

  it("a missing path", async () => {
    await refused(path.join(tmp, "no-such-article.txt"), /no such file or folder/);
  });

  it("an empty folder", async () => {
    const dir = path.join(tmp, "empty-folder");
    fs.mkdirSync(dir);
    await refused(dir, /no readable articles/);
  });

  it("a folder with nothing readable", async () => {
    const dir = path.join(tmp, "pictures");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "photo.jpg"), Buffer.from([0xff, 0xd8, 0xff]));
    fs.writeFileSync(path.join(dir, "notes.docx"), Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    await refused(dir, /no readable articles/);
  });

  it("broken HTML", async () => {
    await refused(path.join(FIX, "article-broken.html"), /broken HTML|no article text/);
  });

  it("broken XML", async () => {
    await refused(path.join(FIX, "feed-broken.xml"), /broken XML.*never closed/);
  });

  it("an XML entity-expansion bomb", async () => {
    await refused(path.join(FIX, "feed-bomb.xml"), /declares entities/);
  });

  it("a URL that times out", async () => {
    await refused(`${server.base}/hang`, /timed out/, {
      TOLLWATCH_ALLOW_PRIVATE_URLS: "1",
      TOLLWATCH_FETCH_TIMEOUT_MS: "300",
    });
  });

  it("a URL that 404s", async () => {
    await refused(`${server.base}/no-such-page`, /HTTP 404/, { TOLLWATCH_ALLOW_PRIVATE_URLS: "1" });
  });

  it("a URL that loops redirects", async () => {
    await refused(`${server.base}/loop-a`, /redirect loop/, { TOLLWATCH_ALLOW_PRIVATE_URLS: "1" });
  });

  it("a URL that points at a private address", async () => {
    await refused(`${server.base}/article`, /private or local address/, {
      TOLLWATCH_ALLOW_PRIVATE_URLS: undefined,
    });
  });
});

describe("tollwatch ingest: accepted and mixed input", () => {
  it("accepts windows-1252 text, decoded (not refused, no mojibake)", async () => {
    const other = path.join(tmp, "legacy.sqlite");
    const p = write(
      "legacy.txt",
      Buffer.from(
        "Town hall fire\n\x93At least 4 dead\x94, the mayor\x92s office said \x96 rescue goes on.",
        "latin1",
      ),
    );
    const r = await tollwatch(["ingest", p, "--db", other, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).status).toBe("new");
    expect(dbState(other)).toEqual({ articles: 1, integrity: "ok" });
    const store = Store.open(other, { readonly: true });
    try {
      expect(listArticles(store)[0]?.title).toBe("Town hall fire");
    } finally {
      store.close();
    }
  });

  it("ingests the good inputs and refuses the bad one in the same run (exit 2)", async () => {
    const other = path.join(tmp, "mixed.sqlite");
    const r = await tollwatch(
      [
        "ingest",
        path.join(FIX, "text-chrome.txt"),
        write("empty2.txt", ""),
        `${server.base}/article`,
        "--db",
        other,
        "--json",
      ],
      { TOLLWATCH_ALLOW_PRIVATE_URLS: "1" },
    );
    expect(r.code).toBe(2);
    const statuses = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).status);
    expect(statuses.sort()).toEqual(["error", "new", "new"]);
    expect(r.stderr).toMatch(/empty2\.txt: the file is empty/);
    expect(dbState(other)).toEqual({ articles: 2, integrity: "ok" });
  });
});
