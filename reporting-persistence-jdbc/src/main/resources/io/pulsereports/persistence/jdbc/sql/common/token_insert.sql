-- Stores a new token; an id or a token hash that is taken fails (primary key, unique hash) and
-- changes nothing.
INSERT INTO api_tokens (id, name, gym_ids, learning_reports, token_hash, token_prefix, created_at, revoked_at)
VALUES (:id, :name, :gymIds, :learningReports, :tokenHash, :tokenPrefix, :createdAt, :revokedAt)
