-- Sessions that started in [from, to), by their user's role (NULL role: 'unknown'); sessions of
-- users absent from users are not counted. Sums and counts only: the calculator derives the means.
-- Runs with SET LOCAL TIME ZONE 'UTC', so timestamptz and plain timestamp columns agree.
-- confidence_score is summed as double precision (sum(real) would add in single precision), each
-- value read through its text form: a real 8.1 is then 8.1, as psql and client drivers show it,
-- not the float4 8.100000381 (which would also be "> 8.1").
SELECT coalesce(CAST(u.role AS text), 'unknown') AS role,
       count(DISTINCT s.user_id) AS active_users,
       count(*) AS sessions,
       coalesce(sum(CAST(CAST(s.confidence_score AS text) AS double precision)), 0) AS confidence_sum,
       count(s.confidence_score) AS confidence_count,
       coalesce(sum(s.error_count), 0) AS error_count_sum,
       count(s.error_count) AS error_count_count
FROM coaching_sessions s
JOIN users u ON u.user_id = s.user_id
WHERE s.started_at >= :from AND s.started_at < :to
GROUP BY coalesce(CAST(u.role AS text), 'unknown')
ORDER BY coalesce(CAST(u.role AS text), 'unknown') COLLATE "C"
