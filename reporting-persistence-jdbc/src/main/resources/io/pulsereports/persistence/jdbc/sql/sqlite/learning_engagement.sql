-- Sessions that started in [from, to), by their user's role (NULL role: 'unknown'); sessions of
-- users absent from users are not counted. Sums and counts only: the calculator derives the means.
-- The coarse text range on the raw column uses the index; datetime() compares exact instants.
SELECT coalesce(u.role, 'unknown') COLLATE BINARY AS role,
       count(DISTINCT s.user_id) AS active_users,
       count(*) AS sessions,
       coalesce(sum(s.confidence_score), 0.0) AS confidence_sum,
       count(s.confidence_score) AS confidence_count,
       coalesce(sum(s.error_count), 0) AS error_count_sum,
       count(s.error_count) AS error_count_count
FROM coaching_sessions s
JOIN users u ON u.user_id = s.user_id
WHERE s.started_at >= :coarseFrom AND s.started_at < :coarseTo
  AND datetime(s.started_at) >= :from AND datetime(s.started_at) < :to
GROUP BY 1
ORDER BY 1
