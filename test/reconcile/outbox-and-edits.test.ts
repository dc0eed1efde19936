// The outbox (alert rows, deliveries, the dispatcher's functions, rollback) and editors' story
// corrections (rename, merge, split) re-running decisions without duplicate alerts.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Extraction } from "../../src/core/types.js";
import { ingestDraft } from "../../src/ingest/pipeline.js";
import { reconcileSteps, reconcileStory } from "../../src/reconcile/apply.js";
import { mergeStories, renameStoryByName, splitStory } from "../../src/reconcile/edit-stories.js";
import {
  getAlert,
  listAlerts,
  listDeliveries,
  markDelivered,
  markFailed,
  pendingDeliveries,
} from "../../src/store/alerts.js";
import { countArticles } from "../../src/store/articles.js";
import type { Store } from "../../src/store/store.js";
import { listStories, lookupStory, storyArticleIds } from "../../src/store/stories.js";
import { type EventArticle, interleave, loadEventArticles } from "./events.js";
import { draft, fig, stepsFor, tempStore } from "./helpers.js";

let articles: EventArticle[] = [];
beforeAll(async () => {
  articles = await loadEventArticles();
});
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function eventsDb(destinations = ["web", "slack", "discord"]): Store {
  const { store, cleanup } = tempStore();
  cleanups.push(cleanup);
  const steps = stepsFor(
    new Map<string, Extraction>(articles.map((a) => [a.draft.text, a.extraction])),
    destinations,
  );
  for (const a of interleave(articles))
    ingestDraft(store, a.draft, steps, { now: new Date("2025-08-17T12:00:00Z") });
  return store;
}

describe("outbox", () => {
  it("hands the dispatcher due deliveries per destination and records outcomes", () => {
    const store = eventsDb();
    const t0 = new Date("2025-08-17T12:00:00Z");
    const web = pendingDeliveries(store, "web", t0, 10);
    expect(web).toHaveLength(2);
    expect(web[0]!.alert).toEqual(getAlert(store, web[0]!.alertId));
    expect(web[0]!.alert.figures.length).toBeGreaterThanOrEqual(2);
    markDelivered(store, web[0]!.id, t0);
    const retryAt = new Date("2025-08-17T12:05:00Z");
    markFailed(store, web[1]!.id, retryAt, "429 rate limited");
    expect(pendingDeliveries(store, "web", t0)).toEqual([]);
    expect(pendingDeliveries(store, "web", retryAt).map((d) => d.id)).toEqual([web[1]!.id]);
    markFailed(store, web[1]!.id, null, "channel gone");
    expect(pendingDeliveries(store, "web", new Date("2030-01-01"))).toEqual([]);
    const rows = listDeliveries(store).filter((d) => d.destination === "web");
    expect(rows.map((d) => [d.state, d.attempts])).toEqual([
      ["sent", 1],
      ["failed", 2],
    ]);
    // other destinations are untouched
    expect(pendingDeliveries(store, "slack", t0)).toHaveLength(2);
  });

  it("writes nothing, alerts included, when the article's transaction fails after reconciling", () => {
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    const a = draft(
      "Fighting in Kordofan near El Obeid and Babanusa: the army counted its dead in Kordofan.",
    );
    const b = draft("Kordofan fighting near El Obeid and Babanusa: medics in Kordofan give another toll.");
    const table = new Map<string, Extraction>([
      [a.text, { figures: [fig({ count: 10, source: "Sudanese army" })], statements: [] }],
      [b.text, { figures: [fig({ count: 90, source: "Sudan Doctors Network" })], statements: [] }],
    ]);
    ingestDraft(store, a, stepsFor(table));
    const { place, reconcile } = reconcileSteps({ destinations: ["web"] });
    const failing = {
      extract: stepsFor(table).extract,
      place,
      reconcile: (...args: Parameters<typeof reconcile>) => {
        reconcile(...args);
        expect(listAlerts(store, { all: true })).toHaveLength(1); // raised inside the transaction
        throw new Error("crash after reconciling");
      },
    };
    expect(() => ingestDraft(store, b, failing)).toThrow(/crash/);
    expect(listAlerts(store, { all: true })).toEqual([]);
    expect(listDeliveries(store)).toEqual([]);
    expect(countArticles(store)).toBe(1);
    ingestDraft(store, b, stepsFor(table));
    expect(listAlerts(store, { all: true })).toHaveLength(1);
  });
});

describe("story corrections", () => {
  const now = new Date("2025-08-19T00:00:00Z");

  it("renames a story, marking it manual", () => {
    const store = eventsDb();
    const r = renameStoryByName(store, "Herat", "Herat earthquake", now);
    expect(r.ok).toBe(true);
    expect(lookupStory(store, "Herat earthquake")?.manual).toBe(true);
    expect(renameStoryByName(store, "no such story", "x", now).ok).toBe(false);
    expect(
      renameStoryByName(
        store,
        "Herat earthquake",
        listStories(store).find((s) => /Fasher/.test(s.name))!.name,
        now,
      ).ok,
    ).toBe(false);
  });

  it("merges two stories: articles move, old alerts keep one copy, new conflicts alert once", () => {
    const store = eventsDb();
    const before = listAlerts(store, { all: true });
    const quake = lookupStory(store, "Herat")!;
    const flood = lookupStory(store, "Khyber")!;
    const merged = mergeStories(store, quake.name, flood.name, ["web"], now);
    expect(merged.ok).toBe(true);
    expect(storyArticleIds(store, quake.id)).toHaveLength(6);
    expect(listStories(store)).toHaveLength(2);
    const after = listAlerts(store, { all: true });
    // the flood's 307/320 alert moved, not duplicated; comparing quake and flood figures raised new ones
    expect(after.filter((a) => [...a.values].sort().join("/") === "307/320")).toHaveLength(1);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.every((a) => a.story !== flood.name)).toBe(true);
    // running the decisions again raises nothing more; a merged story's name leads to the merged one
    expect(reconcileStory(store, quake.id, ["web"], now)).toEqual([]);
    expect(lookupStory(store, flood.name)?.id).toBe(quake.id);
  });

  it("merging two stories compares their latest figures once: a same-day conflict alerts once", () => {
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    const a = "Ministry count for the valley.";
    const b = "Monitor count for the valley.";
    const steps = stepsFor(
      new Map<string, Extraction>([
        [a, { figures: [fig({ count: 40, source: "Valley Health Ministry" })], statements: [] }],
        [b, { figures: [fig({ count: 95, source: "Valley Rights Monitor" })], statements: [] }],
      ]),
    );
    ingestDraft(store, draft(a, { published: "2025-05-02" }), steps, { story: "Valley north" });
    ingestDraft(store, draft(b, { published: "2025-05-02" }), steps, { story: "Valley south" });
    expect(listAlerts(store, { all: true })).toHaveLength(0);
    const merged = mergeStories(store, "Valley north", "Valley south", ["web"], now);
    expect(merged.ok && merged.value.alertIds).toHaveLength(1);
    expect(listAlerts(store, { all: true }).map((x) => [...x.values].sort((p, q) => p - q))).toEqual([
      [40, 95],
    ]);
    expect(reconcileStory(store, merged.ok ? merged.value.story.id : 0, ["web"], now)).toEqual([]);
  });

  it("splits articles out into a new story named by hand", () => {
    const store = eventsDb();
    const conflict = lookupStory(store, "Fasher")!;
    const ids = storyArticleIds(store, conflict.id);
    const r = splitStory(store, conflict.name, [ids[2]!], "Abu Shouk camp", ["web"], now);
    expect(r.ok).toBe(true);
    expect(storyArticleIds(store, conflict.id)).toEqual(ids.slice(0, 2));
    expect(lookupStory(store, "Abu Shouk camp")?.manual).toBe(true);
    expect(splitStory(store, conflict.name, [999], "Elsewhere", ["web"], now).ok).toBe(false);
    expect(splitStory(store, conflict.name, ids.slice(0, 2), "Everything", ["web"], now).ok).toBe(false);
  });

  it("puts an article into the story named on ingest, creating it once", () => {
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    const steps = stepsFor(new Map());
    ingestDraft(store, draft("One article about anything at all."), steps, { story: "Desk notes" });
    ingestDraft(store, draft("Another article, unrelated words."), steps, { story: "desk notes" });
    const list = listStories(store);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: "Desk notes", manual: true, articles: 2 });
  });
});
