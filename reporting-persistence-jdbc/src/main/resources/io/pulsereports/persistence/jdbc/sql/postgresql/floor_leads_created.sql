-- Benchmark floor: the bare statement for leads created by local date and status.
-- Parameters: zone, {scope} ids, from, to.
SELECT {groups}CAST(created_at AT TIME ZONE ? AS date) AS local_date, lead_status, count(*) AS n
FROM leads
WHERE {scope}created_at >= ? AND created_at < ?
GROUP BY {groups}local_date, lead_status
