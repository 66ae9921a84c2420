-- A user's existing lead tables with timestamp WITHOUT time zone columns holding UTC.
CREATE TABLE leads (
    id          uuid      NOT NULL PRIMARY KEY,
    branch_id   uuid      NOT NULL,
    gym_id      uuid      NOT NULL,
    first_name  text,
    last_name   text,
    phone       text,
    email       text,
    lead_status text      NOT NULL,
    created_at  timestamp NOT NULL,
    updated_at  timestamp NOT NULL
);
CREATE INDEX plain_leads_gym_branch_created ON leads (gym_id, branch_id, created_at);
CREATE INDEX plain_leads_gym_created ON leads (gym_id, created_at);
CREATE TABLE call_logs (
    id         uuid      NOT NULL PRIMARY KEY,
    lead_id    uuid,
    branch_id  uuid      NOT NULL,
    gym_id     uuid      NOT NULL,
    user_id    uuid,
    direction  text,
    status     text      NOT NULL,
    outcome    text,
    duration   integer,
    created_at timestamp NOT NULL,
    notes      text
);
CREATE INDEX plain_call_logs_gym_branch_created ON call_logs (gym_id, branch_id, created_at);
CREATE INDEX plain_call_logs_gym_created ON call_logs (gym_id, created_at);
CREATE INDEX plain_leads_gym_branch_status_updated ON leads (gym_id, branch_id, lead_status, updated_at);
CREATE INDEX plain_leads_gym_status_updated ON leads (gym_id, lead_status, updated_at);
CREATE INDEX plain_call_logs_created ON call_logs (created_at);
CREATE INDEX plain_leads_created ON leads (created_at);
CREATE INDEX plain_leads_status_updated ON leads (lead_status, updated_at);
