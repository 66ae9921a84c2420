SELECT * FROM api_tokens WHERE id = :id
