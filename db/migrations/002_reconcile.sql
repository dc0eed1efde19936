-- tollwatch schema v2: what reconciliation needs beyond v1.

-- the distinctive terms of each article (JSON array of [term, weight]), used to match later
-- articles to its story without re-reading its text
CREATE TABLE article_terms (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  terms      TEXT NOT NULL
);

-- the outbox dispatcher asks for one destination's due deliveries
CREATE INDEX deliveries_destination ON deliveries(destination, state, next_attempt_at);
CREATE INDEX figures_story ON figures(story_id, measure, grp);
CREATE INDEX alerts_created ON alerts(created_at);
