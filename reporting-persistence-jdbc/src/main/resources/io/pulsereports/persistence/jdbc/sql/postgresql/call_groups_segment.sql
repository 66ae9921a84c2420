-- Calls of one UTC offset segment [from, to) (local time = UTC + offset seconds) by local date,
-- local hour, staff member, status and outcome. {groups}: empty for one scope,
-- "gym_id, branch_id, " for every branch at once.
-- Runs with SET LOCAL TIME ZONE 'UTC', so timestamptz and plain timestamp columns agree.
SELECT {groups}CAST(created_at + make_interval(secs => CAST(:offset{seg} AS double precision)) AS date) AS local_date,
       CAST(extract(hour FROM created_at + make_interval(secs => CAST(:offset{seg} AS double precision))) AS integer) AS local_hour,
       CAST(user_id AS text) AS user_id,
       coalesce(status, 'unknown') AS status,
       outcome,
       count(*) AS calls,
       coalesce(sum(duration), 0) AS duration_seconds,
       count(duration) AS calls_with_duration
FROM call_logs
WHERE {scope}
  AND created_at >= :from{seg} AND created_at < :to{seg}
GROUP BY {groups}local_date, local_hour, user_id, status, outcome
