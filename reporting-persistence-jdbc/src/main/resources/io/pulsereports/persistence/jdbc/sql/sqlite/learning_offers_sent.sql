-- Users with a conversion trigger in [from, to) whose offer was sent. offer_sent may hold 1,
-- '1', 't' or 'true' (any case) for true, as SQLite tables written by different clients do.
SELECT DISTINCT user_id COLLATE BINARY AS user_id
FROM conversion_triggers
WHERE triggered_at >= :coarseFrom AND triggered_at < :coarseTo
  AND datetime(triggered_at) >= :from AND datetime(triggered_at) < :to
  AND user_id IS NOT NULL
  AND lower(CAST(offer_sent AS TEXT)) IN ('1', 't', 'true')
ORDER BY 1
