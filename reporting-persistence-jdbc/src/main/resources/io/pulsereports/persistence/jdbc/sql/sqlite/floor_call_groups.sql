-- Benchmark floor: calls by local date, hour, staff, status and outcome.
-- Parameters: offset modifier twice, {scope} ids, coarse from/to, exact from/to.
SELECT {groups}strftime('%Y-%m-%d', created_at, ?) AS local_date,
       CAST(strftime('%H', created_at, ?) AS INTEGER) AS local_hour,
       user_id, status, outcome,
       count(*) AS calls, coalesce(sum(duration), 0) AS duration_seconds, count(duration) AS calls_with_duration
FROM call_logs
WHERE {scope}created_at >= ? AND created_at < ? AND datetime(created_at) >= ? AND datetime(created_at) < ?
GROUP BY {groups}local_date, local_hour, user_id, status, outcome
