-- Replaces a subscription's configuration, updated_at and next_run_at only if the row still has
-- the updated_at its writer read (compare and set: a writer that lost a race matches nothing and
-- changes nothing). The lease, the failed attempts and the last run belong to the scheduler and
-- are left as they are.
UPDATE report_subscriptions
SET name            = :name,
    gym_id          = :gymId,
    branch_id       = :branchId,
    report_type     = :reportType,
    delivery_method = :deliveryMethod,
    recipients      = :recipients,
    delivery_time   = :deliveryTime,
    delivery_days   = :deliveryDays,
    timezone        = :timezone,
    template_id     = :templateId,
    is_active       = :active,
    skip_if_empty   = :skipIfEmpty,
    updated_at      = :updatedAt,
    next_run_at     = :nextRunAt
WHERE id = :id
  AND updated_at = :expectedUpdatedAt
