-- {filters} is a conjunction of bound-parameter conditions assembled by the adapter.
-- Oldest first: created_at, then id (instants are fixed-width UTC text on SQLite, so the text
-- order is the time order; ids are uuid on PostgreSQL and lower-case text on SQLite, which order
-- alike).
SELECT * FROM report_templates
WHERE {filters}
ORDER BY created_at, id
LIMIT :limit OFFSET :offset
