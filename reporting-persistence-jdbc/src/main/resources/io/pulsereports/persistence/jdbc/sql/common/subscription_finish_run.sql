-- Ends a claimed run in one statement, only while the row is still leased to the claimer (same
-- owner and the same lease end: a claimer whose lease ran out and was taken over matches nothing
-- and writes nothing). Clears the lease and writes the failed attempts and the last run. The next
-- run is written only if the configuration is still the one claimed (same updated_at): an update
-- during the run already set the next run of the new configuration, which stays.
UPDATE report_subscriptions
SET locked_by             = NULL,
    locked_until          = NULL,
    failed_attempts       = :failedAttempts,
    last_run_due_at       = :lastRunDueAt,
    last_run_at           = :lastRunAt,
    last_run_period_start = :lastRunPeriodStart,
    last_run_period_end   = :lastRunPeriodEnd,
    last_run_outcome      = :lastRunOutcome,
    last_run_delivery_id  = :lastRunDeliveryId,
    last_run_error        = :lastRunError,
    next_run_at           = CASE WHEN updated_at = :claimedUpdatedAt THEN :nextRunAt
                                 ELSE next_run_at END
WHERE id = :id
  AND locked_by = :owner
  AND locked_until = :until
