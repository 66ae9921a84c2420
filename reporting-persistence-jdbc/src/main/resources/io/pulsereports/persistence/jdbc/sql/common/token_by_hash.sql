-- A request's token, revoked or not: one read of the unique token_hash index.
SELECT * FROM api_tokens WHERE token_hash = :tokenHash
