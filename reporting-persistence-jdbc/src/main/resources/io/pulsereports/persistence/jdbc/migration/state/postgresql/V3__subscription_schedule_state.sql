-- What the subscriptions need beyond V1 (PostgreSQL): the flag to skip empty reports and the
-- scheduler's state of each subscription (its next run, its lease, its last run).

-- Whether a run whose period has no data sends nothing (its run is recorded as skipped).
ALTER TABLE report_subscriptions ADD COLUMN skip_if_empty boolean NOT NULL DEFAULT false;

-- When the scheduler next runs the subscription; NULL: not scheduled (paused, or not computed
-- yet). The core computes it from delivery_time, delivery_days and timezone (DST-aware), which
-- SQL cannot do on both engines alike, so rows written before this version stay NULL: an active
-- subscription with a NULL next_run_at is never claimed until the core schedules it.
ALTER TABLE report_subscriptions ADD COLUMN next_run_at timestamptz;

-- Consecutive failures to generate the due run's report (reset by a run that gets through).
ALTER TABLE report_subscriptions ADD COLUMN failed_attempts integer NOT NULL DEFAULT 0;

-- The scheduler instance running the subscription right now, and until when its lease holds;
-- once locked_until has passed another instance may take the subscription over.
ALTER TABLE report_subscriptions ADD COLUMN locked_by text;
ALTER TABLE report_subscriptions ADD COLUMN locked_until timestamptz;

-- The last run, all NULL until the first: when it was due, when it ran, the period it delivered
-- (local dates in timezone, both inclusive), its outcome (created | delivered | skipped | failed |
-- missed), the report_deliveries row it created (no foreign key: the log outlives its rows'
-- references) and the reason of a failure.
ALTER TABLE report_subscriptions ADD COLUMN last_run_due_at timestamptz;
ALTER TABLE report_subscriptions ADD COLUMN last_run_at timestamptz;
ALTER TABLE report_subscriptions ADD COLUMN last_run_period_start date;
ALTER TABLE report_subscriptions ADD COLUMN last_run_period_end date;
ALTER TABLE report_subscriptions ADD COLUMN last_run_outcome text;
ALTER TABLE report_subscriptions ADD COLUMN last_run_delivery_id uuid;
ALTER TABLE report_subscriptions ADD COLUMN last_run_error text;

-- Claiming due subscriptions: active ones by next run (then id, the claim's order). Partial, so
-- paused subscriptions are not in it. A leased subscription keeps its next_run_at until its run
-- ends, so the same index finds the ones whose lease has run out: no index on locked_until.
CREATE INDEX idx_report_subscriptions_due ON report_subscriptions (next_run_at, id)
    WHERE is_active;
