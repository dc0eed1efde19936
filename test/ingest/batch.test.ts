// Bulk ingest: batches of articles in one transaction (each article in its own savepoint), and the
// stream that prepares the next batches on a worker thread while one is stored.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { article, ingestClock } from "../../bench/corpus.js";
import type { ArticleDraft } from "../../src/core/types.js";
import { defaultSteps } from "../../src/ingest/default-steps.js";
import {
  BATCH_MAX_ARTICLES,
  BATCH_MAX_CHARS,
  batchesOf,
  type IngestOutcome,
  ingestBatch,
  ingestDraft,
  ingestStream,
  type PipelineSteps,
} from "../../src/ingest/pipeline.js";
import { decodePrepared, encodePrepared, prepareDraft } from "../../src/ingest/prepare.js";
import { PreparePool } from "../../src/ingest/prepare-pool.js";
import { listAlerts } from "../../src/store/alerts.js";
import { countArticles, getArticleText, listArticles } from "../../src/store/articles.js";
import { Store } from "../../src/store/store.js";
import { listStories } from "../../src/store/stories.js";

const dirs: string[] = [];
const tmpDb = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "tw-batch-"));
  dirs.push(d);
  return path.join(d, "t.sqlite");
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const draft = (text: string): ArticleDraft => ({
  url: null,
  file: null,
  title: null,
  outlet: null,
  published: "2025-03-09",
  text,
});

const oneFigure = (text: string) => ({
  figures: [
    {
      count: 3,
      measure: "killed" as const,
      group: "total" as const,
      qualifier: "exact" as const,
      source: null,
      sourceSurface: null,
      text,
      start: 0,
      end: 5,
    },
  ],
  statements: [],
});

const corpusDrafts = (n: number) => Array.from({ length: n }, (_, i) => article(11, i, 2));

const rowCount = (store: Store, table: string) =>
  (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe("ingestBatch", () => {
  it("commits the articles before one that throws, rolls that one back whole, and rethrows", () => {
    const store = Store.open(tmpDb());
    const steps: PipelineSteps = {
      extract: (input) => oneFigure(input.text),
      reconcile: (_store, a) => {
        if (a.draft.text.startsWith("bad")) throw new Error("reconcile failed");
      },
    };
    const drafts = [draft("good one"), draft("good two"), draft("bad three"), draft("good four")];
    expect(() => ingestBatch(store, drafts, steps)).toThrow("reconcile failed");
    expect(listArticles(store).map((a) => getArticleText(store, a.id))).toEqual(["good two", "good one"]);
    // the failed article's figure went with it
    expect(rowCount(store, "figures")).toBe(2);
    expect(store.integrityCheck()).toBe("ok");
    // the rest goes in on a second run, the stored ones recognised
    const again = ingestBatch(
      store,
      drafts.filter((d) => !d.text.startsWith("bad")),
      steps,
    );
    expect(again.map((o) => o.status)).toEqual(["duplicate", "duplicate", "new"]);
    store.close();
  });

  it("recognises a copy inside the same batch", () => {
    const store = Store.open(tmpDb());
    const steps: PipelineSteps = { extract: (input) => oneFigure(input.text) };
    const out = ingestBatch(store, [draft("Five were killed."), draft("Five  were killed!")], steps);
    expect(out.map((o) => o.status)).toEqual(["new", "duplicate"]);
    expect(out[1]!.articleId).toBe(out[0]!.articleId);
    store.close();
  });

  it("stores what a prepared draft carries instead of extracting again", () => {
    const store = Store.open(tmpDb());
    const d = draft("At least 12 people were killed, the health ministry said.");
    const prepared = prepareDraft(d);
    const steps: PipelineSteps = {
      ...defaultSteps(),
      extract: () => {
        throw new Error("must not extract a prepared draft");
      },
    };
    const [out] = ingestBatch(store, [d], steps, {}, (i) => (i === 0 ? prepared : undefined));
    expect(out?.figures).toBe(prepared.extraction.figures.length);
    expect(out?.figures).toBeGreaterThan(0);
    store.close();
  });
});

describe("batchesOf", () => {
  const sizesOf = async (drafts: ArticleDraft[]) => {
    const sizes: number[] = [];
    for await (const b of batchesOf(drafts)) sizes.push(b.length);
    return sizes;
  };

  it("bounds a batch by articles and by characters, and never yields an empty one", async () => {
    const small = Array.from({ length: BATCH_MAX_ARTICLES * 2 + 3 }, (_, i) => draft(`article ${i}`));
    expect(await sizesOf(small)).toEqual([BATCH_MAX_ARTICLES, BATCH_MAX_ARTICLES, 3]);
    const big = "x".repeat(Math.ceil(BATCH_MAX_CHARS / 2.5));
    const sizes = await sizesOf([draft(big), draft(big), draft(big), draft("tiny")]);
    expect(sizes).toEqual([2, 2]);
    // a draft longer than a whole batch goes alone
    const huge = draft("y".repeat(BATCH_MAX_CHARS + 1));
    expect(await sizesOf([draft("a"), huge, draft("b")])).toEqual([1, 1, 1]);
    expect(await sizesOf([])).toEqual([]);
  });
});

describe("ingestStream", () => {
  it("stores with a worker thread exactly what one article at a time stores", async () => {
    const drafts = corpusDrafts(BATCH_MAX_ARTICLES + 40);
    const one = Store.open(tmpDb());
    const steps = defaultSteps();
    for (const d of drafts) ingestDraft(one, d, steps, { now: ingestClock(d) });
    const streamed = Store.open(tmpDb());
    const batches: number[] = [];
    const outcomes: IngestOutcome[] = [];
    await ingestStream(streamed, drafts, steps, {
      now: ingestClock,
      workers: 1,
      onBatch: (ds, outs) => {
        batches.push(ds.length);
        outcomes.push(...outs);
      },
    });
    expect(batches).toEqual([BATCH_MAX_ARTICLES, 40]);
    expect(outcomes.every((o) => o.status === "new")).toBe(true);
    const dump = (s: Store) => ({
      figures: s.db.prepare("SELECT * FROM figures ORDER BY id").all(),
      statements: s.db.prepare("SELECT * FROM statements ORDER BY id").all(),
      stories: listStories(s).map((x) => x.name),
      alerts: listAlerts(s, { all: true, limit: 100_000 }),
    });
    const expected = dump(one);
    expect(expected.figures.length).toBeGreaterThan(0);
    expect(expected.alerts.length).toBeGreaterThan(0);
    expect(dump(streamed)).toEqual(expected);
    one.close();
    streamed.close();
  });

  it("runs a test double's extractor on this thread, whatever workers are asked for", async () => {
    const store = Store.open(tmpDb());
    const seen: string[] = [];
    const steps: PipelineSteps = {
      extract: (input) => {
        seen.push(input.text);
        return oneFigure(input.text);
      },
    };
    await ingestStream(store, [draft("one"), draft("two")], steps, { workers: 2 });
    expect(seen).toEqual(["one", "two"]);
    expect(countArticles(store)).toBe(2);
    store.close();
  });

  it("stops at an article neither a worker nor this thread can prepare, keeping the batches before it", async () => {
    const store = Store.open(tmpDb());
    const good = corpusDrafts(BATCH_MAX_ARTICLES);
    // a draft whose text is not a string cannot be prepared: the worker answers with the error, the
    // batch is prepared again on this thread, which throws at that article
    const broken = { ...draft("x"), text: 42 } as unknown as ArticleDraft;
    const stream = ingestStream(store, [...good, broken, draft("after")], defaultSteps(), {
      now: ingestClock,
      workers: 1,
    });
    await expect(stream).rejects.toThrow();
    expect(countArticles(store)).toBe(BATCH_MAX_ARTICLES);
    expect(store.integrityCheck()).toBe("ok");
    store.close();
  });
});

describe("PreparePool", () => {
  it("prepares on a worker exactly what this thread prepares, and refuses work once closed", async () => {
    const pool = new PreparePool(1);
    const drafts = corpusDrafts(5);
    expect((await pool.prepare(drafts)).map(decodePrepared)).toEqual(
      drafts.map((d) => decodePrepared(encodePrepared(prepareDraft(d)))),
    );
    // a batch it cannot prepare is refused with the reason; the next one is prepared as before
    const broken = { ...drafts[0]!, text: 42 } as unknown as ArticleDraft;
    await expect(pool.prepare([broken])).rejects.toThrow();
    expect(await pool.prepare(drafts.slice(0, 1))).toHaveLength(1);
    await pool.close();
    await expect(pool.prepare(drafts)).rejects.toThrow(/closed/);
  });

  it("replaces a worker that runs out of memory, and the batches after are prepared again", async () => {
    // a cap far below what extracting a 2 MB article takes
    const pool = new PreparePool(1, { oldGenerationMb: 16 });
    const base = corpusDrafts(1)[0]!;
    const huge = { ...base, text: base.text.repeat(Math.ceil(2_000_000 / base.text.length)) };
    await expect(pool.prepare([huge])).rejects.toThrow(/memory/i);
    const small = corpusDrafts(2);
    expect((await pool.prepare(small)).map(decodePrepared)).toEqual(
      small.map((d) => decodePrepared(encodePrepared(prepareDraft(d)))),
    );
    // workers that keep dying are replaced a few times, then the pool refuses at once (the stream
    // then prepares on its own thread)
    for (let death = 2; death <= 4; death++) await expect(pool.prepare([huge])).rejects.toThrow(/memory/i);
    await expect(pool.prepare(small)).rejects.toThrow(/no prepare worker/);
    await pool.close();
  });
});
