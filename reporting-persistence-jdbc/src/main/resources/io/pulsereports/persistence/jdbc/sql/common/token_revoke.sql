-- Revokes an active token; a token revoked already keeps its revoked_at (and matches nothing).
UPDATE api_tokens
SET revoked_at = :revokedAt
WHERE id = :id
  AND revoked_at IS NULL
