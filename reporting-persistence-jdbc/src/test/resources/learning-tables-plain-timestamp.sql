-- A user's own learning tables on PostgreSQL with timestamp WITHOUT time zone columns holding
-- UTC, a numeric confidence_score and integer error counts; no indexes.
CREATE TABLE users (
    user_id       text,
    email         text,
    role          text,
    english_level text,
    created_at    timestamp,
    last_active   timestamp
);
CREATE TABLE coaching_sessions (
    session_id       text,
    user_id          text,
    session_topic    text,
    user_level       text,
    started_at       timestamp,
    ended_at         timestamp,
    duration_seconds integer,
    confidence_score numeric(4, 2),
    message_count    integer,
    error_count      integer,
    phase            text
);
CREATE TABLE detected_errors (
    error_id       text,
    session_id     text,
    user_id        text,
    error_type     text,
    error_category text,
    error_text     text,
    severity       text,
    detected_at    timestamp
);
