-- Leads created in one UTC offset segment [from, to) (local time = UTC + offset, '+N seconds')
-- by local creation date and current status. {groups}: as in call_groups_segment.
-- The coarse text range on the raw column uses the index; datetime() compares exact instants.
SELECT {groups}strftime('%Y-%m-%d', created_at, :offset{seg}) AS local_date,
       coalesce(lead_status, 'unknown') AS lead_status,
       count(*) AS n
FROM leads
WHERE {scope}
  AND created_at >= :coarseFrom{seg} AND created_at < :coarseTo{seg}
  AND datetime(created_at) >= :from{seg} AND datetime(created_at) < :to{seg}
GROUP BY {groups}local_date, lead_status
