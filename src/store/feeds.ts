// Feeds the poller reads: conditional-GET validators, failure count and backoff, disabled state.
import type { Store } from "./store.js";

export interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  failures: number;
  next_poll_at: string | null;
  disabled: boolean;
  last_error: string | null;
  /** The last successful poll (a 304 included); null until the first one, which posts a digest. */
  last_polled_at: string | null;
  added_at: string;
}

type RawFeed = Omit<FeedRow, "disabled"> & { disabled: number };

const toFeed = (r: RawFeed): FeedRow => ({ ...r, disabled: r.disabled === 1 });

/** Adds a feed; returns it and whether it was new (adding a known URL again re-enables it). */
export function addFeed(store: Store, url: string, now: Date): { feed: FeedRow; added: boolean } {
  const info = store.db
    .prepare("INSERT OR IGNORE INTO feeds (url, added_at) VALUES (?, ?)")
    .run(url, now.toISOString());
  if (info.changes === 0)
    store.db
      .prepare(
        "UPDATE feeds SET disabled = 0, failures = 0, next_poll_at = NULL WHERE url = ? AND disabled = 1",
      )
      .run(url);
  return { feed: getFeedByUrl(store, url)!, added: info.changes > 0 };
}

export function getFeed(store: Store, id: number): FeedRow | undefined {
  const r = store.db.prepare("SELECT * FROM feeds WHERE id = ?").get(id) as RawFeed | undefined;
  return r ? toFeed(r) : undefined;
}

export function getFeedByUrl(store: Store, url: string): FeedRow | undefined {
  const r = store.db.prepare("SELECT * FROM feeds WHERE url = ?").get(url) as RawFeed | undefined;
  return r ? toFeed(r) : undefined;
}

export function listFeeds(store: Store): FeedRow[] {
  return (store.db.prepare("SELECT * FROM feeds ORDER BY id").all() as RawFeed[]).map(toFeed);
}

/** Removes a feed by URL or id; true when one was removed. Its articles stay. */
export function removeFeed(store: Store, urlOrId: string): boolean {
  const id = /^#?(\d+)$/.exec(urlOrId.trim());
  const info = id
    ? store.db.prepare("DELETE FROM feeds WHERE id = ?").run(Number(id[1]))
    : store.db.prepare("DELETE FROM feeds WHERE url = ?").run(urlOrId.trim());
  return info.changes > 0;
}

/** Enabled feeds whose next poll is due at `now`. */
export function dueFeeds(store: Store, now: Date): FeedRow[] {
  return (
    store.db
      .prepare(
        "SELECT * FROM feeds WHERE disabled = 0 AND (next_poll_at IS NULL OR next_poll_at <= ?) ORDER BY id",
      )
      .all(now.toISOString()) as RawFeed[]
  ).map(toFeed);
}

export interface FeedSuccess {
  title?: string | null;
  etag: string | null;
  lastModified: string | null;
  now: Date;
}

/** A poll that worked (a 304 included): failures reset, validators kept for the next conditional GET. */
export function recordFeedSuccess(store: Store, id: number, s: FeedSuccess): void {
  store.db
    .prepare(
      `UPDATE feeds SET failures = 0, last_error = NULL, next_poll_at = NULL, last_polled_at = @now,
              etag = coalesce(@etag, etag), last_modified = coalesce(@lastModified, last_modified),
              title = coalesce(@title, title)
        WHERE id = @id`,
    )
    .run({
      id,
      now: s.now.toISOString(),
      etag: s.etag,
      lastModified: s.lastModified,
      title: s.title ?? null,
    });
}

/** A failed poll: one more failure in a row, the next poll not before `nextPollAt`, or disabled. */
export function recordFeedFailure(
  store: Store,
  id: number,
  f: { error: string; now: Date; nextPollAt: Date; disable: boolean },
): void {
  store.db
    .prepare(
      `UPDATE feeds SET failures = failures + 1, last_error = @error, next_poll_at = @next, disabled = @disabled
        WHERE id = @id`,
    )
    .run({ id, error: f.error, next: f.nextPollAt.toISOString(), disabled: f.disable ? 1 : 0 });
}

/** How many alerts the given articles raised (the first poll of a feed reports it in its digest). */
export function countAlertsForArticles(store: Store, articleIds: number[]): number {
  if (!articleIds.length) return 0;
  const marks = articleIds.map(() => "?").join(",");
  return (
    store.db
      .prepare(`SELECT count(*) AS n FROM alerts WHERE article_id IN (${marks})`)
      .get(...articleIds) as {
      n: number;
    }
  ).n;
}

/** True when an article with this canonical URL is stored (the poller skips re-reading its page). */
export function articleUrlKnown(store: Store, canonicalKey: string): boolean {
  return store.db.prepare("SELECT 1 FROM articles WHERE canonical_key = ?").get(canonicalKey) !== undefined;
}
