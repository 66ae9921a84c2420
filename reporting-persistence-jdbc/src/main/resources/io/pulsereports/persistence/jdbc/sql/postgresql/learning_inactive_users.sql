-- Users with a session before :to and none in [from, to): their latest session before :to is
-- before :from. Returns the count of all of them and the first :limit, newest last session first,
-- ties by user_id (code point); when none is listed, one row with the count alone.
--
-- Cost: one pass over users and, per user, one probe of the (user_id, started_at) index for the
-- latest start before :to (PostgreSQL turns max() into a backward index scan with LIMIT 1):
-- O(users x log sessions), never a scan of coaching_sessions. The CTEs are MATERIALIZED so that
-- the per-user probe runs once, not once per reference.
WITH last_sessions AS MATERIALIZED (
  SELECT CAST(u.user_id AS text) COLLATE "C" AS user_id,
         CAST(u.email AS text) AS email,
         coalesce(CAST(u.role AS text), 'unknown') AS role,
         (SELECT max(s.started_at)
            FROM coaching_sessions s
           WHERE s.user_id = u.user_id AND s.started_at < :to) AS last_session
  FROM users u
),
inactive AS MATERIALIZED (
  SELECT user_id, email, role, CAST(last_session AS timestamptz) AS last_session
  FROM last_sessions
  WHERE last_session < :from
)
SELECT total.inactive_count, listed.user_id, listed.email, listed.role, listed.last_session
FROM (SELECT count(*) AS inactive_count FROM inactive) total
LEFT JOIN (
  SELECT user_id, email, role, last_session
  FROM inactive
  ORDER BY last_session DESC, user_id
  LIMIT :limit
) listed ON true
ORDER BY listed.last_session DESC, listed.user_id
