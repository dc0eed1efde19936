// Quoted statements: full-text search over speakers and quotes, speaker counts.
import type { StatementKind } from "../core/types.js";
import { prepared } from "./prepared.js";
import type { Store } from "./store.js";

export interface StatementView {
  id: number;
  articleId: number;
  storyId: number | null;
  story: string | null;
  speaker: string | null;
  role: string | null;
  quote: string;
  kind: StatementKind;
  text: string;
  published: string | null;
  outlet: string | null;
  url: string | null;
  file: string | null;
  title: string | null;
  ingestedAt: string;
}

/**
 * Turns whatever a user typed into an FTS5 query that cannot be a syntax error: every run of
 * letters and digits becomes a quoted prefix token, all of them required. Null when nothing is left.
 */
export function ftsQuery(text: string, column?: "speaker" | "quote"): string | null {
  const tokens = text
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 16);
  if (!tokens.length) return null;
  return tokens.map((t) => `${column ? `${column} : ` : ""}"${t.replace(/"/g, '""')}"*`).join(" AND ");
}

const SELECT = `SELECT s.id, s.article_id AS articleId, s.story_id AS storyId, st.name AS story, s.speaker, s.role,
       s.quote, s.kind, s.text, s.published, a.outlet, a.url, a.file, a.title, a.ingested_at AS ingestedAt
  FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN stories st ON st.id = s.story_id`;

export interface StatementSearch {
  /** Words to find in speakers and quotes. */
  query?: string;
  speaker?: string;
  storyId?: number;
  limit?: number;
}

/** Matching statements, newest first (their article's date, else the day it was ingested). */
export function searchStatements(store: Store, search: StatementSearch): StatementView[] {
  const clauses: string[] = [];
  const where: string[] = [];
  const params: (string | number)[] = [];
  const q = search.query ? ftsQuery(search.query) : null;
  if (q) clauses.push(`(${q})`);
  const sp = search.speaker ? ftsQuery(search.speaker, "speaker") : null;
  if (sp) clauses.push(`(${sp})`);
  if ((search.query && !q) || (search.speaker && !sp)) return [];
  if (clauses.length) {
    // within a story, its statements are found through the story index and sorted; across the
    // archive, the newest-first index is read until enough of them match (the unary + keeps SQLite
    // from driving the read by the matches instead, which sorted every one of them)
    const id = search.storyId === undefined ? "+s.id" : "s.id";
    where.push(`${id} IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)`);
    params.push(clauses.join(" AND "));
  }
  if (search.storyId !== undefined) {
    where.push("s.story_id = ?");
    params.push(search.storyId);
  }
  params.push(search.limit ?? 20);
  return prepared(
    store,
    `${SELECT} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY s.day DESC, s.id DESC LIMIT ?`,
  ).all(...params) as StatementView[];
}

export interface SpeakerCount {
  speaker: string;
  role: string | null;
  kind: StatementKind;
  statements: number;
  latest: string | null;
}

/** Speakers and how many statements each made, most first: from the kept counts, or a story's statements. */
export function speakerCounts(store: Store, storyId?: number, limit = 50): SpeakerCount[] {
  if (storyId === undefined)
    return prepared(
      store,
      `SELECT speaker, role, kind, statements, latest FROM speaker_counts
        ORDER BY statements DESC, latest DESC LIMIT ?`,
    ).all(limit) as SpeakerCount[];
  return prepared(
    store,
    `SELECT s.speaker, max(s.role) AS role, max(s.kind) AS kind, count(*) AS statements,
              max(coalesce(s.published, a.ingested_at)) AS latest
         FROM statements s JOIN articles a ON a.id = s.article_id
        WHERE s.speaker IS NOT NULL AND s.story_id = ?
        GROUP BY s.speaker COLLATE NOCASE ORDER BY statements DESC, latest DESC LIMIT ?`,
  ).all(storyId, limit) as SpeakerCount[];
}
