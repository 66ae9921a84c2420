-- Claims up to :limit subscriptions due at :now in one statement: active ones whose next run is
-- due and that no live lease holds (none, or one that ended: its scheduler instance died).
-- The claim sets the lease only: updated_at stays the configuration's version (see
-- subscription_finish_run.sql), and next_run_at stays until the run ends.
--
-- FOR UPDATE SKIP LOCKED: rows another transaction is claiming right now are skipped rather than
-- waited for, so parallel schedulers take disjoint sets; a row another scheduler claimed and
-- committed since this statement's snapshot is re-checked against the condition once locked, and
-- dropped. MATERIALIZED evaluates the locking sub-query exactly once.
-- Earliest due first, then id: the order of idx_report_subscriptions_due (partial: is_active).
WITH due AS MATERIALIZED (
    SELECT id
    FROM report_subscriptions
    WHERE is_active
      AND next_run_at <= :now
      AND (locked_until IS NULL OR locked_until <= :now)
    ORDER BY next_run_at, id
    LIMIT :limit
    FOR UPDATE SKIP LOCKED)
UPDATE report_subscriptions AS s
SET locked_by    = :owner,
    locked_until = :until
FROM due
WHERE s.id = due.id
RETURNING s.*
