-- Replaces a delivery's state only if the row still has the state its writer read: same status,
-- attempt count and lease owner (NULL when none). A worker whose lease was taken over matches
-- nothing and changes nothing.
UPDATE report_deliveries
SET status             = :status,
    recipients         = :recipients,
    recipient_outcomes = :recipientOutcomes,
    attempt_count      = :attemptCount,
    next_attempt_at    = :nextAttemptAt,
    last_error         = :lastError,
    locked_by          = :lockedBy,
    locked_until       = :lockedUntil,
    updated_at         = :updatedAt,
    sent_at            = :sentAt
WHERE id = :id
  AND status = :expectedStatus
  AND attempt_count = :expectedAttemptCount
  AND locked_by IS NOT DISTINCT FROM :expectedLockedBy
