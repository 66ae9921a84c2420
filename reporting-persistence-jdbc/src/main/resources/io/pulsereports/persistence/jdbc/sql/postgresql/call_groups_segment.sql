-- One UTC offset segment: [from, to) with local time = UTC + offset seconds.
-- Runs with SET LOCAL TIME ZONE 'UTC', so timestamptz and plain timestamp columns agree.
SELECT gym_id, branch_id,
       CAST(created_at + make_interval(secs => CAST(:offset{seg} AS double precision)) AS date) AS local_date,
       CAST(extract(hour FROM created_at + make_interval(secs => CAST(:offset{seg} AS double precision))) AS integer) AS local_hour,
       CAST(user_id AS text) AS user_id,
       coalesce(status, 'unknown') AS status,
       outcome,
       duration
FROM call_logs
WHERE {scope}
  AND created_at >= :from{seg} AND created_at < :to{seg}
