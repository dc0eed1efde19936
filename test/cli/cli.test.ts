// The `tollwatch` command as a user runs it: a child process, real files, real exit codes.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tw-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["bin/tollwatch.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
  });

describe("tollwatch CLI", () => {
  it("prints help with every command", () => {
    const r = run(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ingest/);
    expect(r.stdout).toMatch(/extract/);
  });

  it("exits 2 on a usage error", () => {
    expect(run(["ingest"]).status).toBe(2);
    expect(run(["no-such-command"]).status).toBe(2);
  });

  it("exits 2 with a message naming each bad variable", () => {
    const r = run(["articles", "--db", path.join(tmp, "c.sqlite")], { TOLLWATCH_PORT: "nope" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/TOLLWATCH_PORT/);
  });

  it("extract --json prints one contract object per file and writes nothing", () => {
    const db = path.join(tmp, "never.sqlite");
    const r = run(["extract", "seeds/001_2ddf929e4dc306af.txt", "seeds/002_3ab2168eae5037d8.txt", "--json"], {
      TOLLWATCH_DB: db,
    });
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    for (const o of lines) {
      expect(o).toHaveProperty("file");
      expect(Array.isArray(o.figures)).toBe(true);
      expect(Array.isArray(o.statements)).toBe(true);
    }
    expect(fs.existsSync(db)).toBe(false);
  });

  it("articles lists what ingest stored", () => {
    const db = path.join(tmp, "a.sqlite");
    expect(run(["ingest", "seeds/001_2ddf929e4dc306af.txt", "--db", db]).status).toBe(0);
    const r = run(["articles", "--db", db, "--json"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
  });
});
