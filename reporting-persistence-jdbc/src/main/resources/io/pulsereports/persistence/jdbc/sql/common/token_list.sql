-- Every token, oldest first: created_at, then id (instants are fixed-width UTC text on SQLite, so
-- the text order is the time order; ids are uuid on PostgreSQL and lower-case text on SQLite,
-- which order alike).
SELECT * FROM api_tokens ORDER BY created_at, id
