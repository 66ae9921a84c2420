-- Leads created in one UTC offset segment [from, to) (local time = UTC + offset seconds) by local
-- creation date and current status. {groups}: as in call_groups_segment.
-- Runs with SET LOCAL TIME ZONE 'UTC', so timestamptz and plain timestamp columns agree.
SELECT {groups}CAST(created_at + make_interval(secs => CAST(:offset{seg} AS double precision)) AS date) AS local_date,
       coalesce(lead_status, 'unknown') AS lead_status,
       count(*) AS n
FROM leads
WHERE {scope}
  AND created_at >= :from{seg} AND created_at < :to{seg}
GROUP BY {groups}local_date, lead_status
