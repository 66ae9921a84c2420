-- A new trigger, not sent. Run under the (type, user, day) advisory lock after
-- conversion_trigger_of_user_day found none. The values are bound with an unspecified type, so the
-- server reads each as its column's type: text, json or jsonb for the JSON columns, boolean, an
-- integer or text for offer_sent ('0').
INSERT INTO conversion_triggers
    (trigger_id, user_id, trigger_type, conditions_met, confidence_scores, triggered_at, offer_sent)
VALUES (:triggerId, :userId, :triggerType, :conditionsMet, :confidenceScores, :triggeredAt, :notSent)
