-- Benchmark floor: the bare statement for leads created by local date and status.
-- Parameters: offset modifier, {scope} ids, coarse from/to, exact from/to.
SELECT {groups}strftime('%Y-%m-%d', created_at, ?) AS local_date, lead_status, count(*) AS n
FROM leads
WHERE {scope}created_at >= ? AND created_at < ? AND datetime(created_at) >= ? AND datetime(created_at) < ?
GROUP BY {groups}local_date, lead_status
