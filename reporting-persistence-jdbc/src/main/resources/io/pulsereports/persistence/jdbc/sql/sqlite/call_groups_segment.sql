-- One UTC offset segment: [from, to) with local time = UTC + offset ('+N seconds').
-- The coarse text range on the raw column uses the index; datetime() compares exact instants.
SELECT gym_id, branch_id,
       strftime('%Y-%m-%d', created_at, :offset{seg}) AS local_date,
       CAST(strftime('%H', created_at, :offset{seg}) AS INTEGER) AS local_hour,
       user_id,
       coalesce(status, 'unknown') AS status,
       outcome,
       duration
FROM call_logs
WHERE {scope}
  AND created_at >= :coarseFrom{seg} AND created_at < :coarseTo{seg}
  AND datetime(created_at) >= :from{seg} AND datetime(created_at) < :to{seg}
