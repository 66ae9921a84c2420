-- Claims up to :limit deliveries due at :now in one statement: waiting ones whose next attempt is
-- due, and sending ones whose lease has ended (their worker died). {idFilter} narrows the claim to
-- one id, or is empty.
--
-- SQLite has one writer at a time and a write statement takes the write lock before it reads
-- (waiting up to the busy timeout), so the sub-query and the update see no other writer: parallel
-- claimers are serialised and never take the same row. Instants are fixed-width UTC text, so the
-- text comparison is the instant comparison.
-- Oldest due first: by next attempt time, which a claim leaves as it was (a sending row keeps the
-- due time of the attempt its dead worker had started).
UPDATE report_deliveries
SET status        = 'sending',
    locked_by     = :owner,
    locked_until  = :until,
    attempt_count = attempt_count + 1,
    updated_at    = :now
WHERE id IN (
    SELECT id
    FROM report_deliveries
    WHERE ((status IN ('pending', 'retrying') AND next_attempt_at <= :now)
        OR (status = 'sending' AND locked_until <= :now))
      {idFilter}
    ORDER BY next_attempt_at NULLS FIRST, created_at, id
    LIMIT :limit)
RETURNING *
