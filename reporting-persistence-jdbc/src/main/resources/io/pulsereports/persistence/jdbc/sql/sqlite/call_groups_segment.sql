-- Calls of one UTC offset segment [from, to) (local time = UTC + offset, '+N seconds') by local
-- date, local hour, staff member, status and outcome. {groups}: empty for one scope,
-- "gym_id, branch_id, " for every branch at once.
-- The coarse text range on the raw column uses the index; datetime() compares exact instants.
SELECT {groups}strftime('%Y-%m-%d', created_at, :offset{seg}) AS local_date,
       CAST(strftime('%H', created_at, :offset{seg}) AS INTEGER) AS local_hour,
       user_id,
       coalesce(status, 'unknown') AS status,
       outcome,
       count(*) AS calls,
       coalesce(sum(duration), 0) AS duration_seconds,
       count(duration) AS calls_with_duration
FROM call_logs
WHERE {scope}
  AND created_at >= :coarseFrom{seg} AND created_at < :coarseTo{seg}
  AND datetime(created_at) >= :from{seg} AND datetime(created_at) < :to{seg}
GROUP BY {groups}local_date, local_hour, user_id, status, outcome
