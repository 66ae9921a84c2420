-- Every session started in [from, to) by a user whose role is 'free', NULL scores included: the
-- rows a conversion rule needs, read by a range scan of the window (no aggregation applies).
-- Ordered by user (code point), then newest first.
SELECT CAST(s.user_id AS text) COLLATE "C" AS user_id,
       CAST(u.email AS text) AS email,
       CAST(u.english_level AS text) AS english_level,
       CAST(s.session_id AS text) COLLATE "C" AS session_id,
       CAST(s.started_at AS timestamptz) AS started_at,
       -- through text: a real 8.1 is read as 8.1 (see learning_engagement.sql)
       CAST(CAST(s.confidence_score AS text) AS double precision) AS confidence_score
FROM coaching_sessions s
JOIN users u ON u.user_id = s.user_id
WHERE u.role = 'free'
  AND s.started_at >= :from AND s.started_at < :to
ORDER BY user_id, started_at DESC, session_id DESC
