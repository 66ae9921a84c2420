-- API tokens (SQLite): who may call the HTTP API, and for which gyms. Only the SHA-256 of a token
-- is stored, never the token itself (it is shown once, when created): a leaked file does not let
-- anyone in. SQLite has no COMMENT ON; the comments inside CREATE TABLE stay in sqlite_schema.
-- Ids are lower-case UUID text; instants fixed-width UTC text 'YYYY-MM-DDTHH:MM:SS.ffffffZ'
-- (microseconds, as PostgreSQL keeps them), so sorting the text sorts the instants.

CREATE TABLE api_tokens (
    id           TEXT NOT NULL PRIMARY KEY,
    -- What the token is for, as its creator named it; NULL: unnamed.
    name         TEXT,
    -- The gyms the token sees: a JSON array of lower-case UUID strings, at least one.
    gym_ids      TEXT NOT NULL
        CHECK (json_valid(gym_ids) AND json_type(gym_ids) = 'array'
               AND json_array_length(gym_ids) > 0),
    -- SHA-256 of the token, 64 lower-case hex digits. Only the hash is stored, never the token.
    -- The unique constraint's index is the one a request's lookup by hash reads.
    token_hash   TEXT NOT NULL UNIQUE
        CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*'),
    -- The first characters of the token (e.g. prt_Ab3dE), to recognise it in listings.
    token_prefix TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    -- When the token was revoked; NULL: active.
    revoked_at   TEXT
);
