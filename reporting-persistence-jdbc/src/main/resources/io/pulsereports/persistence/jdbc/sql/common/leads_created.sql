-- Leads created in the period, by local creation date and current status.
-- {groups}: empty for one scope, "gym_id, branch_id, " for every branch at once.
-- {segments}: one leads_created_segment per UTC offset segment, joined with UNION ALL.
SELECT {groups}local_date, lead_status, count(*) AS n
FROM (
{segments}
) segments
GROUP BY {groups}local_date, lead_status
ORDER BY {groups}local_date, lead_status
