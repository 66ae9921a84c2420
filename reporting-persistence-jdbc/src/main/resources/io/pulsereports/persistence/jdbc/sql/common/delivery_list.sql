-- {filters} is a conjunction of bound-parameter conditions assembled by the adapter.
SELECT * FROM report_deliveries
WHERE {filters}
ORDER BY created_at DESC, id
LIMIT :limit OFFSET :offset
