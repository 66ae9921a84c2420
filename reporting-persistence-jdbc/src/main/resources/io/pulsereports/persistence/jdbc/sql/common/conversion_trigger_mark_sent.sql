-- Marks a trigger's offer sent. :sent is 1 on SQLite, '1' with an unspecified type on PostgreSQL
-- (read as true, 1 or '1' by a boolean, integer or text column).
UPDATE conversion_triggers
SET offer_sent = :sent
WHERE trigger_id = :triggerId AND user_id = :userId AND trigger_type = :triggerType
