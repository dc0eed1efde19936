// `tollwatch start` as a process: seeds on first run only, prints its URL, stops cleanly on SIGINT
// and SIGTERM, refuses bad configuration with exit 2.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProblems } from "../../src/cli/start.js";
import { loadConfig } from "../../src/config.js";
import { request } from "./helpers.js";

const BIN = path.resolve("bin/tollwatch.mjs");
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tw-start-"));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(env: Record<string, string>): Running {
  let out = "";
  let err = "";
  const child = spawn(process.execPath, [BIN, "start"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? dir,
      LOG_LEVEL: "error",
      TOLLWATCH_DB: path.join(dir, "t.sqlite"),
      TOLLWATCH_INBOX: path.join(dir, "inbox"),
      TOLLWATCH_PORT: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    err += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Resolves with the console URL once the process has printed it. */
function consoleUrl(r: Running): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = /Web console: (http:\/\/\S+)/.exec(r.stdout());
      if (m?.[1]) {
        r.child.stdout?.off("data", check);
        resolve(m[1]);
      }
    };
    r.child.stdout?.on("data", check);
    r.exited.then((code) =>
      reject(new Error(`exited ${code} before serving:\n${r.stdout()}\n${r.stderr()}`)),
    );
    check();
  });
}

describe("tollwatch start", () => {
  it("seeds an empty database, serves the console and stops on SIGINT with exit 0", async () => {
    const r = run({});
    const url = await consoleUrl(r);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(r.stdout()).toMatch(/Seeded \d+ articles/);
    const stored = r
      .stdout()
      .split("\n")
      .filter((l) => /^ {2}#\d+ stored: /.test(l));
    expect(stored.length).toBe(fs.readdirSync("seeds").length);
    const health = await request(`${url}/healthz`);
    expect(health.status).toBe(200);
    r.child.kill("SIGINT");
    expect(await r.exited).toBe(0);
    expect(r.stdout()).toContain("Stopped.");
    await expect(request(`${url}/healthz`)).rejects.toThrow();
  });

  it("does not seed again on the next start and stops on SIGTERM", async () => {
    const r = run({});
    await consoleUrl(r);
    expect(r.stdout()).not.toContain("Seeded");
    expect(r.stdout()).toMatch(/Database .*: \d+ articles\./);
    r.child.kill("SIGTERM");
    expect(await r.exited).toBe(0);
  });

  it("refuses bad configuration with exit 2 and names the variable", async () => {
    const r = run({ TOLLWATCH_PORT: "eighty" });
    expect(await r.exited).toBe(2);
    expect(r.stderr()).toContain("TOLLWATCH_PORT");
  });

  it("checks the poll schedule and the port option before starting", () => {
    const config = loadConfig({});
    if (!config.ok) throw new Error(config.error.message);
    expect(startProblems(config.value)).toEqual([]);
    expect(startProblems({ ...config.value, TOLLWATCH_POLL_CRON: "every five minutes" })).toEqual([
      expect.stringContaining("TOLLWATCH_POLL_CRON"),
    ]);
    expect(startProblems(config.value, "99999")).toEqual([expect.stringContaining("--port")]);
    expect(startProblems(config.value, "8080")).toEqual([]);
  });
});
