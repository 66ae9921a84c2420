-- A user's own learning tables on SQLite, as they might be: no indexes, text columns declared
-- COLLATE NOCASE (the adapter must still group and order by code point), instants as ISO text.
CREATE TABLE users (
    user_id       TEXT,
    email         TEXT,
    role          TEXT,
    english_level TEXT,
    created_at    TEXT,
    last_active   TEXT
);
CREATE TABLE coaching_sessions (
    session_id       TEXT,
    user_id          TEXT,
    session_topic    TEXT,
    user_level       TEXT,
    started_at       TEXT,
    ended_at         TEXT,
    duration_seconds INTEGER,
    confidence_score REAL,
    message_count    INTEGER,
    error_count      INTEGER,
    phase            TEXT
);
CREATE TABLE detected_errors (
    error_id       TEXT,
    session_id     TEXT,
    user_id        TEXT,
    error_type     TEXT COLLATE NOCASE,
    error_category TEXT COLLATE NOCASE,
    error_text     TEXT COLLATE NOCASE,
    severity       TEXT,
    detected_at    TEXT
);
