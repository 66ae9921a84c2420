-- Leads created in a period that spans several UTC offsets: the segments (leads_created_segment,
-- each grouped) joined with UNION ALL and summed. A period with one offset runs its one segment
-- alone. {groups}: empty for one scope, "gym_id, branch_id, " for every branch at once.
SELECT {groups}local_date, lead_status, CAST(sum(n) AS bigint) AS n
FROM (
{segments}
) segments
GROUP BY {groups}local_date, lead_status
