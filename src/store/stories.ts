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

/**
 * Articles with a story within `days` of an article: by published dates when both have one,
 * else by ingest times (an undated article is taken to be news when it arrives).
 */
export function recentArticleTerms(
  store: Store,
  at: { published: string | null; ingestedAt: string },
  days: number,
  excludeArticleId: number,
  /** The newest articles of each story are enough to recognise it. */
  perStory = 25,
): { storyId: number; terms: Term[] }[] {
  return (
    prepared(
      store,
      `SELECT story_id, terms FROM (
           SELECT a.id, a.story_id, t.terms,
                  row_number() OVER (PARTITION BY a.story_id ORDER BY a.id DESC) AS nth
             FROM articles a
             JOIN article_terms t ON t.article_id = a.id
             JOIN stories s ON s.id = a.story_id AND s.merged_into IS NULL
            WHERE a.id != @exclude AND (
              (a.published IS NOT NULL AND @published IS NOT NULL
                 AND abs(julianday(substr(a.published, 1, 10)) - julianday(substr(@published, 1, 10))) <= @days)
              OR ((a.published IS NULL OR @published IS NULL)
                 AND abs(julianday(a.ingested_at) - julianday(@ingestedAt)) <= @days)))
          WHERE nth <= @perStory ORDER BY id`,
    ).all({
      exclude: excludeArticleId,
      published: at.published,
      ingestedAt: at.ingestedAt,
      days,
      perStory,
    }) as {
      story_id: number;
      terms: string;
    }[]
  ).map((r) => ({ storyId: r.story_id, terms: JSON.parse(r.terms) as Term[] }));
}

export function listStories(store: Store, includeMerged = false): StorySummary[] {
  const rows = prepared(
    store,
    `SELECT s.*,
              (SELECT count(*) FROM articles a WHERE a.story_id = s.id) AS articles,
              (SELECT count(*) FROM figures f WHERE f.story_id = s.id) AS figures,
              (SELECT count(*) FROM alerts l WHERE l.story_id = s.id) AS alerts,
              (SELECT max(coalesce(a.published, a.ingested_at)) FROM articles a WHERE a.story_id = s.id) AS latest
         FROM stories s ${includeMerged ? "" : "WHERE s.merged_into IS NULL"}
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

/** The story holding the newest figure (by article date, then storage order). */
export function storyWithNewestFigure(store: Store): StoryRow | undefined {
  const r = prepared(
    store,
    `SELECT f.story_id FROM figures f JOIN articles a ON a.id = f.article_id
        JOIN stories s ON s.id = f.story_id AND s.merged_into IS NULL
        ORDER BY substr(coalesce(f.published, a.ingested_at), 1, 10) DESC, f.id DESC LIMIT 1`,
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
  const all = listStories(store);
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
