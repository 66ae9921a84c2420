-- Demo copy of the SPEC section 1 learning tables (PostgreSQL), created only by
-- installDemoSchema(), which refuses to run if any of them already exists.
-- Ids are text; instants timestamptz; JSON jsonb. confidence_score is double precision, the same
-- 8-byte float as SQLite's REAL, so the demo data means the same on both engines. No foreign
-- keys: reports tolerate orphan rows (a session whose user is gone is not counted), as users' own
-- databases may hold them, and bulk loads stay fast.
--
-- Indexes the learning reports use (a user's own database needs the same, see the module README):
--   coaching_sessions (started_at)          engagement and free users' sessions of a window
--   coaching_sessions (user_id, started_at) inactive users: each user's latest session
--   detected_errors (detected_at)           mistakes of a window
--   conversion_triggers (triggered_at)      offers sent in a window
--   conversion_triggers (user_id, triggered_at), users (role): lookups by user and by role

CREATE TABLE users (
    user_id       text        NOT NULL PRIMARY KEY,
    email         text,
    role          text,                    -- free | student | coach | superuser (others occur)
    english_level text,                    -- B1 | B2 | C1 | C2
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_active   timestamptz
);
CREATE INDEX idx_users_role ON users (role);

CREATE TABLE coaching_sessions (
    session_id       text             NOT NULL PRIMARY KEY,
    user_id          text             NOT NULL,
    session_topic    text,
    user_level       text,
    started_at       timestamptz      NOT NULL,
    ended_at         timestamptz,
    duration_seconds integer,
    confidence_score double precision, -- 1..10, NULL when not scored
    message_count    integer,
    error_count      integer,          -- NULL when not recorded
    phase            text
);
CREATE INDEX idx_coaching_sessions_started ON coaching_sessions (started_at);
CREATE INDEX idx_coaching_sessions_user_started ON coaching_sessions (user_id, started_at);

CREATE TABLE detected_errors (
    error_id       text        NOT NULL PRIMARY KEY,
    session_id     text,
    user_id        text,
    error_type     text,                   -- grammar | pronunciation | vocabulary
    error_category text,                   -- Articles, Prepositions, Verb tenses, ...
    error_text     text,
    severity       text,                   -- low | medium | high
    detected_at    timestamptz NOT NULL
);
CREATE INDEX idx_detected_errors_detected ON detected_errors (detected_at);

-- Technical failures a learner met in the app (speech recognition, audio, network, ...).
-- Columns invented for the demo: SPEC names the table only.
CREATE TABLE it_errors (
    error_id    text        NOT NULL PRIMARY KEY,
    user_id     text,
    session_id  text,
    component   text,                      -- speech_recognition | audio | network | payment | ...
    error_code  text,
    message     text,
    occurred_at timestamptz NOT NULL
);

-- Charges that differed from the price of the plan. Columns invented for the demo.
CREATE TABLE pricing_errors (
    error_id       text          NOT NULL PRIMARY KEY,
    user_id        text,
    plan           text,
    expected_price numeric(10, 2),
    charged_price  numeric(10, 2),
    currency       text          NOT NULL DEFAULT 'USD',
    detected_at    timestamptz   NOT NULL,
    resolved       boolean       NOT NULL DEFAULT false
);

-- A model's score of how likely a learner is to buy, with the factors behind it. Columns
-- invented for the demo.
CREATE TABLE lead_scores (
    score_id      text             NOT NULL PRIMARY KEY,
    user_id       text             NOT NULL,
    score         double precision NOT NULL, -- 0..1
    model_version text,
    factors       jsonb,
    scored_at     timestamptz      NOT NULL
);

-- conditions_met: the rule conditions that fired (a JSON array of names);
-- confidence_scores: the session scores that triggered it (a JSON array of numbers).
CREATE TABLE conversion_triggers (
    trigger_id        text        NOT NULL PRIMARY KEY,
    user_id           text        NOT NULL,
    trigger_type      text        NOT NULL,
    conditions_met    jsonb,
    confidence_scores jsonb,
    triggered_at      timestamptz NOT NULL,
    offer_sent        boolean     NOT NULL DEFAULT false,
    offer_accepted    boolean                -- NULL while the learner has not answered
);
CREATE INDEX idx_conversion_triggers_triggered ON conversion_triggers (triggered_at);
CREATE INDEX idx_conversion_triggers_user_triggered ON conversion_triggers (user_id, triggered_at);
