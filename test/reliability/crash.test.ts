// Crash safety: a child ingesting 2,000 articles into a file database is killed with SIGKILL at 20
// seeded points (each after it has reported a number of committed articles). After every kill the
// database must be intact, hold a whole prefix of the corpus (each article with exactly the figures and
// statements its extraction gives, and the alerts and deliveries a clean run has at that point), and a
// final uninterrupted run over the whole corpus must complete with no duplicates.
// Between kills the ingest restarts a little before the last committed article (as an operator re-running
// the batch would), so each restart also offers already-stored articles; the final run starts from 0.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { article, ingestClock, mix, rng } from "../../bench/corpus.js";
import type { Alert } from "../../src/core/alert.js";
import type { Extraction } from "../../src/core/types.js";
import { extract } from "../../src/extract/index.js";
import { defaultSteps } from "../../src/ingest/default-steps.js";
import { ingestDraft, type PipelineSteps } from "../../src/ingest/pipeline.js";
import { DEFAULT_DESTINATIONS } from "../../src/reconcile/apply.js";
import { getAlert, listAlerts, listDeliveries } from "../../src/store/alerts.js";
import { getArticleText, listArticles } from "../../src/store/articles.js";
import { Store } from "../../src/store/store.js";

const SEED = 20_251_123;
/** How far before the last stored article an intermediate restart begins. */
const OVERLAP = 40;
const COUNT = 2000;
const KILLS = 20;
// one event a day keeps the story-matching window small, so 2,000 articles fit a CI time budget
const EVENTS_PER_DAY = 1;
const CHILD = fileURLToPath(new URL("./crash-child.ts", import.meta.url));

const corpusArticle = (i: number) => article(SEED, i, EVENTS_PER_DAY);
const indexOf = (url: string | null) => Number(/-(\d+)$/.exec(url ?? "")?.[1] ?? Number.NaN);

let tmp: string;

/**
 * A clean, uninterrupted run, advanced on demand: its alerts in order, how many exist after article k,
 * and what extraction gives for each article.
 */
const reference = {
  store: undefined as Store | undefined,
  ingested: 0,
  nextAlertId: 1,
  alertsAfter: [0],
  /** What extraction gives for article i. */
  expected: new Map<number, { figures: number; statements: number }>(),
  current: { figures: [], statements: [] } as Extraction,
};

function expectedCounts(i: number): { figures: number; statements: number } {
  let counts = reference.expected.get(i);
  if (!counts) {
    const d = corpusArticle(i);
    const x = extract({ text: d.text, title: d.title, published: d.published });
    counts = { figures: x.figures.length, statements: x.statements.length };
    reference.expected.set(i, counts);
  }
  return counts;
}

function advanceReference(k: number): void {
  reference.store ??= Store.open(":memory:");
  // extraction is pure: the reference pipeline reuses the result computed here instead of extracting twice
  const steps: PipelineSteps = { ...defaultSteps(), extract: () => reference.current };
  while (reference.ingested < k) {
    const draft = corpusArticle(reference.ingested);
    reference.current = extract({ text: draft.text, title: draft.title, published: draft.published });
    reference.expected.set(reference.ingested, {
      figures: reference.current.figures.length,
      statements: reference.current.statements.length,
    });
    expect(ingestDraft(reference.store, draft, steps, { now: ingestClock(draft) }).status).toBe("new");
    while (getAlert(reference.store, reference.nextAlertId)) reference.nextAlertId++;
    reference.alertsAfter.push(reference.nextAlertId - 1);
    reference.ingested++;
  }
}

/** Compares alert lists pairwise, so a failure shows the first alert that differs, not 10,000 of them. */
function expectSameAlerts(actual: Alert[], wanted: Alert[]): void {
  const n = Math.max(actual.length, wanted.length);
  for (let i = 0; i < n; i++) {
    if (JSON.stringify(actual[i]) !== JSON.stringify(wanted[i]))
      expect({ index: i, alert: actual[i] }).toEqual({ index: i, alert: wanted[i] });
  }
  expect(actual.length).toBe(wanted.length);
}

/** The alerts a clean run holds after its first k articles. */
function referenceAlerts(k: number): Alert[] {
  advanceReference(k);
  return listAlerts(reference.store!, { all: true, limit: reference.alertsAfter[k]! });
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tw-crash-"));
});

afterAll(() => {
  reference.store?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/**
 * Runs the child over articles [from, COUNT); kills it with SIGKILL once it has reported `killAfter`
 * new articles (never, if null).
 */
function runChild(
  db: string,
  from: number,
  killAfter: number | null,
): Promise<{ newLines: number; dupLines: number; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", CHILD, db, String(SEED), String(from), String(COUNT), String(EVENTS_PER_DAY)],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    // this test does not depend on timing; the load tests that may run beside it do: yield the CPU
    // (the child and its extraction thread) to them
    if (child.pid !== undefined) os.setPriority(child.pid, 10);
    let newLines = 0;
    let dupLines = 0;
    let finished = false;
    let buf = "";
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      buf += d;
      let nl = buf.indexOf("\n");
      while (nl !== -1) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith("new ")) newLines++;
        if (line.startsWith("duplicate ")) dupLines++;
        if (line === "done") finished = true;
        if (killAfter !== null && newLines >= killAfter && child.exitCode === null) child.kill("SIGKILL");
        nl = buf.indexOf("\n");
      }
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (killAfter === null && code !== 0) reject(new Error(`child exited ${code}: ${stderr.slice(-2000)}`));
      else if (killAfter !== null && signal !== "SIGKILL" && !finished)
        reject(new Error(`child died on its own (${code ?? signal}): ${stderr.slice(-2000)}`));
      else resolve({ newLines, dupLines, finished });
    });
  });
}

/**
 * Checks the database after a crash; returns how many articles it holds. `compareAlerts`: against the
 * clean run (after a kill), else only that the alerts of the last check are still there, unchanged.
 */
function checkDatabase(
  db: string,
  previousAlerts: Alert[],
  compareAlerts: boolean,
): { k: number; alerts: Alert[] } {
  const store = Store.open(db);
  try {
    expect(store.integrityCheck()).toBe("ok");
    const articles = listArticles(store, 1_000_000).sort((a, b) => a.id - b.id);
    const k = articles.length;
    // ingest is sequential, so what survives is exactly the first k articles of the corpus, each once
    expect(articles.map((a) => indexOf(a.url))).toEqual(Array.from({ length: k }, (_, i) => i));
    for (const a of articles) {
      const i = indexOf(a.url);
      expect(getArticleText(store, a.id)).toBe(corpusArticle(i).text);
      expect({ i, figures: a.figures, statements: a.statements }).toEqual({ i, ...expectedCounts(i) });
    }
    const alerts = listAlerts(store, { all: true, limit: 1_000_000 });
    if (compareAlerts) expectSameAlerts(alerts, referenceAlerts(k));
    else expectSameAlerts(alerts.slice(0, previousAlerts.length), previousAlerts);
    // the outbox: one delivery row per alert and destination, written with the alert
    const deliveries = listDeliveries(store);
    expect(deliveries.length).toBe(alerts.length * DEFAULT_DESTINATIONS.length);
    expect(new Set(deliveries.map((d) => d.alert_id))).toEqual(new Set(alerts.map((a) => a.id)));
    return { k, alerts };
  } finally {
    store.close();
  }
}

describe("SIGKILL during ingest", () => {
  it("leaves every article whole or absent, and a re-run completes without duplicates", async () => {
    const db = path.join(tmp, "crash.sqlite");
    const r = rng(mix(SEED, 3, 0));
    let stored = 0;
    let alerts: Alert[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const killAfter = 1 + Math.floor(r() * 80);
      const run = await runChild(db, Math.max(0, stored - OVERLAP), killAfter);
      expect(run.finished).toBe(false);
      // the restart recognised every article it offered that was already stored
      expect(run.dupLines).toBe(Math.min(stored, OVERLAP));
      const now = checkDatabase(db, alerts, true);
      // committed articles are never lost: at least what the child reported is there
      expect(now.k).toBeGreaterThanOrEqual(stored + killAfter);
      stored = now.k;
      alerts = now.alerts;
    }
    expect(stored).toBeLessThan(COUNT);
    const last = await runChild(db, 0, null);
    expect(last.finished).toBe(true);
    expect(last.newLines).toBe(COUNT - stored);
    expect(last.dupLines).toBe(stored);
    // the rest went in without a crash; what matters here is that nothing earlier was lost or doubled
    expect(checkDatabase(db, alerts, false).k).toBe(COUNT);
    // generous: the pipeline ingests a few dozen of these articles a second today (see docs/RELIABILITY.md)
  }, 600_000);
});
