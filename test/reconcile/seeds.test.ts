// The seed acceptance: ingesting seeds/ in file-name order into an empty database raises exactly
// the gold alerts; /toll and /who-said answer from that database.
// "with the gold extraction" feeds the pipeline the gold figures (reconciliation alone);
// "with the real extractor" runs the product's pipeline end to end and depends on extraction.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../commands/index.js";
import type { Extraction } from "../../src/core/types.js";
import { defaultSteps } from "../../src/ingest/default-steps.js";
import { ingestDraft, type PipelineSteps } from "../../src/ingest/pipeline.js";
import { listAlerts } from "../../src/store/alerts.js";
import type { Store } from "../../src/store/store.js";
import { listStories } from "../../src/store/stories.js";
import { stepsFor, tempStore } from "./helpers.js";
import { GOLD_ALERTS, loadSeeds, matchGold } from "./seeds.js";

let seeds: Awaited<ReturnType<typeof loadSeeds>> = [];
beforeAll(async () => {
  seeds = await loadSeeds();
});
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function ingestSeeds(steps: () => PipelineSteps): Store {
  const { store, cleanup } = tempStore();
  cleanups.push(cleanup);
  for (const s of seeds) ingestDraft(store, s.draft, steps());
  return store;
}

const goldSteps = () => stepsFor(new Map<string, Extraction>(seeds.map((s) => [s.draft.text, s.gold])));

interface TollData {
  story: { name: string };
  measures: {
    measure: string;
    headline: { count: number; qualifier: string; originator: string | null; citations: number } | null;
    groups: { group: string; originators: { originator: string | null; count: number }[] }[];
    disagreements: { values: number[] }[];
  }[];
}

function checkAnswers(store: Store) {
  const ctx = { store, now: new Date() };
  const toll = runCommand(ctx, "toll", {});
  expect(toll.ok).toBe(true);
  const data = toll.data as TollData;
  const killed = data.measures.find((m) => m.measure === "killed")!;
  expect(killed.headline).toMatchObject({ count: 1000, qualifier: "min" });
  expect(killed.headline!.originator).toMatch(/Syrian Observatory/);
  expect(killed.headline!.citations).toBeGreaterThanOrEqual(3);
  expect(killed.disagreements.length).toBe(GOLD_ALERTS.alerts.length);
  const rubio = runCommand(ctx, "who-said", { query: "Rubio" });
  const statements = (rubio.data as { statements: { speaker: string; quote: string }[] }).statements;
  expect(statements.length).toBeGreaterThan(0);
  expect(statements.every((s) => /Rubio/.test(s.speaker))).toBe(true);
  expect(statements.some((s) => /interim authorities must/.test(s.quote))).toBe(true);
  const odd = runCommand(ctx, "who-said", { query: 'Rubio" OR (' });
  expect(odd.ok).toBe(true);
}

describe("seeds with the gold extraction (reconciliation alone)", () => {
  it("raise exactly the gold alerts, in one story", () => {
    const store = ingestSeeds(goldSteps);
    const alerts = listAlerts(store, { all: true });
    const { unmatched, extra } = matchGold(alerts, GOLD_ALERTS.alerts);
    expect(unmatched).toEqual([]);
    expect(extra.map((a) => a.summary)).toEqual([]);
    expect(listStories(store)).toHaveLength(1);
    // 973 vs 745 from one originator is a revision; 125 vs at least 200 a disagreement
    expect(alerts.find((a) => a.group === "civilians")?.kind).toBe("revision");
    expect(alerts.find((a) => a.group === "security_forces")?.kind).toBe("disagreement");
  });

  it("never re-alert when the same seeds arrive again from another address", () => {
    const store = ingestSeeds(goldSteps);
    const steps = goldSteps();
    // same text is a duplicate article; a copy with one more line is a new article citing the same figures
    for (const s of seeds)
      ingestDraft(
        store,
        { ...s.draft, text: `${s.draft.text}\nRepublished.` },
        {
          ...steps,
          extract: () => s.gold,
        },
      );
    expect(listAlerts(store, { all: true })).toHaveLength(GOLD_ALERTS.alerts.length);
  });

  it("answer /toll with the Syrian Observatory's at-least-1,000 total and /who-said Rubio", () => {
    checkAnswers(ingestSeeds(goldSteps));
  });
});

describe("seeds with the real extractor (depends on extraction)", () => {
  it("raise exactly the gold alerts", () => {
    const store = ingestSeeds(() => defaultSteps());
    const { unmatched, extra } = matchGold(listAlerts(store, { all: true }), GOLD_ALERTS.alerts);
    expect(unmatched).toEqual([]);
    expect(extra.map((a) => a.summary)).toEqual([]);
  });

  it("answer /toll and /who-said Rubio", () => {
    checkAnswers(ingestSeeds(() => defaultSteps()));
  });
});
