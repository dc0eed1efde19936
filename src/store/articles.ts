// Articles with their figures and statements.
import type { ArticleDraft, Extraction, Figure, Statement } from "../core/types.js";
import { prepared } from "./prepared.js";
import type { Store } from "./store.js";

export interface ArticleRow {
  id: number;
  url: string | null;
  file: string | null;
  canonical_key: string | null;
  content_hash: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  ingested_at: string;
  story_id: number | null;
}

export interface ArticleSummary extends ArticleRow {
  figures: number;
  statements: number;
}

export interface NewArticle extends ArticleDraft {
  canonicalKey: string | null;
  contentHash: string;
  ingestedAt: string;
  storyId?: number | null;
}

/** The article already stored under this canonical URL or content hash, if any. */
export function findDuplicate(
  store: Store,
  canonicalKey: string | null,
  contentHash: string,
): ArticleRow | undefined {
  return prepared(
    store,
    `SELECT id, url, file, canonical_key, content_hash, title, outlet, published, ingested_at, story_id
         FROM articles WHERE content_hash = ? OR (? IS NOT NULL AND canonical_key = ?) LIMIT 1`,
  ).get(contentHash, canonicalKey, canonicalKey) as ArticleRow | undefined;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date or datetime (its date part), or null. */
export function dayNumber(iso: string | null): number | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? null : Math.floor(t / DAY_MS);
}

/** An article's news day: its published date, else the day it was ingested. */
export function newsDay(published: string | null, ingestedAt: string): number | null {
  return dayNumber(published) ?? dayNumber(ingestedAt);
}

/** Inserts the article row only; call inside the article's transaction. */
export function insertArticle(store: Store, a: NewArticle): number {
  const info = prepared(
    store,
    `INSERT INTO articles (url, file, canonical_key, content_hash, title, outlet, published, ingested_at, text, story_id, day)
       VALUES (@url, @file, @canonicalKey, @contentHash, @title, @outlet, @published, @ingestedAt, @text, @storyId, @day)`,
  ).run({ ...a, storyId: a.storyId ?? null, day: newsDay(a.published, a.ingestedAt) });
  return Number(info.lastInsertRowid);
}

/** Puts an article, its figures and its statements into a story (an editor's merge or split). */
export function setArticleStory(store: Store, articleId: number, storyId: number): void {
  setArticleRowStory(store, articleId, storyId);
  prepared(store, "UPDATE figures SET story_id = ? WHERE article_id = ?").run(storyId, articleId);
  prepared(store, "UPDATE statements SET story_id = ? WHERE article_id = ?").run(storyId, articleId);
}

/** Sets the story of the article row only: on ingest, before its figures and statements are written. */
export function setArticleRowStory(store: Store, articleId: number, storyId: number): void {
  prepared(store, "UPDATE articles SET story_id = ? WHERE id = ?").run(storyId, articleId);
}

/** What is known of a figure before its row is written (see the pipeline's place step). */
export interface FigureResolution {
  originatorId: number | null;
  low: number | null;
  high: number | null;
}

/**
 * Inserts an article's figures, each with its story (the article's) and resolution; returns their
 * ids in order.
 */
export function insertFigures(
  store: Store,
  articleId: number,
  published: string | null,
  figures: Figure[],
  resolutions: readonly FigureResolution[] = [],
): number[] {
  const stmt = prepared(
    store,
    `INSERT INTO figures (article_id, story_id, originator_id, count, measure, grp, qualifier, low, high,
        source_surface, range_role, superseded, cumulative, text, start, end, published, day)
     VALUES (?, (SELECT story_id FROM articles WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
        (SELECT day FROM articles WHERE id = ?))`,
  );
  return figures.map((f, i) =>
    Number(
      stmt.run(
        articleId,
        articleId,
        resolutions[i]?.originatorId ?? null,
        f.count,
        f.measure,
        f.group,
        f.qualifier,
        resolutions[i]?.low ?? null,
        // an unbounded interval ("at least 1,000") is stored without its infinite end
        finiteOrNull(resolutions[i]?.high ?? null),
        f.sourceSurface ?? f.source,
        f.rangeRole ?? null,
        f.superseded ? 1 : 0,
        f.cumulative ? 1 : 0,
        f.text,
        f.start,
        f.end,
        published,
        articleId,
      ).lastInsertRowid,
    ),
  );
}

function finiteOrNull(x: number | null): number | null {
  return x === null || Number.isFinite(x) ? x : null;
}

export function insertStatements(
  store: Store,
  articleId: number,
  published: string | null,
  statements: Statement[],
): number[] {
  const stmt = prepared(
    store,
    `INSERT INTO statements (article_id, story_id, speaker, speaker_surface, role, quote, kind, text, start, end, published, day)
     VALUES (?, (SELECT story_id FROM articles WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT day FROM articles WHERE id = ?))`,
  );
  const count = prepared(
    store,
    `INSERT INTO speaker_counts (speaker, role, kind, statements, latest)
       VALUES (?, ?, ?, 1, (SELECT coalesce(published, ingested_at) FROM articles WHERE id = ?))
     ON CONFLICT (speaker) DO UPDATE SET
       statements = statements + 1,
       role = CASE WHEN role IS NULL OR excluded.role > role THEN coalesce(excluded.role, role) ELSE role END,
       kind = CASE WHEN kind IS NULL OR excluded.kind > kind THEN coalesce(excluded.kind, kind) ELSE kind END,
       latest = CASE WHEN latest IS NULL OR excluded.latest > latest THEN coalesce(excluded.latest, latest) ELSE latest END`,
  );
  // speakers' statement counts are kept with the statements (speaker_counts)
  for (const s of statements) if (s.speaker !== null) count.run(s.speaker, s.role, s.kind, articleId);
  return statements.map((s) =>
    Number(
      stmt.run(
        articleId,
        articleId,
        s.speaker,
        s.speakerSurface,
        s.role,
        s.quote,
        s.kind,
        s.text,
        s.start,
        s.end,
        published,
        articleId,
      ).lastInsertRowid,
    ),
  );
}

export function countArticles(store: Store): number {
  return (prepared(store, "SELECT count(*) AS n FROM articles").get() as { n: number }).n;
}

export function listArticles(store: Store, limit = 1000): ArticleSummary[] {
  return prepared(
    store,
    `SELECT a.id, a.url, a.file, a.canonical_key, a.content_hash, a.title, a.outlet, a.published, a.ingested_at, a.story_id,
              (SELECT count(*) FROM figures f WHERE f.article_id = a.id) AS figures,
              (SELECT count(*) FROM statements s WHERE s.article_id = a.id) AS statements
         FROM articles a ORDER BY a.id DESC LIMIT ?`,
  ).all(limit) as ArticleSummary[];
}

export function getArticleText(store: Store, id: number): string | undefined {
  const row = prepared(store, "SELECT text FROM articles WHERE id = ?").get(id) as
    | { text: string }
    | undefined;
  return row?.text;
}

export type { Extraction };
