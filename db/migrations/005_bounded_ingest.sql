-- tollwatch schema v5: every per-article query of the ingest path and of /toll is indexed and
-- bounded, however large the archive grows (docs/adr/0006-latest-figures-and-bounded-ingest.md).

-- the news day of an article (days since 1970-01-01 of its published date, else of its ingest
-- time): story windows and "newest" are compared on it with an index instead of julianday() per row
ALTER TABLE articles ADD COLUMN day INTEGER;
UPDATE articles SET day = coalesce(
  CAST(julianday(substr(published, 1, 10)) - 2440587.5 AS INTEGER),
  CAST(julianday(substr(ingested_at, 1, 10)) - 2440587.5 AS INTEGER));
CREATE INDEX articles_story_day ON articles(story_id, day);

ALTER TABLE figures ADD COLUMN day INTEGER;
UPDATE figures SET day = (SELECT a.day FROM articles a WHERE a.id = figures.article_id);
-- the story with the newest figure: read from the newest end of this index
CREATE INDEX figures_newest ON figures(day, id);
-- an originator's earlier figures of about the same value in a slot (a repeat citation); it also
-- serves every lookup by story, or story × measure × group, so the two shorter indexes go: every
-- figure written updates each index it is in
CREATE INDEX figures_slot_value ON figures(story_id, measure, grp, originator_id, count);
DROP INDEX figures_key;
DROP INDEX figures_story;

-- each originator's latest comparable figure per story × measure × group: what a new figure is
-- compared with
CREATE TABLE slot_latest (
  story_id      INTEGER NOT NULL,
  measure       TEXT NOT NULL,
  grp           TEXT NOT NULL,
  originator_id INTEGER NOT NULL,
  figure_id     INTEGER NOT NULL,
  PRIMARY KEY (story_id, measure, grp, originator_id)
) WITHOUT ROWID;
INSERT INTO slot_latest (story_id, measure, grp, originator_id, figure_id)
SELECT story_id, measure, grp, originator_id, id FROM (
  SELECT f.id, f.story_id, f.measure, f.grp, f.originator_id,
         row_number() OVER (PARTITION BY f.story_id, f.measure, f.grp, f.originator_id
                            ORDER BY substr(coalesce(f.published, ''), 1, 10) DESC, f.id DESC) AS nth
    FROM figures f
   WHERE f.story_id IS NOT NULL AND f.originator_id IS NOT NULL AND f.count IS NOT NULL
     AND f.superseded = 0
     AND NOT (f.range_role = 'high' AND f.low IS NOT NULL AND f.high IS NOT NULL AND f.low != f.high))
 WHERE nth = 1;

-- an inverted index of article terms by day: the candidate stories of a new article are found
-- from the terms it shares with recent articles, newest first, a bounded number per term
CREATE TABLE term_postings (
  term       TEXT NOT NULL,
  day        INTEGER NOT NULL,
  article_id INTEGER NOT NULL,
  -- the term's share of the article's distinctive weight (all shares of an article sum to 1)
  share      REAL NOT NULL,
  -- "p" a name or place, "e" an event word
  kind       TEXT NOT NULL,
  -- which day of the article this row is filed under: stories compare published dates when both
  -- articles have one, else ingest days. "B" published and ingested that day, "P" published that
  -- day (ingested another), "I" ingested that day (published another), "U" undated, ingested that day
  role       TEXT NOT NULL,
  PRIMARY KEY (term, day, article_id)
) WITHOUT ROWID;
-- how many articles hold each term per day, and how many articles each day has: how distinctive
-- a term is within a story window
CREATE TABLE term_days (
  term     TEXT NOT NULL,
  day      INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  PRIMARY KEY (term, day)
) WITHOUT ROWID;
CREATE TABLE news_days (
  day      INTEGER PRIMARY KEY,
  articles INTEGER NOT NULL
);

INSERT OR IGNORE INTO term_postings (term, day, article_id, share, kind, role)
SELECT json_extract(j.value, '$[0]'), a.day, a.id,
       -- REAL: the weights are JSON integers, and integer division would make every share 0
       CAST(json_extract(j.value, '$[1]') AS REAL) / (SELECT sum(json_extract(k.value, '$[1]')) FROM json_each(t.terms) k),
       json_extract(j.value, '$[3]'),
       CASE WHEN a.published IS NULL OR CAST(julianday(substr(a.published, 1, 10)) AS INTEGER) IS NULL THEN 'U'
            WHEN a.day = CAST(julianday(substr(a.ingested_at, 1, 10)) - 2440587.5 AS INTEGER) THEN 'B'
            ELSE 'P' END
  FROM articles a JOIN article_terms t ON t.article_id = a.id, json_each(t.terms) j
 WHERE a.day IS NOT NULL;
INSERT OR IGNORE INTO term_postings (term, day, article_id, share, kind, role)
SELECT p.term, CAST(julianday(substr(a.ingested_at, 1, 10)) - 2440587.5 AS INTEGER), p.article_id, p.share, p.kind, 'I'
  FROM term_postings p JOIN articles a ON a.id = p.article_id
 WHERE p.role = 'P';
INSERT INTO term_days (term, day, articles)
SELECT term, day, count(*) FROM term_postings WHERE role != 'I' GROUP BY term, day;
INSERT INTO news_days (day, articles)
SELECT a.day, count(*) FROM articles a JOIN article_terms t ON t.article_id = a.id
 WHERE a.day IS NOT NULL GROUP BY a.day;
