-- Claims up to :limit deliveries due at :now in one statement: waiting ones whose next attempt is
-- due, and sending ones whose lease has ended (their worker died). {idFilter} narrows the claim to
-- one id, or is empty.
--
-- FOR UPDATE SKIP LOCKED: rows another transaction is claiming right now are skipped rather than
-- waited for, so parallel workers take disjoint sets; a row another worker claimed and committed
-- since this statement's snapshot is re-checked against the condition once locked, and dropped.
-- MATERIALIZED evaluates the locking sub-query exactly once.
-- Oldest due first: by next attempt time, which a claim leaves as it was (a sending row keeps the
-- due time of the attempt its dead worker had started).
WITH due AS MATERIALIZED (
    SELECT id
    FROM report_deliveries
    WHERE ((status IN ('pending', 'retrying') AND next_attempt_at <= :now)
        OR (status = 'sending' AND locked_until <= :now))
      {idFilter}
    ORDER BY next_attempt_at NULLS FIRST, created_at, id
    LIMIT :limit
    FOR UPDATE SKIP LOCKED)
UPDATE report_deliveries AS d
SET status        = 'sending',
    locked_by     = :owner,
    locked_until  = :until,
    attempt_count = d.attempt_count + 1,
    updated_at    = :now
FROM due
WHERE d.id = due.id
RETURNING d.*
