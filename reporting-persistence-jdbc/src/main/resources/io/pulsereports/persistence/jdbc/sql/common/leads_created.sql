-- Leads created in the period, by local creation date and current status.
-- {segments}: one leads_created_segment per UTC offset segment, joined with UNION ALL.
SELECT local_date, lead_status, count(*) AS n
FROM (
{segments}
) segments
GROUP BY local_date, lead_status
ORDER BY local_date, lead_status
