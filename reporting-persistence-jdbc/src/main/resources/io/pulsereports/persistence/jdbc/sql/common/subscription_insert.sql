-- Stores a new subscription with its whole state; an id that is taken fails (primary key).
INSERT INTO report_subscriptions (
    id, gym_id, branch_id, name, report_type, delivery_method, recipients, delivery_time,
    delivery_days, timezone, template_id, is_active, skip_if_empty, created_at, updated_at,
    next_run_at, failed_attempts, locked_by, locked_until, last_run_due_at, last_run_at,
    last_run_period_start, last_run_period_end, last_run_outcome, last_run_delivery_id,
    last_run_error)
VALUES (
    :id, :gymId, :branchId, :name, :reportType, :deliveryMethod, :recipients, :deliveryTime,
    :deliveryDays, :timezone, :templateId, :active, :skipIfEmpty, :createdAt, :updatedAt,
    :nextRunAt, :failedAttempts, :lockedBy, :lockedUntil, :lastRunDueAt, :lastRunAt,
    :lastRunPeriodStart, :lastRunPeriodEnd, :lastRunOutcome, :lastRunDeliveryId,
    :lastRunError)
