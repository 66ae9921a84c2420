-- Pulse Reports' own state: templates, subscriptions, deliveries (PostgreSQL).

CREATE TABLE report_templates (
    id          uuid        NOT NULL PRIMARY KEY,
    gym_id      uuid,
    name        text        NOT NULL,
    description text,
    report_type text        NOT NULL,
    format      text        NOT NULL DEFAULT 'html',
    subject     text,
    content     text        NOT NULL,
    is_default  boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_report_templates_gym_type ON report_templates (gym_id, report_type);

CREATE TABLE report_subscriptions (
    id              uuid        NOT NULL PRIMARY KEY,
    gym_id          uuid,
    branch_id       uuid,
    name            text,
    report_type     text        NOT NULL,
    delivery_method text        NOT NULL,
    recipients      jsonb       NOT NULL,
    formats         jsonb,
    delivery_time   text        NOT NULL,
    delivery_days   jsonb,
    timezone        text        NOT NULL DEFAULT 'UTC',
    template_id     uuid        REFERENCES report_templates (id) ON DELETE SET NULL,
    is_active       boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_report_subscriptions_active_gym ON report_subscriptions (is_active, gym_id);
CREATE INDEX idx_report_subscriptions_gym_branch ON report_subscriptions (gym_id, branch_id);

-- status: pending -> sent, or pending -> failed once the retries are spent.
-- idempotency_key (e.g. subscription id + period) makes a second delivery of a period impossible.
-- locked_by / locked_until let parallel workers claim a due delivery.
CREATE TABLE report_deliveries (
    id              uuid        NOT NULL PRIMARY KEY,
    subscription_id uuid        REFERENCES report_subscriptions (id) ON DELETE SET NULL,
    gym_id          uuid,
    branch_id       uuid,
    report_type     text        NOT NULL,
    period_start    date        NOT NULL,
    period_end      date        NOT NULL,
    timezone        text        NOT NULL,
    delivery_method text        NOT NULL,
    recipients      jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'pending',
    attempt_count   integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    last_error      text,
    locked_by       text,
    locked_until    timestamptz,
    idempotency_key text        NOT NULL UNIQUE,
    report_data     jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX idx_report_deliveries_due ON report_deliveries (status, next_attempt_at);
CREATE INDEX idx_report_deliveries_gym_created ON report_deliveries (gym_id, created_at);
CREATE INDEX idx_report_deliveries_subscription ON report_deliveries (subscription_id, period_start);
