// The answers on the command line: a child process against a database built in-process.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Extraction } from "../../src/core/types.js";
import { ingestDraft } from "../../src/ingest/pipeline.js";
import { interleave, loadEventArticles } from "../reconcile/events.js";
import { stepsFor, tempStore } from "../reconcile/helpers.js";

let db = "";
let cleanup: () => void;

beforeAll(async () => {
  const t = tempStore();
  cleanup = t.cleanup;
  db = t.store.path;
  const articles = await loadEventArticles();
  const steps = stepsFor(new Map<string, Extraction>(articles.map((a) => [a.draft.text, a.extraction])));
  for (const a of interleave(articles)) ingestDraft(t.store, a.draft, steps);
  t.store.close();
});
afterAll(() => cleanup());

const run = (args: string[]) =>
  spawnSync(process.execPath, ["bin/tollwatch.mjs", ...args, "--db", db], {
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "silent" },
  });

describe("tollwatch answers", () => {
  it("alerts --json prints one alert object per line", () => {
    const r = run(["alerts", "--json", "--all"]);
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    for (const a of lines) {
      expect(a).toMatchObject({ kind: "disagreement", measure: "killed", group: "total" });
      expect(a.values).toHaveLength(2);
      expect(a.figures[0]).toHaveProperty("originator");
      expect(a.figures[0]).toHaveProperty("text");
    }
  });

  it("toll STORY --json, stories rename, and an unknown story exits 2", () => {
    const toll = run(["toll", "El", "Fasher", "--json"]);
    expect(toll.status).toBe(0);
    const data = JSON.parse(toll.stdout);
    expect(data.story.name).toMatch(/Fasher/);
    expect(data.measures[0].disagreements).toHaveLength(1);
    expect(run(["stories", "rename", data.story.name, "El Fasher assault"]).status).toBe(0);
    const text = run(["stories"]);
    expect(text.stdout).toMatch(/El Fasher assault/);
    expect(run(["toll", "Atlantis"]).status).toBe(2);
  });
});
