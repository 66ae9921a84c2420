-- A user's own learning tables on PostgreSQL, as they might be: no indexes, timestamptz, a
-- single-precision real confidence_score as SPEC says REAL. The database's default collation is
-- ICU en-US (see the test), so text order is linguistic unless the adapter asks for code points.
CREATE TABLE users (
    user_id       text,
    email         text,
    role          text,
    english_level text,
    created_at    timestamptz,
    last_active   timestamptz
);
CREATE TABLE coaching_sessions (
    session_id       text,
    user_id          text,
    session_topic    text,
    user_level       text,
    started_at       timestamptz,
    ended_at         timestamptz,
    duration_seconds integer,
    confidence_score real,
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
    detected_at    timestamptz
);
