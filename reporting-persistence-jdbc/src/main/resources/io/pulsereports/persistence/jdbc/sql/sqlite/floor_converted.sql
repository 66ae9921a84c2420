-- Benchmark floor: leads converted with updated_at in the period.
-- Parameters: {scope} ids, coarse from/to, exact from/to.
SELECT {groups}count(*) AS n
FROM leads
WHERE {scope}lead_status = 'converted'
  AND updated_at >= ? AND updated_at < ? AND datetime(updated_at) >= ? AND datetime(updated_at) < ?
{groupBy}
