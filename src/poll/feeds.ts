// Feed polling: conditional GET, new items through the normal pipeline, backoff on failure, a feed
// disabled after 10 failures in a row (said so in the channel), one digest for a feed's first read.
import { formatError, type Result } from "../core/result.js";
import type { ArticleDraft } from "../core/types.js";
import { decodeText, looksLikeFeed } from "../ingest/decode.js";
import { canonicalUrl } from "../ingest/keys.js";
import { ingestDraft } from "../ingest/pipeline.js";
import { readInput } from "../ingest/read.js";
import {
  articleUrlKnown,
  countAlertsForArticles,
  dueFeeds,
  type FeedRow,
  recordFeedFailure,
  recordFeedSuccess,
} from "../store/feeds.js";
import { clock, type FetchFn, type PollDeps, pipelineFor, postNotice } from "./deps.js";

export const FIRST_BACKOFF_MS = 5 * 60_000;
export const MAX_BACKOFF_MS = 6 * 60 * 60_000;
export const DISABLE_AFTER_FAILURES = 10;

/** Wait before the next poll after `failures` failures in a row (1 → 5 min, doubling, capped at 6 h). */
export function feedBackoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
}

export interface FeedPollResult {
  feedId: number;
  url: string;
  status: "not-modified" | "read" | "failed" | "disabled";
  /** Articles stored by this poll. */
  added: number;
  duplicates: number;
  /** The first successful read of the feed: one digest was posted instead of per-article alerts. */
  digest: boolean;
  error?: string;
}

async function defaultFetch(): Promise<FetchFn> {
  return (await import("../ingest/fetch.js")).fetchUrl;
}

async function readItems(
  deps: PollDeps,
  feed: FeedRow,
  body: Buffer,
  contentType: string | null,
): Promise<Result<{ drafts: ArticleDraft[]; title: string | null }>> {
  const decoded = decodeText(body, contentType);
  if (!decoded.ok) return decoded;
  const text = decoded.value.text;
  if (!looksLikeFeed(text))
    return {
      ok: false,
      error: { code: "not-a-feed", message: "the address did not answer with an RSS or Atom feed" },
    };
  const { readFeed } = await import("../ingest/feed.js");
  const readOpts = {
    allowPrivate: deps.allowPrivate,
    ...(deps.fetchTimeoutMs ? { timeoutMs: deps.fetchTimeoutMs } : {}),
  };
  const read = await readFeed(text, {
    source: { url: feed.url, file: null },
    // an item already stored is not fetched again on every poll
    fetchPage: async (url) => {
      const key = canonicalUrl(url);
      if (key && articleUrlKnown(deps.store, key))
        return { ok: false, error: { code: "known", message: "already stored" } };
      return readInput({ kind: "url", value: url }, readOpts);
    },
    onWarning: (m) => {
      if (!m.includes("already stored")) deps.log?.warn({ feed: feed.url }, m);
    },
  });
  if (!read.ok) {
    // every item already stored: nothing new, not a failure
    if (read.error.message.includes("already stored"))
      return { ok: true, value: { drafts: [], title: null } };
    return read;
  }
  const title = /<title[^>]*>\s*(?:<!\[CDATA\[)?([^<\]]{1,200})/i.exec(text)?.[1]?.trim() ?? null;
  return { ok: true, value: { drafts: read.value, title } };
}

/** Polls one feed now, whatever its schedule. */
export async function pollFeed(deps: PollDeps, feed: FeedRow): Promise<FeedPollResult> {
  const fetch = deps.fetch ?? (await defaultFetch());
  const result: FeedPollResult = {
    feedId: feed.id,
    url: feed.url,
    status: "read",
    added: 0,
    duplicates: 0,
    digest: false,
  };
  const got = await fetch(feed.url, {
    allowPrivate: deps.allowPrivate,
    ifNoneMatch: feed.etag,
    ifModifiedSince: feed.last_modified,
    ...(deps.fetchTimeoutMs ? { timeoutMs: deps.fetchTimeoutMs } : {}),
  });
  let error: string | null = got.ok ? null : formatError(got.error);
  if (got.ok && got.value.status === 304) {
    recordFeedSuccess(deps.store, feed.id, {
      etag: got.value.etag,
      lastModified: got.value.lastModified,
      now: clock(deps),
    });
    return { ...result, status: "not-modified" };
  }
  if (got.ok) {
    const items = await readItems(deps, feed, got.value.body, got.value.contentType);
    if (!items.ok) error = formatError(items.error);
    else {
      const first = feed.last_polled_at === null;
      // the first read of a feed stores its backlog without posting an alert per article (ADR 0004)
      const steps = pipelineFor(deps, first ? [] : deps.destinations());
      const newIds: number[] = [];
      for (const draft of items.value.drafts) {
        const out = ingestDraft(deps.store, draft, steps, { now: clock(deps) });
        if (out.status === "new") newIds.push(out.articleId);
        else result.duplicates++;
      }
      result.added = newIds.length;
      const title = items.value.title;
      recordFeedSuccess(deps.store, feed.id, {
        title,
        etag: got.value.etag,
        lastModified: got.value.lastModified,
        now: clock(deps),
      });
      if (first) {
        result.digest = true;
        const alerts = countAlertsForArticles(deps.store, newIds);
        const name = title ?? feed.url;
        const found =
          alerts === 0
            ? "no disagreement among them"
            : `${alerts} disagreement${alerts === 1 ? "" : "s"} recorded (see /alerts)`;
        postNotice(
          deps,
          `Now following ${name}: ${newIds.length} article${newIds.length === 1 ? "" : "s"} read on its first poll, ${found}. New articles will alert as they arrive.`,
          `feed|first|${feed.id}|${feed.added_at}`,
        );
      }
      return result;
    }
  }
  const failures = feed.failures + 1;
  const disable = failures >= DISABLE_AFTER_FAILURES;
  const now = clock(deps);
  recordFeedFailure(deps.store, feed.id, {
    error: error ?? "unknown error",
    now,
    nextPollAt: new Date(now.getTime() + feedBackoffMs(failures)),
    disable,
  });
  deps.log?.warn({ feed: feed.url, failures }, `feed poll failed: ${error}`);
  if (disable) {
    postNotice(
      deps,
      `Feed ${feed.title ?? feed.url} is disabled after ${failures} failed polls in a row (last error: ${error}). Re-enable it with /tollwatch feeds add ${feed.url}`,
      `feed|disabled|${feed.id}|${now.toISOString()}`,
    );
  }
  return { ...result, status: disable ? "disabled" : "failed", error: error ?? "unknown error" };
}

/** Polls every enabled feed that is due, one after another. */
export async function pollFeeds(deps: PollDeps): Promise<FeedPollResult[]> {
  const out: FeedPollResult[] = [];
  for (const feed of dueFeeds(deps.store, clock(deps))) {
    try {
      out.push(await pollFeed(deps, feed));
    } catch (e) {
      deps.log?.error({ feed: feed.url, err: e }, "feed poll crashed");
    }
  }
  return out;
}
