-- tollwatch schema v8: /who-said reads matching statements newest first from an index, instead of
-- sorting every match (a common word matched 30,000 statements at 100k articles: ~200 ms a query).

-- a statement's news day, as its article's (published date, else the day it was ingested)
ALTER TABLE statements ADD COLUMN day INTEGER;
UPDATE statements SET day = (SELECT a.day FROM articles a WHERE a.id = statements.article_id);
CREATE INDEX statements_newest ON statements(day, id);
