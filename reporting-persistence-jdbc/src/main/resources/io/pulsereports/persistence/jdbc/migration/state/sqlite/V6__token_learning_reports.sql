-- A token may also see the learning engagement reports, which belong to no gym (their
-- subscriptions and deliveries have no gym_id). Such a token needs no gym; every other one still
-- needs at least one. SQLite cannot change a CHECK in place, so the table is rebuilt (it is small:
-- one row per token).

CREATE TABLE api_tokens_v6 (
    id               TEXT NOT NULL PRIMARY KEY,
    -- What the token is for, as its creator named it; NULL: unnamed.
    name             TEXT,
    -- The gyms the token sees: a JSON array of lower-case UUID strings; at least one unless
    -- learning_reports.
    gym_ids          TEXT NOT NULL,
    -- 1 when the token sees the learning engagement reports (no gym), 0 when not.
    learning_reports INTEGER NOT NULL DEFAULT 0 CHECK (learning_reports IN (0, 1)),
    -- SHA-256 of the token, 64 lower-case hex digits. Only the hash is stored, never the token.
    -- The unique constraint's index is the one a request's lookup by hash reads.
    token_hash       TEXT NOT NULL UNIQUE
        CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*'),
    -- The first characters of the token (e.g. prt_Ab3dE), to recognise it in listings.
    token_prefix     TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    -- When the token was revoked; NULL: active.
    revoked_at       TEXT,
    CHECK (json_valid(gym_ids) AND json_type(gym_ids) = 'array'
           AND (json_array_length(gym_ids) > 0 OR learning_reports = 1))
);

INSERT INTO api_tokens_v6 (id, name, gym_ids, learning_reports, token_hash, token_prefix, created_at, revoked_at)
SELECT id, name, gym_ids, 0, token_hash, token_prefix, created_at, revoked_at FROM api_tokens;

DROP TABLE api_tokens;
ALTER TABLE api_tokens_v6 RENAME TO api_tokens;
