-- Users with a conversion trigger in [from, to) whose offer was sent. offer_sent may be boolean,
-- integer or text in a user's table: true, 1, '1', 't' and 'true' (any case) count as sent.
SELECT DISTINCT CAST(user_id AS text) COLLATE "C" AS user_id
FROM conversion_triggers
WHERE triggered_at >= :from AND triggered_at < :to
  AND user_id IS NOT NULL
  AND lower(CAST(offer_sent AS text)) IN ('1', 't', 'true')
ORDER BY user_id
