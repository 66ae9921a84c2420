-- The day's trigger of one user: of :triggerType with triggered_at in [from, to), or the row with
-- the trigger's own id. A sent one first, then the one with that id, then the oldest.
SELECT CAST(trigger_id AS text) AS trigger_id,
       CAST(user_id AS text) AS user_id,
       CAST(trigger_type AS text) AS trigger_type,
       CAST(conditions_met AS text) AS conditions_met,
       CAST(confidence_scores AS text) AS confidence_scores,
       CAST(triggered_at AS timestamptz) AS triggered_at,
       CASE WHEN lower(CAST(offer_sent AS text)) IN ('1', 't', 'true') THEN 1 ELSE 0 END AS offer_sent
FROM conversion_triggers
WHERE trigger_id IS NOT NULL AND user_id IS NOT NULL AND triggered_at IS NOT NULL
  AND (CAST(trigger_id AS text) = :triggerId
       OR (user_id = :userId AND trigger_type = :triggerType
           AND triggered_at >= :from AND triggered_at < :to))
ORDER BY 7 DESC, CASE WHEN CAST(trigger_id AS text) = :triggerId THEN 0 ELSE 1 END, 6, CAST(trigger_id AS text) COLLATE "C"
LIMIT 1
