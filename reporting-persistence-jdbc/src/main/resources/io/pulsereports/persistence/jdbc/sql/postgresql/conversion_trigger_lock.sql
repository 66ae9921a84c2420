-- Waits for, then holds until the transaction ends, the advisory lock of one (trigger type, user,
-- local day): recording and sending a trigger take it, so concurrent runs take turns.
SELECT 1 FROM (SELECT pg_advisory_xact_lock(:lockKey)) AS locked
