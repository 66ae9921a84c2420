-- Benchmark floor: leads converted with updated_at in the period. Parameters: {scope} ids, from, to.
SELECT {groups}count(*) AS n
FROM leads
WHERE {scope}lead_status = 'converted' AND updated_at >= ? AND updated_at < ?
{groupBy}
