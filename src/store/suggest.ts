// Autocomplete for chat surfaces: story names and speakers starting with what the user typed.
import type { Store } from "./store.js";

/** Discord shows at most 25 choices. */
export const MAX_SUGGESTIONS = 25;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Story names (not merged away) starting with `prefix` or with a word starting with it; newest first. */
export function suggestStories(store: Store, prefix: string, limit = MAX_SUGGESTIONS): string[] {
  const p = likeEscape(prefix.trim());
  const rows = store.db
    .prepare(
      `SELECT s.name,
              (SELECT max(coalesce(a.published, a.ingested_at)) FROM articles a WHERE a.story_id = s.id) AS latest
         FROM stories s
        WHERE s.merged_into IS NULL
          AND (s.name LIKE @start ESCAPE '\\' OR s.name LIKE @word ESCAPE '\\')
        ORDER BY (s.name LIKE @start ESCAPE '\\') DESC, latest DESC, s.id DESC
        LIMIT @limit`,
    )
    .all({ start: `${p}%`, word: `% ${p}%`, limit: Math.min(limit, MAX_SUGGESTIONS) }) as { name: string }[];
  return rows.map((r) => r.name);
}

/** Speakers whose name (or a word of it: "Rub" → "Marco Rubio") starts with `prefix`; most quoted first. */
export function suggestSpeakers(store: Store, prefix: string, limit = MAX_SUGGESTIONS): string[] {
  const p = likeEscape(prefix.trim());
  const rows = store.db
    .prepare(
      `SELECT speaker, count(*) AS n FROM statements
        WHERE speaker IS NOT NULL AND speaker != ''
          AND (speaker LIKE @start ESCAPE '\\' OR speaker LIKE @word ESCAPE '\\')
        GROUP BY speaker
        ORDER BY (speaker LIKE @start ESCAPE '\\') DESC, n DESC, speaker
        LIMIT @limit`,
    )
    .all({ start: `${p}%`, word: `% ${p}%`, limit: Math.min(limit, MAX_SUGGESTIONS) }) as {
    speaker: string;
  }[];
  return rows.map((r) => r.speaker);
}
