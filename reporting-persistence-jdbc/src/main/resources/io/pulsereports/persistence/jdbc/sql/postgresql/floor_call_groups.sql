-- Benchmark floor: calls by local date, hour, staff, status and outcome.
-- Parameters: zone twice, {scope} ids, from, to.
SELECT {groups}CAST(created_at AT TIME ZONE ? AS date) AS local_date,
       CAST(extract(hour FROM created_at AT TIME ZONE ?) AS integer) AS local_hour,
       user_id, status, outcome,
       count(*) AS calls, coalesce(sum(duration), 0) AS duration_seconds, count(duration) AS calls_with_duration
FROM call_logs
WHERE {scope}created_at >= ? AND created_at < ?
GROUP BY {groups}local_date, local_hour, user_id, status, outcome
