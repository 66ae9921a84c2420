-- Users with a session before :to and none in [from, to): their latest session before :to is
-- before :from. Returns the count of all of them and the first :limit, newest last session first,
-- ties by user_id (code point); when none is listed, one row with the count alone.
--
-- The latest session must be found as an instant, and max() of the raw text is wrong when a
-- user's rows mix the ' ' and 'T' forms (or offset suffixes). So, per user, with index
-- (user_id, started_at):
--   1. the raw max among the rows surely before :to (text below :textBeforeTo, one day before the
--      UTC date of :to): one index probe;
--   2. the exact latest instant before :to among the rows whose text is at least that max's date
--      minus 3 days (no row with an older date can be later, whatever its form or offset) and
--      below :coarseTo: an index range of a few days of that user's sessions.
-- Cost: one pass over users and two index probes per user, O(users x log sessions), never a
-- scan of coaching_sessions. Text that is not an ISO-8601 timestamp is ignored. The CTEs are
-- MATERIALIZED so that the per-user probes run once, not once per reference.
WITH last_sessions AS MATERIALIZED (
  SELECT u.user_id COLLATE BINARY AS user_id,
         u.email,
         coalesce(u.role, 'unknown') AS role,
         (SELECT s.started_at
            FROM coaching_sessions s
           WHERE s.user_id = u.user_id
             AND s.started_at >= coalesce(
                   (SELECT date(max(p.started_at), '-3 days')
                      FROM coaching_sessions p
                     WHERE p.user_id = u.user_id AND p.started_at < :textBeforeTo),
                   :textBeforeTo)
             AND s.started_at < :coarseTo
             AND datetime(s.started_at) < :to
           ORDER BY strftime('%Y-%m-%d %H:%M:%f', s.started_at) DESC
           LIMIT 1) AS last_session
  FROM users u
),
inactive AS MATERIALIZED (
  SELECT user_id, email, role, last_session,
         strftime('%Y-%m-%d %H:%M:%f', last_session) AS last_instant
  FROM last_sessions
  WHERE datetime(last_session) < :from
)
SELECT total.inactive_count, listed.user_id, listed.email, listed.role, listed.last_session
FROM (SELECT count(*) AS inactive_count FROM inactive) AS total
LEFT JOIN (
  SELECT user_id, email, role, last_session, last_instant
  FROM inactive
  ORDER BY last_instant DESC, user_id
  LIMIT :limit
) AS listed ON 1 = 1
ORDER BY listed.last_instant DESC, listed.user_id
