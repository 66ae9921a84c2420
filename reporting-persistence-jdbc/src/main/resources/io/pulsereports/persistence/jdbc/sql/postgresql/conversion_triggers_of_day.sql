-- The triggers of :triggerType whose triggered_at is in [from, to), by user (code point), sent
-- ones first (offer_sent as 1/0: true, 1, '1', 't' and 'true' in any case count as sent), then
-- oldest first. Rows without an id or a user are not Pulse Reports' to handle and are left out.
SELECT CAST(trigger_id AS text) AS trigger_id,
       CAST(user_id AS text) COLLATE "C" AS user_id,
       CAST(trigger_type AS text) AS trigger_type,
       CAST(conditions_met AS text) AS conditions_met,
       CAST(confidence_scores AS text) AS confidence_scores,
       CAST(triggered_at AS timestamptz) AS triggered_at,
       CASE WHEN lower(CAST(offer_sent AS text)) IN ('1', 't', 'true') THEN 1 ELSE 0 END AS offer_sent
FROM conversion_triggers
WHERE trigger_type = :triggerType
  AND triggered_at >= :from AND triggered_at < :to
  AND trigger_id IS NOT NULL AND user_id IS NOT NULL
ORDER BY 2, 7 DESC, 6, CAST(trigger_id AS text) COLLATE "C"
