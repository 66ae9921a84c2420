-- A token may also see the learning engagement reports, which belong to no gym (their
-- subscriptions and deliveries have no gym_id). Such a token needs no gym; every other one still
-- needs at least one.

ALTER TABLE api_tokens ADD COLUMN learning_reports boolean NOT NULL DEFAULT false;
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_gym_ids_check;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_scope_check
    CHECK (jsonb_typeof(gym_ids) = 'array' AND (jsonb_array_length(gym_ids) > 0 OR learning_reports));

COMMENT ON COLUMN api_tokens.gym_ids IS
    'The gyms the token sees: a JSON array of lower-case UUID strings; at least one unless learning_reports.';
COMMENT ON COLUMN api_tokens.learning_reports IS
    'Whether the token sees the learning engagement reports (no gym): their subscriptions and deliveries.';
