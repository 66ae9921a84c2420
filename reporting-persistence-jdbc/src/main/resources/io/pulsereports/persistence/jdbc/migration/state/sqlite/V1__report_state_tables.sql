-- Pulse Reports' own state: templates, subscriptions, deliveries (SQLite).
-- Ids and gym/branch ids are lower-case UUID text; instants are ISO-8601 UTC text
-- ('YYYY-MM-DDTHH:MM:SS.SSSZ'); local dates are 'YYYY-MM-DD'; JSON is TEXT; booleans are 0/1.

CREATE TABLE report_templates (
    id          TEXT    NOT NULL PRIMARY KEY,
    gym_id      TEXT,
    name        TEXT    NOT NULL,
    description TEXT,
    report_type TEXT    NOT NULL,
    format      TEXT    NOT NULL DEFAULT 'html',
    subject     TEXT,
    content     TEXT    NOT NULL,
    is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_report_templates_gym_type ON report_templates (gym_id, report_type);

CREATE TABLE report_subscriptions (
    id              TEXT    NOT NULL PRIMARY KEY,
    gym_id          TEXT,
    branch_id       TEXT,
    name            TEXT,
    report_type     TEXT    NOT NULL,
    delivery_method TEXT    NOT NULL,
    recipients      TEXT    NOT NULL,
    formats         TEXT,
    delivery_time   TEXT    NOT NULL,
    delivery_days   TEXT,
    timezone        TEXT    NOT NULL DEFAULT 'UTC',
    template_id     TEXT    REFERENCES report_templates (id) ON DELETE SET NULL,
    is_active       INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_report_subscriptions_active_gym ON report_subscriptions (is_active, gym_id);
CREATE INDEX idx_report_subscriptions_gym_branch ON report_subscriptions (gym_id, branch_id);

-- status: pending -> sent, or pending -> failed once the retries are spent.
-- idempotency_key (e.g. subscription id + period) makes a second delivery of a period impossible.
-- locked_by / locked_until let parallel workers claim a due delivery.
CREATE TABLE report_deliveries (
    id              TEXT    NOT NULL PRIMARY KEY,
    subscription_id TEXT    REFERENCES report_subscriptions (id) ON DELETE SET NULL,
    gym_id          TEXT,
    branch_id       TEXT,
    report_type     TEXT    NOT NULL,
    period_start    TEXT    NOT NULL,
    period_end      TEXT    NOT NULL,
    timezone        TEXT    NOT NULL,
    delivery_method TEXT    NOT NULL,
    recipients      TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'pending',
    attempt_count   INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error      TEXT,
    locked_by       TEXT,
    locked_until    TEXT,
    idempotency_key TEXT    NOT NULL UNIQUE,
    report_data     TEXT,
    created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    sent_at         TEXT
);
CREATE INDEX idx_report_deliveries_due ON report_deliveries (status, next_attempt_at);
CREATE INDEX idx_report_deliveries_gym_created ON report_deliveries (gym_id, created_at);
CREATE INDEX idx_report_deliveries_subscription ON report_deliveries (subscription_id, period_start);
