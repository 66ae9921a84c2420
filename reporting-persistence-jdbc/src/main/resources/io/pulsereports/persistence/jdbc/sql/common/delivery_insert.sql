-- Stores a delivery unless its idempotency key is taken. Under concurrency the unique index
-- decides: the losers do nothing (PostgreSQL waits for the winner to commit first), then read the
-- winner's row by key.
INSERT INTO report_deliveries (
    id, subscription_id, template_id, gym_id, branch_id, report_type, period_start, period_end, timezone,
    delivery_method, recipients, recipient_outcomes, status, attempt_count, next_attempt_at,
    last_error, locked_by, locked_until, idempotency_key, report_data, created_at, updated_at,
    sent_at)
VALUES (
    :id, :subscriptionId, :templateId, :gymId, :branchId, :reportType, :periodStart, :periodEnd, :timezone,
    :deliveryMethod, :recipients, :recipientOutcomes, :status, :attemptCount, :nextAttemptAt,
    :lastError, :lockedBy, :lockedUntil, :idempotencyKey, :reportData, :createdAt, :updatedAt,
    :sentAt)
ON CONFLICT (idempotency_key) DO NOTHING
