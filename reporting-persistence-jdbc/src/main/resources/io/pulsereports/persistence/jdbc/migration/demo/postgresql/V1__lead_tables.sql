-- Demo copy of the SPEC section 1 lead tables (PostgreSQL), created only by installDemoSchema().
-- The learning tables (users, coaching_sessions, detected_errors, ...) come in a later version.

CREATE TABLE leads (
    id          uuid        NOT NULL PRIMARY KEY,
    branch_id   uuid        NOT NULL,
    gym_id      uuid        NOT NULL,
    first_name  text,
    last_name   text,
    phone       text,
    email       text,
    lead_status text        NOT NULL DEFAULT 'new',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_leads_gym_branch_created ON leads (gym_id, branch_id, created_at);
CREATE INDEX idx_leads_gym_created ON leads (gym_id, created_at);
CREATE INDEX idx_leads_gym_branch_status_updated ON leads (gym_id, branch_id, lead_status, updated_at);
CREATE INDEX idx_leads_gym_status_updated ON leads (gym_id, lead_status, updated_at);

CREATE TABLE call_logs (
    id         uuid        NOT NULL PRIMARY KEY,
    lead_id    uuid        REFERENCES leads (id),
    branch_id  uuid        NOT NULL,
    gym_id     uuid        NOT NULL,
    user_id    uuid,
    direction  text,
    status     text        NOT NULL,
    outcome    text,
    duration   integer,
    created_at timestamptz NOT NULL DEFAULT now(),
    notes      text
);
CREATE INDEX idx_call_logs_gym_branch_created ON call_logs (gym_id, branch_id, created_at);
CREATE INDEX idx_call_logs_gym_created ON call_logs (gym_id, created_at);
CREATE INDEX idx_call_logs_lead ON call_logs (lead_id);
