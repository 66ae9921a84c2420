-- Every session started in [from, to) by a user whose role is 'free', NULL scores included: the
-- rows a conversion rule needs, read by a range scan of the window (no aggregation applies).
-- Ordered by user (code point), then newest first; started_at is returned as stored and read
-- exactly in Java.
SELECT s.user_id COLLATE BINARY AS user_id,
       u.email,
       u.english_level,
       s.session_id,
       s.started_at,
       s.confidence_score
FROM coaching_sessions s
JOIN users u ON u.user_id = s.user_id
WHERE u.role = 'free'
  AND s.started_at >= :coarseFrom AND s.started_at < :coarseTo
  AND datetime(s.started_at) >= :from AND datetime(s.started_at) < :to
ORDER BY 1, strftime('%Y-%m-%d %H:%M:%f', s.started_at) DESC, s.session_id COLLATE BINARY DESC
