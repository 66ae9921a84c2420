-- Benchmark floor: users whose latest session before the end is before the start, the latest
-- first. Parameters: to, from, limit.
SELECT count(*) OVER () AS inactive, user_id, email, role, last_session
FROM (SELECT u.user_id, u.email, u.role,
             (SELECT max(s.started_at) FROM coaching_sessions s
               WHERE s.user_id = u.user_id AND s.started_at < ?) AS last_session
      FROM users u) latest
WHERE last_session < ?
ORDER BY last_session DESC, user_id
LIMIT ?
