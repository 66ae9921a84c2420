-- A new trigger, not sent, unless the day's trigger of this user exists (of :triggerType with
-- triggered_at in [from, to), or a row with this id). One statement: SQLite takes the write lock
-- before it reads, so two writers cannot both find none.
INSERT INTO conversion_triggers
    (trigger_id, user_id, trigger_type, conditions_met, confidence_scores, triggered_at, offer_sent)
SELECT :triggerId, :userId, :triggerType, :conditionsMet, :confidenceScores, :triggeredAt, 0
WHERE NOT EXISTS (
    SELECT 1
    FROM conversion_triggers
    WHERE trigger_id = :triggerId
       OR (user_id = :userId AND trigger_type = :triggerType
           AND triggered_at >= :coarseFrom AND triggered_at < :coarseTo
           AND datetime(triggered_at) >= :from AND datetime(triggered_at) < :to))
