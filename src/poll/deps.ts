// What the pollers need from the runtime; every part can be replaced in tests.
import type pino from "pino";
import type { Result } from "../core/result.js";
import { defaultSteps } from "../ingest/default-steps.js";
import type { Fetched, FetchOptions } from "../ingest/fetch.js";
import type { PipelineSteps } from "../ingest/pipeline.js";
import { insertAlert } from "../store/alerts.js";
import type { Store } from "../store/store.js";

export type FetchFn = (url: string, opts: FetchOptions) => Promise<Result<Fetched>>;

export interface PollDeps {
  store: Store;
  /** Where new alerts go: the destinations running now. */
  destinations: () => readonly string[];
  /** The ingest pipeline for the given alert destinations; default: extraction and reconciliation. */
  steps?: (destinations: readonly string[]) => PipelineSteps;
  now?: () => Date;
  log?: pino.Logger;
  /** Allow loopback and private feed addresses (TOLLWATCH_ALLOW_PRIVATE_URLS). */
  allowPrivate: boolean;
  fetchTimeoutMs?: number;
  /** The guarded fetch; default src/ingest/fetch.ts. */
  fetch?: FetchFn;
}

export const pipelineFor = (deps: PollDeps, destinations: readonly string[]): PipelineSteps =>
  (deps.steps ?? defaultSteps)(destinations);

export const clock = (deps: PollDeps): Date => (deps.now ?? (() => new Date()))();

/** Posts a message (an alert of kind "feed") to the newsroom channel through the outbox. */
export function postNotice(deps: PollDeps, summary: string, dedupeKey: string): number | null {
  const now = clock(deps);
  return deps.store.transaction(() =>
    insertAlert(
      deps.store,
      {
        kind: "feed",
        storyId: null,
        measure: null,
        group: null,
        dedupeKey,
        values: [],
        figures: [],
        summary,
        articleId: null,
        createdAt: now.toISOString(),
      },
      deps.destinations(),
    ),
  );
}
