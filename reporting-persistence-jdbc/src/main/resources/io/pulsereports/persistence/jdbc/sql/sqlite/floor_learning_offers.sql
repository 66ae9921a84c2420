-- Benchmark floor: users sent an offer in the window. Parameters: coarse from/to, exact from/to.
SELECT DISTINCT user_id
FROM conversion_triggers
WHERE triggered_at >= ? AND triggered_at < ? AND datetime(triggered_at) >= ? AND datetime(triggered_at) < ?
  AND offer_sent = 1
