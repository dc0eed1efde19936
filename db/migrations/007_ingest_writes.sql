-- tollwatch schema v7: fewer writes per ingested article (see docs/adr/0007).

-- The statements' full-text index holds only speaker and quote: re-index a statement when one of
-- those changes, not when it moves to another story (001's trigger did it on every update).
DROP TRIGGER statements_au;
CREATE TRIGGER statements_au AFTER UPDATE OF speaker, quote ON statements BEGIN
  INSERT INTO statements_fts(statements_fts, rowid, speaker, quote) VALUES ('delete', old.id, coalesce(old.speaker, ''), old.quote);
  INSERT INTO statements_fts(rowid, speaker, quote) VALUES (new.id, coalesce(new.speaker, ''), new.quote);
END;

-- The articles' full-text index was never queried (stories match through term_postings, /who-said
-- through statements_fts) and was the largest single write of an ingest: every word of every article.
DROP TRIGGER articles_ai;
DROP TRIGGER articles_ad;
DROP TRIGGER articles_au;
DROP TABLE articles_fts;
