-- Calls in the period by local date, local hour, staff member, status and outcome.
-- {groups}: empty for one scope, "gym_id, branch_id, " for every branch at once.
-- {segments}: one call_groups_segment per UTC offset segment, joined with UNION ALL; a local
-- hour can occur in two segments (fall-back day), hence the single outer GROUP BY.
SELECT {groups}local_date, local_hour, user_id, status, outcome,
       count(*) AS calls,
       coalesce(sum(duration), 0) AS duration_seconds,
       count(duration) AS calls_with_duration
FROM (
{segments}
) segments
GROUP BY {groups}local_date, local_hour, user_id, status, outcome
ORDER BY {groups}local_date, local_hour, user_id, status, outcome
