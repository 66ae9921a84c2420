-- Benchmark floor: engagement by role. Parameters: coarse from/to, exact from/to.
SELECT u.role, count(DISTINCT s.user_id), count(*), sum(s.confidence_score), count(s.confidence_score),
       sum(s.error_count), count(s.error_count)
FROM coaching_sessions s JOIN users u ON u.user_id = s.user_id
WHERE s.started_at >= ? AND s.started_at < ? AND datetime(s.started_at) >= ? AND datetime(s.started_at) < ?
GROUP BY u.role
