// The acceptance run: the five seeds go in as new, and again as duplicates.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tw-seeds-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const ingestSeeds = (db: string) => {
  const r = spawnSync(process.execPath, ["bin/tollwatch.mjs", "ingest", "seeds", "--db", db, "--json"], {
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "silent" },
  });
  return {
    code: r.status,
    stderr: r.stderr,
    lines: r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l)),
  };
};

describe("tollwatch ingest seeds --json", () => {
  it("prints five new articles, then five duplicates of the same ids", () => {
    const db = path.join(tmp, "t.sqlite");
    const seedCount = fs.readdirSync("seeds").filter((f) => f.endsWith(".txt")).length;
    const first = ingestSeeds(db);
    expect(first.code, first.stderr).toBe(0);
    expect(first.lines).toHaveLength(seedCount);
    expect(first.lines.every((l) => l.status === "new")).toBe(true);
    const second = ingestSeeds(db);
    expect(second.code, second.stderr).toBe(0);
    expect(second.lines.map((l) => l.status)).toEqual(Array(seedCount).fill("duplicate"));
    expect(second.lines.map((l) => l.articleId)).toEqual(first.lines.map((l) => l.articleId));
  });
});

describe("tollwatch ingest of many files", () => {
  it("reports every file once, in order, with extraction on worker threads", () => {
    // more than 20 inputs: the bulk path (batches, worker threads started through bin/tollwatch.mjs)
    const dir = path.join(tmp, "many");
    fs.mkdirSync(dir);
    const names = Array.from({ length: 30 }, (_, i) => `a${String(i).padStart(2, "0")}.txt`);
    for (const [i, n] of names.entries())
      fs.writeFileSync(
        path.join(dir, n),
        `Flooding in Town${i}\n\nAt least ${i + 3} people were killed in Town${i}, the civil defence said.`,
      );
    fs.writeFileSync(path.join(dir, "empty.txt"), "");
    const r = spawnSync(
      process.execPath,
      ["bin/tollwatch.mjs", "ingest", dir, "--db", path.join(tmp, "many.sqlite"), "--json"],
      { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" } },
    );
    expect(r.status, r.stderr).toBe(2); // the empty file is refused, the rest stored
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const stored = lines.filter((l) => l.status === "new");
    expect(stored.map((l) => path.basename(l.file))).toEqual(names);
    expect(stored.map((l) => l.figures)).toEqual(names.map(() => 1));
    expect(lines.filter((l) => l.status === "error").map((l) => path.basename(l.file))).toEqual([
      "empty.txt",
    ]);
  });
});
