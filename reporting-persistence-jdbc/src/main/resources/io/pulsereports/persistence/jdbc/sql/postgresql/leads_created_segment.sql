-- One UTC offset segment: [from, to) with local time = UTC + offset seconds.
-- Runs with SET LOCAL TIME ZONE 'UTC', so timestamptz and plain timestamp columns agree.
SELECT gym_id, branch_id,
       CAST(created_at + make_interval(secs => CAST(:offset{seg} AS double precision)) AS date) AS local_date,
       coalesce(lead_status, 'unknown') AS lead_status
FROM leads
WHERE {scope}
  AND created_at >= :from{seg} AND created_at < :to{seg}
