-- tollwatch schema v1. Applied once, recorded in schema_migrations.

CREATE TABLE stories (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  -- distinctive terms (JSON array) used to match new articles to the story
  terms       TEXT NOT NULL DEFAULT '[]',
  -- 1 when an editor named or forced it: automatic matching never renames it
  manual      INTEGER NOT NULL DEFAULT 0,
  merged_into INTEGER REFERENCES stories(id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  url           TEXT,
  file          TEXT,
  canonical_key TEXT UNIQUE,
  content_hash  TEXT NOT NULL UNIQUE,
  title         TEXT,
  outlet        TEXT,
  published     TEXT,
  ingested_at   TEXT NOT NULL,
  text          TEXT NOT NULL,
  story_id      INTEGER REFERENCES stories(id)
);
CREATE INDEX articles_story ON articles(story_id, published);
CREATE INDEX articles_ingested ON articles(ingested_at);

CREATE TABLE originators (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

-- every way an originator is written: acronyms, short forms, resolved descriptors
CREATE TABLE originator_aliases (
  alias_key     TEXT PRIMARY KEY,
  alias         TEXT NOT NULL,
  originator_id INTEGER NOT NULL REFERENCES originators(id) ON DELETE CASCADE
);
CREATE INDEX originator_aliases_originator ON originator_aliases(originator_id);

CREATE TABLE figures (
  id             INTEGER PRIMARY KEY,
  article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  story_id       INTEGER REFERENCES stories(id),
  originator_id  INTEGER REFERENCES originators(id),
  count          INTEGER,
  measure        TEXT NOT NULL,
  grp            TEXT NOT NULL,
  qualifier      TEXT NOT NULL,
  low            REAL,
  high           REAL,
  source_surface TEXT,
  range_role     TEXT,
  superseded     INTEGER NOT NULL DEFAULT 0,
  cumulative     INTEGER NOT NULL DEFAULT 0,
  text           TEXT NOT NULL,
  start          INTEGER NOT NULL,
  end            INTEGER NOT NULL,
  published      TEXT
);
CREATE INDEX figures_article ON figures(article_id);
CREATE INDEX figures_key ON figures(story_id, measure, grp, originator_id);

CREATE TABLE statements (
  id              INTEGER PRIMARY KEY,
  article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  story_id        INTEGER REFERENCES stories(id),
  speaker         TEXT,
  speaker_surface TEXT,
  role            TEXT,
  quote           TEXT NOT NULL,
  kind            TEXT NOT NULL,
  text            TEXT NOT NULL,
  start           INTEGER NOT NULL,
  end             INTEGER NOT NULL,
  published       TEXT
);
CREATE INDEX statements_article ON statements(article_id);
CREATE INDEX statements_story ON statements(story_id, published);
CREATE INDEX statements_speaker ON statements(speaker);

CREATE VIRTUAL TABLE statements_fts USING fts5(
  speaker, quote, content='statements', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
  INSERT INTO statements_fts(rowid, speaker, quote) VALUES (new.id, coalesce(new.speaker, ''), new.quote);
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
  INSERT INTO statements_fts(statements_fts, rowid, speaker, quote) VALUES ('delete', old.id, coalesce(old.speaker, ''), old.quote);
END;
CREATE TRIGGER statements_au AFTER UPDATE ON statements BEGIN
  INSERT INTO statements_fts(statements_fts, rowid, speaker, quote) VALUES ('delete', old.id, coalesce(old.speaker, ''), old.quote);
  INSERT INTO statements_fts(rowid, speaker, quote) VALUES (new.id, coalesce(new.speaker, ''), new.quote);
END;

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
END;

-- the outbox: an alert is written in the same transaction as the article that raised it
CREATE TABLE alerts (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL,            -- disagreement | revision | feed
  story_id   INTEGER REFERENCES stories(id),
  measure    TEXT,
  grp        TEXT,
  -- identifies what was alerted about, so a repeated citation never alerts twice
  dedupe_key TEXT NOT NULL UNIQUE,
  payload    TEXT NOT NULL,            -- JSON: values, figures with evidence, links
  article_id INTEGER REFERENCES articles(id),
  created_at TEXT NOT NULL
);
CREATE INDEX alerts_story ON alerts(story_id, created_at);

-- one row per alert and destination (web, slack, discord)
CREATE TABLE deliveries (
  id              INTEGER PRIMARY KEY,
  alert_id        INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  destination     TEXT NOT NULL,
  state           TEXT NOT NULL DEFAULT 'pending', -- pending | sent | failed
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error      TEXT,
  delivered_at    TEXT,
  UNIQUE (alert_id, destination)
);
CREATE INDEX deliveries_pending ON deliveries(state, next_attempt_at);

CREATE TABLE feeds (
  id               INTEGER PRIMARY KEY,
  url              TEXT NOT NULL UNIQUE,
  title            TEXT,
  etag             TEXT,
  last_modified    TEXT,
  failures         INTEGER NOT NULL DEFAULT 0,
  next_poll_at     TEXT,
  disabled         INTEGER NOT NULL DEFAULT 0,
  last_error       TEXT,
  last_polled_at   TEXT,
  added_at         TEXT NOT NULL
);
