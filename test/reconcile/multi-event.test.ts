// Three unrelated events on the same days (an earthquake, a conflict with disagreeing
// originators, a flood with disagreeing authorities): stories keep them apart, and alerts are
// raised only between figures of one event.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Extraction } from "../../src/core/types.js";
import { defaultSteps } from "../../src/ingest/default-steps.js";
import { ingestDraft } from "../../src/ingest/pipeline.js";
import { listAlerts, listDeliveries } from "../../src/store/alerts.js";
import type { Store } from "../../src/store/store.js";
import { listStories } from "../../src/store/stories.js";
import { type EventArticle, interleave, loadEventArticles } from "./events.js";
import { stepsFor, tempStore } from "./helpers.js";

let articles: EventArticle[] = [];
beforeAll(async () => {
  articles = await loadEventArticles();
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function ingestAll(
  order: EventArticle[],
  destinations?: string[],
): { store: Store; ids: Map<string, number> } {
  const { store, cleanup } = tempStore();
  cleanups.push(cleanup);
  const table = new Map<string, Extraction>(order.map((a) => [a.draft.text, a.extraction]));
  const steps = stepsFor(table, destinations);
  const ids = new Map<string, number>();
  order.forEach((a, i) => {
    const out = ingestDraft(store, a.draft, steps, { now: new Date(Date.UTC(2025, 7, 17, 12, i)) });
    ids.set(a.file, out.articleId);
  });
  return { store, ids };
}

/** Which event each stored article is about, by article id. */
const eventOf = (ids: Map<string, number>) => {
  const m = new Map<number, string>();
  for (const a of articles) m.set(ids.get(a.file)!, a.event);
  return m;
};

function storyOfArticle(store: Store, id: number): number | null {
  return (
    store.db.prepare("SELECT story_id FROM articles WHERE id = ?").get(id) as { story_id: number | null }
  ).story_id;
}

describe("several events in one database", () => {
  it("puts each event's articles in one story of its own", () => {
    const { store, ids } = ingestAll(interleave(articles));
    const events = eventOf(ids);
    const storyByEvent = new Map<string, Set<number | null>>();
    for (const [id, event] of events) {
      const set = storyByEvent.get(event) ?? new Set();
      set.add(storyOfArticle(store, id));
      storyByEvent.set(event, set);
    }
    for (const set of storyByEvent.values()) expect(set.size).toBe(1);
    const stories = [...storyByEvent.values()].map((s) => [...s][0]);
    expect(new Set(stories).size).toBe(3);
    expect(listStories(store)).toHaveLength(3);
  });

  it("raises exactly the two within-event disagreements, none across events", () => {
    const { store, ids } = ingestAll(interleave(articles));
    const events = eventOf(ids);
    const alerts = listAlerts(store, { all: true });
    const summary = alerts.map((a) => ({
      kind: a.kind,
      measure: a.measure,
      group: a.group,
      values: [...a.values].sort(),
    }));
    expect(summary).toEqual(
      expect.arrayContaining([
        { kind: "disagreement", measure: "killed", group: "total", values: [300, 400] },
        { kind: "disagreement", measure: "killed", group: "total", values: [307, 320] },
      ]),
    );
    expect(alerts).toHaveLength(2);
    // every figure of an alert comes from articles of one event
    for (const a of alerts) {
      const row = store.db.prepare("SELECT story_id FROM alerts WHERE id = ?").get(a.id) as {
        story_id: number;
      };
      const eventsOfStory = new Set(
        [...events].filter(([id]) => storyOfArticle(store, id) === row.story_id).map(([, e]) => e),
      );
      expect(eventsOfStory.size).toBe(1);
    }
    const byValues = new Map(alerts.map((a) => [[...a.values].sort().join("/"), a]));
    expect(
      byValues
        .get("300/400")!
        .figures.map((f) => f.originator)
        .sort(),
    ).toEqual(["North Darfur governor's office", "Sudan Doctors Network"]);
    expect(
      byValues
        .get("307/320")!
        .figures.map((f) => f.originator)
        .sort(),
    ).toEqual([
      "Khyber Pakhtunkhwa Provincial Disaster Management Authority",
      "National Disaster Management Authority",
    ]);
  });

  it("raises the same alerts whichever event comes first", () => {
    const key = (store: Store) =>
      listAlerts(store, { all: true })
        .map((a) => `${a.kind}:${a.measure}:${a.group}:${[...a.values].sort().join("/")}`)
        .sort();
    const inOrder = key(ingestAll(articles).store);
    const interleaved = key(ingestAll(interleave(articles)).store);
    const eventsReversed = key(
      ingestAll([...articles].sort((a, b) => (a.event === b.event ? 0 : a.event < b.event ? 1 : -1))).store,
    );
    expect(inOrder).toHaveLength(2);
    expect(interleaved).toEqual(inOrder);
    expect(eventsReversed).toEqual(inOrder);
  });

  it("would compare across events if the stories were one (the control)", () => {
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    const steps = stepsFor(new Map(articles.map((a) => [a.draft.text, a.extraction])));
    for (const a of interleave(articles)) ingestDraft(store, a.draft, steps, { story: "Everything" });
    expect(listStories(store).map((s) => s.name)).toEqual(["Everything"]);
    expect(listAlerts(store, { all: true }).length).toBeGreaterThan(2);
  });

  it("writes one pending delivery per destination with each alert", () => {
    const { store } = ingestAll(interleave(articles), ["web", "slack", "discord"]);
    const alerts = listAlerts(store, { all: true });
    expect(alerts).toHaveLength(2);
    for (const a of alerts) {
      const d = listDeliveries(store, a.id);
      expect(d.map((x) => x.destination).sort()).toEqual(["discord", "slack", "web"]);
      expect(d.every((x) => x.state === "pending")).toBe(true);
    }
  });

  it("keeps the events apart with the real extractor too (story matching does not need figures)", () => {
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    const steps = defaultSteps();
    const storyOf = new Map<string, number | null>();
    for (const [i, a] of interleave(articles).entries()) {
      const out = ingestDraft(store, a.draft, steps, { now: new Date(Date.UTC(2025, 7, 17, 12, i)) });
      storyOf.set(a.file, storyOfArticle(store, out.articleId));
    }
    for (const e of ["quake", "conflict", "flood"])
      expect(new Set(articles.filter((a) => a.event === e).map((a) => storyOf.get(a.file))).size).toBe(1);
    expect(new Set(storyOf.values()).size).toBe(3);
  });

  it("raises the within-event disagreements and nothing across events with the real extractor (depends on extraction)", () => {
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    const steps = defaultSteps();
    const ids = new Map<string, number>();
    for (const [i, a] of interleave(articles).entries())
      ids.set(
        a.file,
        ingestDraft(store, a.draft, steps, { now: new Date(Date.UTC(2025, 7, 17, 12, i)) }).articleId,
      );
    const events = eventOf(ids);
    const alerts = listAlerts(store, { all: true });
    for (const a of alerts) {
      const row = store.db.prepare("SELECT story_id FROM alerts WHERE id = ?").get(a.id) as {
        story_id: number;
      };
      const eventsOfStory = new Set(
        [...events].filter(([id]) => storyOfArticle(store, id) === row.story_id).map(([, e]) => e),
      );
      expect(eventsOfStory.size).toBe(1);
    }
    const values = alerts.map((a) => [...a.values].sort().join("/"));
    expect(values).toEqual(expect.arrayContaining(["300/400", "307/320"]));
  });
});
