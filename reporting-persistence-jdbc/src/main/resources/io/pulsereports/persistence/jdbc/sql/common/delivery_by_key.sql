SELECT * FROM report_deliveries WHERE idempotency_key = :idempotencyKey
