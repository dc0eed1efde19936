-- tollwatch schema v4: indexes for lookups on the ingest path.

-- story names are compared case-insensitively (a new story's name must not clash with any)
CREATE INDEX stories_name_nocase ON stories(name COLLATE NOCASE);
