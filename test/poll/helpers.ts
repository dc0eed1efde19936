// A pipeline whose reconcile step raises one alert per article for the destinations it was built
// with, so the pollers' routing of alerts is visible whatever extraction finds.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PipelineSteps } from "../../src/ingest/pipeline.js";
import type { PollDeps } from "../../src/poll/deps.js";
import { insertAlert } from "../../src/store/alerts.js";
import { Store } from "../../src/store/store.js";

export function alertingSteps(destinations: readonly string[]): PipelineSteps {
  return {
    extract: () => ({ figures: [], statements: [] }),
    reconcile: (store, article, { now }) => {
      insertAlert(
        store,
        {
          kind: "disagreement",
          storyId: null,
          measure: "killed",
          group: "total",
          dedupeKey: `article|${article.id}`,
          values: [1, 2],
          figures: [],
          summary: `Alert for ${article.draft.title ?? article.id}`,
          articleId: article.id,
          createdAt: now.toISOString(),
        },
        destinations,
      );
    },
  };
}

export interface TestEnv {
  dir: string;
  store: Store;
  deps: PollDeps;
  clock: { now: Date };
  cleanup(): void;
}

export function testEnv(overrides: Partial<PollDeps> = {}): TestEnv {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tw-poll-"));
  const store = Store.open(path.join(dir, "t.sqlite"));
  const clock = { now: new Date("2025-03-09T12:00:00Z") };
  const deps: PollDeps = {
    store,
    destinations: () => ["web"],
    steps: alertingSteps,
    now: () => clock.now,
    allowPrivate: true,
    fetchTimeoutMs: 5_000,
    ...overrides,
  };
  return {
    dir,
    store,
    deps,
    clock,
    cleanup: () => {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A paragraph long enough that the reader keeps the item's own content. */
export const body = (topic: string) =>
  `${topic} was reported by officials on Sunday morning. `.repeat(3) +
  "Residents described long queues at the checkpoints and the roads out of the city were closed for most of the day. " +
  "Aid groups said they were still trying to reach the villages in the hills above the coast.";

export function rss(items: { title: string; link: string; text: string }[], title = "Test Wire"): string {
  const entries = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link><pubDate>Sun, 09 Mar 2025 10:00:00 GMT</pubDate><description><![CDATA[<p>${i.text}</p>]]></description></item>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>https://wire.example/</link><description>test</description>${entries}</channel></rss>`;
}
