-- Benchmark floor: free users' sessions of the window. Parameters: coarse from/to, exact from/to.
SELECT s.user_id, u.email, u.english_level, s.session_id, s.started_at, s.confidence_score
FROM coaching_sessions s JOIN users u ON u.user_id = s.user_id
WHERE u.role = 'free'
  AND s.started_at >= ? AND s.started_at < ? AND datetime(s.started_at) >= ? AND datetime(s.started_at) < ?
