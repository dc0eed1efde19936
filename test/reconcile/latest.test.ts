// Decisions through the store: each originator's latest figure is what a new figure meets, kept in
// slot_latest; a reprint of a value given before is a citation; a merge works the latest out again.
import { afterEach, describe, expect, it } from "vitest";
import type { Extraction } from "../../src/core/types.js";
import { ingestDraft } from "../../src/ingest/pipeline.js";
import { listAlerts } from "../../src/store/alerts.js";
import { listSlotLatest } from "../../src/store/figures.js";
import { lookupStory } from "../../src/store/stories.js";
import { draft, fig, stepsFor, tempStore } from "./helpers.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const MINISTRY = "Valley Health Ministry";
const MONITOR = "Valley Rights Monitor";

function db(table: [string, number, string][]) {
  const { store, cleanup } = tempStore();
  cleanups.push(cleanup);
  const extraction = new Map<string, Extraction>(
    table.map(([text, count, source]) => [text, { figures: [fig({ count, source })], statements: [] }]),
  );
  const ingest = (text: string, published: string) =>
    ingestDraft(store, draft(text, { published }), stepsFor(extraction), { story: "Valley" });
  return { store, ingest };
}

describe("latest figures through the store", () => {
  it("keeps each originator's latest figure per slot, by date then arrival", () => {
    const { store, ingest } = db([
      ["m1", 100, MINISTRY],
      ["m2", 140, MINISTRY],
      ["m-late", 90, MINISTRY],
      ["r1", 100, MONITOR],
    ]);
    ingest("m1", "2025-05-01");
    ingest("m2", "2025-05-02");
    ingest("r1", "2025-05-02");
    // an older report arriving last does not become the ministry's latest
    ingest("m-late", "2025-04-30");
    const story = lookupStory(store, "Valley")!;
    const latest = listSlotLatest(store, story.id, "killed", "total");
    expect(latest.map((f) => [f.originator, f.count]).sort()).toEqual([
      [MINISTRY, 140],
      [MONITOR, 100],
    ]);
    // the monitor's 100 on 2 May against the ministry's 140 the same day: one disagreement; the late
    // 90 is older news from the ministry: a revision, and it is not compared with the monitor
    const alerts = listAlerts(store, { all: true });
    expect(alerts.map((a) => [a.kind, [...a.values].sort((x, y) => x - y)])).toEqual([
      ["disagreement", [100, 140]],
      ["revision", [90, 140]],
    ]);
  });

  it("takes a reprint of a value the originator gave before as a citation", () => {
    const { store, ingest } = db([
      ["m1", 100, MINISTRY],
      ["m2", 140, MINISTRY],
      ["m1-again", 100, MINISTRY],
    ]);
    ingest("m1", "2025-05-01");
    ingest("m2", "2025-05-02");
    ingest("m1-again", "2025-05-01");
    expect(listAlerts(store, { all: true })).toEqual([]);
  });
});
