-- The triggers of :triggerType whose triggered_at is in [from, to), by user (code point), sent
-- ones first (offer_sent as 1/0: 1, '1', 't' and 'true' in any case count as sent), then oldest
-- first. Rows without an id or a user are not Pulse Reports' to handle and are left out.
SELECT CAST(trigger_id AS TEXT) AS trigger_id,
       user_id COLLATE BINARY AS user_id,
       trigger_type,
       conditions_met,
       confidence_scores,
       triggered_at,
       CASE WHEN lower(CAST(offer_sent AS TEXT)) IN ('1', 't', 'true') THEN 1 ELSE 0 END AS offer_sent
FROM conversion_triggers
WHERE trigger_type = :triggerType
  AND triggered_at >= :coarseFrom AND triggered_at < :coarseTo
  AND datetime(triggered_at) >= :from AND datetime(triggered_at) < :to
  AND trigger_id IS NOT NULL AND user_id IS NOT NULL
ORDER BY 2, 7 DESC, strftime('%Y-%m-%d %H:%M:%f', triggered_at), CAST(trigger_id AS TEXT) COLLATE BINARY
