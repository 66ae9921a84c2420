-- Claims up to :limit subscriptions due at :now in one statement: active ones whose next run is
-- due and that no live lease holds (none, or one that ended: its scheduler instance died).
-- The claim sets the lease only: updated_at stays the configuration's version (see
-- subscription_finish_run.sql), and next_run_at stays until the run ends.
--
-- SQLite has one writer at a time and a write statement takes the write lock before it reads
-- (waiting up to the busy timeout), so the sub-query and the update see no other writer: parallel
-- claimers are serialised and never take the same row. Instants are fixed-width UTC text, so the
-- text comparison is the instant comparison.
-- Earliest due first, then id: the order of idx_report_subscriptions_due (partial: is_active, the
-- same term as here, so the planner can use it).
UPDATE report_subscriptions
SET locked_by    = :owner,
    locked_until = :until
WHERE id IN (
    SELECT id
    FROM report_subscriptions
    WHERE is_active
      AND next_run_at <= :now
      AND (locked_until IS NULL OR locked_until <= :now)
    ORDER BY next_run_at, id
    LIMIT :limit)
RETURNING *
