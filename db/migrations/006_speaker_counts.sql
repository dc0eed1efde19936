-- tollwatch schema v6: /who-said with no query lists speakers by statement count from a table kept
-- up to date on ingest, instead of counting every statement of the archive on each request.

-- one row per speaker (case-insensitive, as the answer groups them): statements, the highest role
-- and kind seen (as max() over the statements gave), the newest date (published, else ingested)
CREATE TABLE speaker_counts (
  speaker    TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
  role       TEXT,
  kind       TEXT,
  statements INTEGER NOT NULL,
  latest     TEXT
) WITHOUT ROWID;
INSERT INTO speaker_counts (speaker, role, kind, statements, latest)
SELECT s.speaker, max(s.role), max(s.kind), count(*), max(coalesce(s.published, a.ingested_at))
  FROM statements s JOIN articles a ON a.id = s.article_id
 WHERE s.speaker IS NOT NULL
 GROUP BY s.speaker COLLATE NOCASE;

-- articles_story (story_id, published) serves every lookup of a story's articles
DROP INDEX articles_story_day;
