-- What the subscriptions need beyond V1 (SQLite): the flag to skip empty reports and the
-- scheduler's state of each subscription (its next run, its lease, its last run).
-- The subscription adapter writes every instant of report_subscriptions as fixed-width UTC text
-- 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (microseconds, as PostgreSQL keeps them), so comparing and sorting
-- the text compares the instants; local dates are 'YYYY-MM-DD'; booleans 0/1.

-- Whether a run whose period has no data sends nothing (its run is recorded as skipped).
ALTER TABLE report_subscriptions ADD COLUMN skip_if_empty INTEGER NOT NULL DEFAULT 0
    CHECK (skip_if_empty IN (0, 1));

-- When the scheduler next runs the subscription; NULL: not scheduled (paused, or not computed
-- yet). The core computes it from delivery_time, delivery_days and timezone (DST-aware), which
-- SQLite cannot (it has no time zone rules), so rows written before this version stay NULL: an
-- active subscription with a NULL next_run_at is never claimed until the core schedules it.
ALTER TABLE report_subscriptions ADD COLUMN next_run_at TEXT;

-- Consecutive failures to generate the due run's report (reset by a run that gets through).
ALTER TABLE report_subscriptions ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;

-- The scheduler instance running the subscription right now, and until when its lease holds;
-- once locked_until has passed another instance may take the subscription over.
ALTER TABLE report_subscriptions ADD COLUMN locked_by TEXT;
ALTER TABLE report_subscriptions ADD COLUMN locked_until TEXT;

-- The last run, all NULL until the first: when it was due, when it ran, the period it delivered
-- (local dates in timezone, both inclusive), its outcome (created | delivered | skipped | failed |
-- missed), the report_deliveries row it created (no foreign key: the log outlives its rows'
-- references) and the reason of a failure.
ALTER TABLE report_subscriptions ADD COLUMN last_run_due_at TEXT;
ALTER TABLE report_subscriptions ADD COLUMN last_run_at TEXT;
ALTER TABLE report_subscriptions ADD COLUMN last_run_period_start TEXT;
ALTER TABLE report_subscriptions ADD COLUMN last_run_period_end TEXT;
ALTER TABLE report_subscriptions ADD COLUMN last_run_outcome TEXT;
ALTER TABLE report_subscriptions ADD COLUMN last_run_delivery_id TEXT;
ALTER TABLE report_subscriptions ADD COLUMN last_run_error TEXT;

-- updated_at is the version that updates compare and set, and created_at orders the list, both as
-- text: rows written before this version (V1's default is milliseconds, 'YYYY-MM-DDTHH:MM:SS.SSSZ')
-- get the fixed-width form of the same instant. Text SQLite cannot read as a time is left as is.
UPDATE report_subscriptions
SET created_at = coalesce(strftime('%Y-%m-%dT%H:%M:%f', created_at) || '000Z', created_at)
WHERE created_at NOT GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z';
UPDATE report_subscriptions
SET updated_at = coalesce(strftime('%Y-%m-%dT%H:%M:%f', updated_at) || '000Z', updated_at)
WHERE updated_at NOT GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z';

-- Claiming due subscriptions: active ones by next run (then id, the claim's order). Partial, so
-- paused subscriptions are not in it. A leased subscription keeps its next_run_at until its run
-- ends, so the same index finds the ones whose lease has run out: no index on locked_until.
CREATE INDEX idx_report_subscriptions_due ON report_subscriptions (next_run_at, id)
    WHERE is_active;
