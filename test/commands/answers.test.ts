// /toll, /who-said, /alerts, /stories, /sources on a database of three unrelated events.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../commands/index.js";
import type { Extraction } from "../../src/core/types.js";
import { ingestDraft } from "../../src/ingest/pipeline.js";
import { listAlerts, listDeliveries, markDelivered } from "../../src/store/alerts.js";
import type { Store } from "../../src/store/store.js";
import { interleave, loadEventArticles } from "../reconcile/events.js";
import { draft, quote, stepsFor, tempStore } from "../reconcile/helpers.js";

let store: Store;
let cleanup: () => void;
const now = new Date(Date.UTC(2025, 7, 18, 18));
const ctx = () => ({ store, now });

// statements of a fourth, separate story, to search
const SPEECH = draft(
  "US Secretary of State Marco Rubio said on Sunday that Washington condemned the attack on the Zaporizhzhia power plant in Ukraine. Ukrainian President Volodymyr Zelensky urged allies to act.",
  { published: "2025-08-18", outlet: "Example Wire", url: "https://example.org/zaporizhzhia" },
);
const SPEECH_EXTRACTION: Extraction = {
  figures: [],
  statements: [
    quote({
      speaker: "Marco Rubio",
      role: "US Secretary of State",
      quote: "We condemn the attack on the plant.",
    }),
    quote({
      speaker: "Volodymyr Zelensky",
      role: "President of Ukraine",
      quote: "Allies must act now, not later.",
    }),
    quote({ speaker: "Marco Rubio", role: "US Secretary of State", quote: "Ceasefire talks will go on." }),
  ],
};

beforeAll(async () => {
  ({ store, cleanup } = tempStore());
  const articles = await loadEventArticles();
  const table = new Map<string, Extraction>(articles.map((a) => [a.draft.text, a.extraction]));
  table.set(SPEECH.text, SPEECH_EXTRACTION);
  // the quake survivors' article carries a witness quote too
  const survivors = articles.find((a) => a.file.includes("survivors"))!;
  table.set(survivors.draft.text, {
    ...survivors.extraction,
    statements: [
      quote({ speaker: "Gul Ahmad", kind: "witness", quote: "We lost everything. Our house is gone." }),
    ],
  });
  const steps = stepsFor(table, ["web", "slack"]);
  for (const [i, a] of interleave(articles).entries())
    ingestDraft(store, a.draft, steps, { now: new Date(Date.UTC(2025, 7, 17, 12, i)) });
  ingestDraft(store, SPEECH, steps, { now: new Date(Date.UTC(2025, 7, 18, 12)) });
});
afterAll(() => cleanup());

interface Line {
  originator: string | null;
  count: number;
  qualifier: string;
  words: string;
  history: { count: number }[];
  citations: unknown[];
}
interface TollData {
  story: { name: string } | null;
  measures: {
    measure: string;
    headline: { count: number; originator: string | null; citations: number } | null;
    originators: Line[];
    groups: { group: string; originators: Line[] }[];
    disagreements: { values: number[]; kind: string }[];
  }[];
}

describe("/toll", () => {
  it("shows each originator's latest figure with its history; a later higher toll is an update, not an alert", () => {
    const r = runCommand(ctx(), "toll", { story: "Herat" });
    expect(r.ok).toBe(true);
    const data = r.data as TollData;
    expect(data.story?.name).toMatch(/Herat/);
    const killed = data.measures.find((m) => m.measure === "killed")!;
    const ministry = killed.originators.find((o) => o.originator === "Afghan disaster management ministry")!;
    expect(ministry.count).toBe(2053);
    expect(ministry.citations).toHaveLength(2);
    expect(ministry.history.map((h) => h.count)).toEqual([320]);
    const crescent = killed.originators.find((o) => o.originator === "Afghan Red Crescent Society")!;
    expect(crescent.words).toBe("at least 300");
    expect(killed.headline).toMatchObject({ count: 2053, originator: "Afghan disaster management ministry" });
    expect(killed.disagreements).toEqual([]);
    expect(
      r.blocks.some(
        (b) => b.kind === "heading" && /^2,053 killed — Afghan disaster management ministry/.test(b.text),
      ),
    ).toBe(true);
  });

  it("puts disagreeing originators side by side with the open disagreement, never an average", () => {
    const r = runCommand(ctx(), "toll", { story: "fasher" });
    const data = r.data as TollData;
    const killed = data.measures.find((m) => m.measure === "killed")!;
    expect(killed.originators.map((o) => [o.originator, o.words]).sort()).toEqual([
      ["North Darfur governor's office", "at least 400"],
      ["Sudan Doctors Network", "300"],
    ]);
    expect(killed.disagreements).toHaveLength(1);
    expect([...killed.disagreements[0]!.values].sort()).toEqual([300, 400]);
    expect(r.blocks.some((b) => b.kind === "alert")).toBe(true);
    expect(JSON.stringify(r.data)).not.toMatch(/\b350\b/);
  });

  it("defaults to the story with the newest figure", () => {
    const data = runCommand(ctx(), "toll", {}).data as TollData;
    expect(data.story?.name).toMatch(/Herat/);
  });

  it("answers an unknown story with an error reply, not an exception", () => {
    const r = runCommand(ctx(), "toll", { story: "no such place" });
    expect(r.ok).toBe(false);
    expect(r.title).toMatch(/No story matches/);
  });
});

interface WhoData {
  statements?: { speaker: string; quote: string; kind: string; role: string | null; url: string | null }[];
  speakers?: { speaker: string; statements: number }[];
}

describe("/who-said", () => {
  it("finds statements by speaker name or words, newest first, with role, kind and link", () => {
    const r = runCommand(ctx(), "who-said", { query: "Rubio" });
    const s = (r.data as WhoData).statements!;
    expect(s.map((x) => x.quote).sort()).toEqual([
      "Ceasefire talks will go on.",
      "We condemn the attack on the plant.",
    ]);
    expect(s[0]).toMatchObject({ speaker: "Marco Rubio", role: "US Secretary of State", kind: "official" });
    expect(s[0]!.url).toBe("https://example.org/zaporizhzhia");
    const words = (runCommand(ctx(), "who-said", { query: "house gone" }).data as WhoData).statements!;
    expect(words.map((x) => x.speaker)).toEqual(["Gul Ahmad"]);
  });

  it("filters by --speaker and --story", () => {
    const bySpeaker = (runCommand(ctx(), "who-said", { query: "act", speaker: "Zelensky" }).data as WhoData)
      .statements!;
    expect(bySpeaker.map((x) => x.speaker)).toEqual(["Volodymyr Zelensky"]);
    const inHerat = (runCommand(ctx(), "who-said", { speaker: "Rubio", story: "Herat" }).data as WhoData)
      .statements!;
    expect(inHerat).toEqual([]);
  });

  it("lists speakers with their statement counts when nothing is asked", () => {
    const speakers = (runCommand(ctx(), "who-said", {}).data as WhoData).speakers!;
    expect(speakers[0]).toMatchObject({ speaker: "Marco Rubio", statements: 2 });
    expect(speakers.map((s) => s.speaker).sort()).toEqual(["Gul Ahmad", "Marco Rubio", "Volodymyr Zelensky"]);
  });

  it("takes FTS syntax as plain words", () => {
    for (const q of [
      'Rubio" OR (',
      "NEAR(",
      "*",
      '"',
      "speaker:",
      "AND OR NOT",
      "^Rubio",
      "-",
      "(((",
      "Rubio*",
    ]) {
      const r = runCommand(ctx(), "who-said", { query: q });
      expect(r.ok).toBe(true);
    }
    const odd = (runCommand(ctx(), "who-said", { query: 'Rubio" OR (' }).data as WhoData).statements!;
    expect(odd.every((s) => s.speaker === "Marco Rubio")).toBe(true);
  });

  it("never fails whatever is typed", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 })),
        fc.option(fc.string({ unit: "grapheme", maxLength: 20 })),
        (q, speaker) => {
          const r = runCommand(ctx(), "who-said", { query: q, ...(speaker === null ? {} : { speaker }) });
          expect(r.ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("/alerts, /stories, /sources", () => {
  it("lists alerts with the payload fields; delivered old ones only with --all", () => {
    const fields = ["created_at", "figures", "group", "id", "kind", "measure", "story", "summary", "values"];
    const recent = (runCommand(ctx(), "alerts", {}).data as { alerts: Record<string, unknown>[] }).alerts;
    expect(recent).toHaveLength(2);
    expect(Object.keys(recent[0]!).sort()).toEqual(fields);
    const later = { store, now: new Date(Date.UTC(2025, 9, 1)) };
    // a month later they still show while a delivery is pending
    expect((runCommand(later, "alerts", {}).data as { alerts: unknown[] }).alerts).toHaveLength(2);
    const first = listAlerts(store, { all: true })[0]!;
    for (const d of listDeliveries(store, first.id)) markDelivered(store, d.id, now);
    expect((runCommand(later, "alerts", {}).data as { alerts: unknown[] }).alerts).toHaveLength(1);
    expect((runCommand(later, "alerts", { all: "" }).data as { alerts: unknown[] }).alerts).toHaveLength(2);
  });

  it("lists the stories", () => {
    const list = (runCommand(ctx(), "stories", {}).data as { stories: { name: string; articles: number }[] })
      .stories;
    expect(list).toHaveLength(4);
    expect(list.map((s) => s.articles).sort()).toEqual([1, 3, 3, 3]);
  });

  it("lists originators with aliases and figure history", () => {
    const r = runCommand(ctx(), "sources", { story: "Khyber" });
    const o = (r.data as { originators: { name: string; aliases: string[]; figures: { count: number }[] }[] })
      .originators;
    const ndma = o.find((x) => x.name === "National Disaster Management Authority")!;
    expect(ndma.aliases).toContain("NDMA");
    expect(ndma.figures.map((f) => f.count)).toEqual([320]);
    expect(o.map((x) => x.name)).not.toContain("Sudan Doctors Network");
  });
});
