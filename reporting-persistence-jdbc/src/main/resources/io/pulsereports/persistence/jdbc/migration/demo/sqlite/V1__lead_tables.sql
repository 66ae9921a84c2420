-- Demo copy of the SPEC section 1 lead tables (SQLite), created only by installDemoSchema().
-- Ids are lower-case UUID text; instants are ISO-8601 UTC text.
-- The learning tables (users, coaching_sessions, detected_errors, ...) come in a later version.

CREATE TABLE leads (
    id          TEXT NOT NULL PRIMARY KEY,
    branch_id   TEXT NOT NULL,
    gym_id      TEXT NOT NULL,
    first_name  TEXT,
    last_name   TEXT,
    phone       TEXT,
    email       TEXT,
    lead_status TEXT NOT NULL DEFAULT 'new',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX idx_leads_gym_branch_created ON leads (gym_id, branch_id, created_at);
CREATE INDEX idx_leads_gym_created ON leads (gym_id, created_at);
CREATE INDEX idx_leads_gym_branch_status_updated ON leads (gym_id, branch_id, lead_status, updated_at);
CREATE INDEX idx_leads_gym_status_updated ON leads (gym_id, lead_status, updated_at);

CREATE TABLE call_logs (
    id         TEXT NOT NULL PRIMARY KEY,
    lead_id    TEXT REFERENCES leads (id),
    branch_id  TEXT NOT NULL,
    gym_id     TEXT NOT NULL,
    user_id    TEXT,
    direction  TEXT,
    status     TEXT NOT NULL,
    outcome    TEXT,
    duration   INTEGER,
    created_at TEXT NOT NULL,
    notes      TEXT
);
CREATE INDEX idx_call_logs_gym_branch_created ON call_logs (gym_id, branch_id, created_at);
CREATE INDEX idx_call_logs_gym_created ON call_logs (gym_id, created_at);
CREATE INDEX idx_call_logs_lead ON call_logs (lead_id);
