// Stories and the terms their articles are matched on.
import type { Term } from "../reconcile/stories.js";
import { prepared } from "./prepared.js";
import type { Store } from "./store.js";

export interface StoryRow {
  id: number;
  name: string;
  terms: Term[];
  manual: boolean;
  merged_into: number | null;
  created_at: string;
  updated_at: string;
}

export interface StorySummary extends StoryRow {
  articles: number;
  figures: number;
  alerts: number;
  /** Newest article date (published, else ingest time). */
  latest: string | null;
}

interface RawStory {
  id: number;
  name: string;
  terms: string;
  manual: number;
  merged_into: number | null;
  created_at: string;
  updated_at: string;
}

const toStory = (r: RawStory): StoryRow => ({
  ...r,
  terms: JSON.parse(r.terms) as Term[],
  manual: r.manual === 1,
});

export function getStory(store: Store, id: number): StoryRow | undefined {
  const r = prepared(store, "SELECT * FROM stories WHERE id = ?").get(id) as RawStory | undefined;
  return r ? toStory(r) : undefined;
}

export function findStoryByName(store: Store, name: string): StoryRow | undefined {
  const r = prepared(store, "SELECT * FROM stories WHERE name = ? COLLATE NOCASE").get(name.trim()) as
    | RawStory
    | undefined;
  return r ? toStory(r) : undefined;
}

export function storyNameTaken(store: Store, name: string): boolean {
  return prepared(store, "SELECT 1 FROM stories WHERE name = ? COLLATE NOCASE").get(name) !== undefined;
}

export function createStory(store: Store, name: string, terms: Term[], manual: boolean, now: Date): number {
  const t = now.toISOString();
  return Number(
    prepared(
      store,
      "INSERT INTO stories (name, terms, manual, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
    ).run(name, JSON.stringify(terms), manual ? 1 : 0, t, t).lastInsertRowid,
  );
}

export function updateStoryTerms(store: Store, id: number, terms: Term[], now: Date): void {
  prepared(store, "UPDATE stories SET terms = ?, updated_at = ? WHERE id = ?").run(
    JSON.stringify(terms),
    now.toISOString(),
    id,
  );
}

export function renameStory(store: Store, id: number, name: string, now: Date): void {
  prepared(store, "UPDATE stories SET name = ?, manual = 1, updated_at = ? WHERE id = ?").run(
    name,
    now.toISOString(),
    id,
  );
}

export function markMerged(store: Store, id: number, intoId: number, now: Date): void {
  prepared(store, "UPDATE stories SET merged_into = ?, updated_at = ? WHERE id = ?").run(
    intoId,
    now.toISOString(),
    id,
  );
}

export function setArticleTerms(store: Store, articleId: number, terms: Term[]): void {
  prepared(store, "INSERT OR REPLACE INTO article_terms (article_id, terms) VALUES (?, ?)").run(
    articleId,
    JSON.stringify(terms),
  );
}

/** The stored terms of every article of a story. */
export function storyArticleTerms(store: Store, storyId: number): Term[][] {
  return (
    prepared(
      store,
      "SELECT t.terms FROM article_terms t JOIN articles a ON a.id = t.article_id WHERE a.story_id = ? ORDER BY a.id",
    ).all(storyId) as { terms: string }[]
  ).map((r) => JSON.parse(r.terms) as Term[]);
}

/** How many articles of the days [from, to] hold each term, and how many articles those days have. */
export function termDayCounts(
  store: Store,
  terms: readonly string[],
  fromDay: number,
  toDay: number,
): { articles: number; holding: Map<string, number> } {
  // all the terms in one statement (a JSON list): one query per term cost twice as much
  const rows = prepared(
    store,
    `SELECT json_each.value, coalesce((SELECT sum(articles) FROM term_days t
              WHERE t.term = json_each.value AND t.day BETWEEN ? AND ?), 0)
       FROM json_each(?)`,
  )
    .raw(true)
    .all(fromDay, toDay, JSON.stringify(terms)) as [string, number][];
  const holding = new Map<string, number>(rows);
  const articles = (
    prepared(store, "SELECT coalesce(sum(articles), 0) AS n FROM news_days WHERE day BETWEEN ? AND ?").get(
      fromDay,
      toDay,
    ) as { n: number }
  ).n;
  return { articles, holding };
}

export interface TermPosting {
  articleId: number;
  storyId: number;
  share: number;
}

/**
 * Which day an index row files an article under: "B" published and ingested that day, "P" published
 * that day (ingested another), "I" ingested that day (published another), "U" undated, ingested that day.
 */
export type PostingRole = "B" | "P" | "I" | "U";

/**
 * The newest articles filed under the days [from, to] in one of `roles` that hold a term, at most
 * `limit`, with their story (a merge moves every article, so an article's story is never a merged one).
 */
export function termPostings(
  store: Store,
  term: string,
  window: { from: number; to: number; roles: string },
  excludeArticleId: number,
  limit: number,
): TermPosting[] {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`bad postings limit ${limit}`);
  // the limit is written into the statement: bound as a parameter, SQLite plans this read several
  // times slower (measured; it runs a few times for every ingested article)
  const rows = prepared(
    store,
    `SELECT p.article_id, a.story_id, p.share
       FROM term_postings p JOIN articles a ON a.id = p.article_id
      WHERE p.term = ? AND p.day BETWEEN ? AND ? AND instr(?, p.role) > 0 AND p.article_id != ?
        AND a.story_id IS NOT NULL
      ORDER BY p.day DESC, p.article_id DESC LIMIT ${limit}`,
  )
    .raw(true)
    .all(term, window.from, window.to, window.roles, excludeArticleId) as [number, number, number][];
  return rows.map(([articleId, storyId, share]) => ({ articleId, storyId, share }));
}

/**
 * Records an article's terms in the inverted index under each of its days, and in the term counts
 * of the first (its news day).
 */
export function addTermPostings(
  store: Store,
  articleId: number,
  days: readonly { day: number; role: PostingRole }[],
  entries: readonly { term: string; share: number; kind: "p" | "e" }[],
): void {
  const posting = prepared(
    store,
    "INSERT OR IGNORE INTO term_postings (term, day, article_id, share, kind, role) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const count = prepared(
    store,
    `INSERT INTO term_days (term, day, articles) VALUES (?, ?, 1)
       ON CONFLICT (term, day) DO UPDATE SET articles = articles + 1`,
  );
  const [news, ...more] = days;
  if (news === undefined) return;
  const day = news.day;
  for (const e of entries) {
    if (posting.run(e.term, day, articleId, e.share, e.kind, news.role).changes) count.run(e.term, day);
    for (const d of more) posting.run(e.term, d.day, articleId, e.share, e.kind, d.role);
  }
  prepared(
    store,
    `INSERT INTO news_days (day, articles) VALUES (?, 1)
       ON CONFLICT (day) DO UPDATE SET articles = articles + 1`,
  ).run(day);
}

/**
 * Stories with their size, newest article first. With `recent`, only that many stories, the ones
 * most recently added to: their counts are all that is computed.
 */
export function listStories(store: Store, includeMerged = false, recent?: number): StorySummary[] {
  const from =
    recent === undefined
      ? `stories s ${includeMerged ? "" : "WHERE s.merged_into IS NULL"}`
      : `(SELECT * FROM stories ${includeMerged ? "" : "WHERE merged_into IS NULL"}
            ORDER BY updated_at DESC, id DESC LIMIT ${Math.max(0, Math.floor(recent))}) s`;
  const rows = prepared(
    store,
    `SELECT s.*,
              (SELECT count(*) FROM articles a WHERE a.story_id = s.id) AS articles,
              (SELECT count(*) FROM figures f WHERE f.story_id = s.id) AS figures,
              (SELECT count(*) FROM alerts l WHERE l.story_id = s.id) AS alerts,
              (SELECT max(coalesce(a.published, a.ingested_at)) FROM articles a WHERE a.story_id = s.id) AS latest
         FROM ${from}
        ORDER BY latest DESC, s.id DESC`,
  ).all() as (RawStory & { articles: number; figures: number; alerts: number; latest: string | null })[];
  return rows.map((r) => ({
    ...toStory(r),
    articles: r.articles,
    figures: r.figures,
    alerts: r.alerts,
    latest: r.latest,
  }));
}

/** The story holding the newest figure (by article day, then storage order): read from the newest end of an index. */
/** How many stories there are (not merged away). */
export function countStories(store: Store): number {
  return (
    prepared(store, "SELECT count(*) AS n FROM stories WHERE merged_into IS NULL").get() as { n: number }
  ).n;
}

export function storyWithNewestFigure(store: Store): StoryRow | undefined {
  const r = prepared(
    store,
    `SELECT f.story_id FROM figures f INDEXED BY figures_newest
        JOIN stories s ON s.id = f.story_id AND s.merged_into IS NULL
        ORDER BY f.day DESC, f.id DESC LIMIT 1`,
  ).get() as { story_id: number } | undefined;
  return r ? getStory(store, r.story_id) : undefined;
}

export function storyArticleIds(store: Store, storyId: number): number[] {
  return (
    prepared(store, "SELECT id FROM articles WHERE story_id = ? ORDER BY id").all(storyId) as {
      id: number;
    }[]
  ).map((r) => r.id);
}

export interface ArticleDates {
  id: number;
  published: string | null;
  ingested_at: string;
  story_id: number | null;
}

export function articleDates(store: Store, articleId: number): ArticleDates | undefined {
  return prepared(store, "SELECT id, published, ingested_at, story_id FROM articles WHERE id = ?").get(
    articleId,
  ) as ArticleDates | undefined;
}

const looseKey = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/**
 * The story a user means: its exact name, its id ("3" or "#3"), or the one story whose name
 * contains the words typed, or whose terms hold them all. A merged story leads to the story it was merged into.
 */
export function lookupStory(store: Store, text: string): StoryRow | undefined {
  const follow = (s: StoryRow | undefined, hops = 0): StoryRow | undefined =>
    s?.merged_into && hops < 10 ? follow(getStory(store, s.merged_into), hops + 1) : s;
  const exact = findStoryByName(store, text);
  if (exact) return follow(exact);
  const id = /^#?(\d+)$/.exec(text.trim());
  if (id) return follow(getStory(store, Number(id[1])));
  const key = looseKey(text);
  if (!key) return undefined;
  // names and terms only, most recently updated first: no per-story counts over the archive
  const all = (
    prepared(
      store,
      "SELECT * FROM stories WHERE merged_into IS NULL ORDER BY updated_at DESC, id DESC",
    ).all() as RawStory[]
  ).map(toStory);
  const byName = all.find((s) => looseKey(s.name).includes(key));
  if (byName) return byName;
  // "El Fasher" for "Fasher · Darfur": every word of three letters or more among the name and terms
  const words = key.split(" ").filter((w) => w.length >= 3);
  if (!words.length) return undefined;
  return all.find((s) => {
    const known = new Set([...looseKey(s.name).split(" "), ...s.terms.map((t) => looseKey(t[0]))]);
    return words.every((w) => known.has(w));
  });
}
