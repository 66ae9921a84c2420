-- API tokens (PostgreSQL): who may call the HTTP API, and for which gyms. Only the SHA-256 of a
-- token is stored, never the token itself (it is shown once, when created): a leaked table does
-- not let anyone in.

CREATE TABLE api_tokens (
    id           uuid        NOT NULL PRIMARY KEY,
    name         text,
    gym_ids      jsonb       NOT NULL
        CHECK (jsonb_typeof(gym_ids) = 'array' AND jsonb_array_length(gym_ids) > 0),
    -- The unique constraint's index is the one a request's lookup by hash reads.
    token_hash   text        NOT NULL UNIQUE
        CHECK (length(token_hash) = 64 AND token_hash ~ '^[0-9a-f]{64}$'),
    token_prefix text        NOT NULL,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);

COMMENT ON TABLE api_tokens IS
    'API tokens: only the SHA-256 of each token is stored, never the token itself.';
COMMENT ON COLUMN api_tokens.name IS 'What the token is for, as its creator named it; NULL: unnamed.';
COMMENT ON COLUMN api_tokens.gym_ids IS
    'The gyms the token sees: a JSON array of lower-case UUID strings, at least one.';
COMMENT ON COLUMN api_tokens.token_hash IS
    'SHA-256 of the token, 64 lower-case hex digits. Only the hash is stored, never the token.';
COMMENT ON COLUMN api_tokens.token_prefix IS
    'The first characters of the token (e.g. prt_Ab3dE), to recognise it in listings; never the token.';
COMMENT ON COLUMN api_tokens.revoked_at IS 'When the token was revoked; NULL: active.';
