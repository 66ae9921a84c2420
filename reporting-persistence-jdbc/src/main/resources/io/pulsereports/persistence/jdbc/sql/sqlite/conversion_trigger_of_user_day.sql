-- The day's trigger of one user: of :triggerType with triggered_at in [from, to), or the row with
-- the trigger's own id. A sent one first, then the one with that id, then the oldest.
SELECT CAST(trigger_id AS TEXT) AS trigger_id,
       user_id,
       trigger_type,
       conditions_met,
       confidence_scores,
       triggered_at,
       CASE WHEN lower(CAST(offer_sent AS TEXT)) IN ('1', 't', 'true') THEN 1 ELSE 0 END AS offer_sent
FROM conversion_triggers
WHERE trigger_id IS NOT NULL AND user_id IS NOT NULL AND triggered_at IS NOT NULL
  AND (trigger_id = :triggerId
       OR (user_id = :userId AND trigger_type = :triggerType
           AND triggered_at >= :coarseFrom AND triggered_at < :coarseTo
           AND datetime(triggered_at) >= :from AND datetime(triggered_at) < :to))
ORDER BY 7 DESC, CASE WHEN trigger_id = :triggerId THEN 0 ELSE 1 END,
         strftime('%Y-%m-%d %H:%M:%f', triggered_at), CAST(trigger_id AS TEXT) COLLATE BINARY
LIMIT 1
