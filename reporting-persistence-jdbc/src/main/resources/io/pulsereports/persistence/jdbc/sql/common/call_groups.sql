-- Calls of a period that spans several UTC offsets: the segments (call_groups_segment, each
-- grouped) joined with UNION ALL and summed, since a local hour can occur in two segments
-- (fall-back day). A period with one offset runs its one segment alone.
-- {groups}: empty for one scope, "gym_id, branch_id, " for every branch at once.
SELECT {groups}local_date, local_hour, user_id, status, outcome,
       CAST(sum(calls) AS bigint) AS calls,
       CAST(sum(duration_seconds) AS bigint) AS duration_seconds,
       CAST(sum(calls_with_duration) AS bigint) AS calls_with_duration
FROM (
{segments}
) segments
GROUP BY {groups}local_date, local_hour, user_id, status, outcome
