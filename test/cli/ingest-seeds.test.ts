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
