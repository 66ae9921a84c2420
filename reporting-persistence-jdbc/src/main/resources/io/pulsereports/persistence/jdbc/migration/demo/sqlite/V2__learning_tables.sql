-- Demo copy of the SPEC section 1 learning tables (SQLite), created only by installDemoSchema(),
-- which refuses to run if any of them already exists.
-- Ids are text; instants are ISO-8601 UTC text; JSON is TEXT; booleans are 0/1. No foreign keys:
-- reports tolerate orphan rows (a session whose user is gone is not counted), as users' own
-- databases may hold them, and bulk loads stay fast.
--
-- Indexes the learning reports use (a user's own database needs the same, see the module README):
--   coaching_sessions (started_at)          engagement and free users' sessions of a window
--   coaching_sessions (user_id, started_at) inactive users: each user's latest session
--   detected_errors (detected_at)           mistakes of a window
--   conversion_triggers (triggered_at)      offers sent in a window
--   conversion_triggers (user_id, triggered_at), users (role): lookups by user and by role

CREATE TABLE users (
    user_id       TEXT NOT NULL PRIMARY KEY,
    email         TEXT,
    role          TEXT,                    -- free | student | coach | superuser (others occur)
    english_level TEXT,                    -- B1 | B2 | C1 | C2
    created_at    TEXT NOT NULL,
    last_active   TEXT
);
CREATE INDEX idx_users_role ON users (role);

CREATE TABLE coaching_sessions (
    session_id       TEXT NOT NULL PRIMARY KEY,
    user_id          TEXT NOT NULL,
    session_topic    TEXT,
    user_level       TEXT,
    started_at       TEXT NOT NULL,
    ended_at         TEXT,
    duration_seconds INTEGER,
    confidence_score REAL,                 -- 1..10, NULL when not scored
    message_count    INTEGER,
    error_count      INTEGER,              -- NULL when not recorded
    phase            TEXT
);
CREATE INDEX idx_coaching_sessions_started ON coaching_sessions (started_at);
CREATE INDEX idx_coaching_sessions_user_started ON coaching_sessions (user_id, started_at);

CREATE TABLE detected_errors (
    error_id       TEXT NOT NULL PRIMARY KEY,
    session_id     TEXT,
    user_id        TEXT,
    error_type     TEXT,                   -- grammar | pronunciation | vocabulary
    error_category TEXT,                   -- Articles, Prepositions, Verb tenses, ...
    error_text     TEXT,
    severity       TEXT,                   -- low | medium | high
    detected_at    TEXT NOT NULL
);
CREATE INDEX idx_detected_errors_detected ON detected_errors (detected_at);

-- Technical failures a learner met in the app (speech recognition, audio, network, ...).
-- Columns invented for the demo: SPEC names the table only.
CREATE TABLE it_errors (
    error_id    TEXT NOT NULL PRIMARY KEY,
    user_id     TEXT,
    session_id  TEXT,
    component   TEXT,                      -- speech_recognition | audio | network | payment | ...
    error_code  TEXT,
    message     TEXT,
    occurred_at TEXT NOT NULL
);

-- Charges that differed from the price of the plan. Columns invented for the demo.
CREATE TABLE pricing_errors (
    error_id       TEXT    NOT NULL PRIMARY KEY,
    user_id        TEXT,
    plan           TEXT,
    expected_price NUMERIC,
    charged_price  NUMERIC,
    currency       TEXT    NOT NULL DEFAULT 'USD',
    detected_at    TEXT    NOT NULL,
    resolved       INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1))
);

-- A model's score of how likely a learner is to buy, with the factors behind it. Columns
-- invented for the demo.
CREATE TABLE lead_scores (
    score_id      TEXT NOT NULL PRIMARY KEY,
    user_id       TEXT NOT NULL,
    score         REAL NOT NULL,           -- 0..1
    model_version TEXT,
    factors       TEXT,                    -- JSON object
    scored_at     TEXT NOT NULL
);

-- conditions_met: the rule conditions that fired (a JSON array of names);
-- confidence_scores: the session scores that triggered it (a JSON array of numbers).
CREATE TABLE conversion_triggers (
    trigger_id        TEXT    NOT NULL PRIMARY KEY,
    user_id           TEXT    NOT NULL,
    trigger_type      TEXT    NOT NULL,
    conditions_met    TEXT,
    confidence_scores TEXT,
    triggered_at      TEXT    NOT NULL,
    offer_sent        INTEGER NOT NULL DEFAULT 0 CHECK (offer_sent IN (0, 1)),
    offer_accepted    INTEGER CHECK (offer_accepted IN (0, 1)) -- NULL while unanswered
);
CREATE INDEX idx_conversion_triggers_triggered ON conversion_triggers (triggered_at);
CREATE INDEX idx_conversion_triggers_user_triggered ON conversion_triggers (user_id, triggered_at);
