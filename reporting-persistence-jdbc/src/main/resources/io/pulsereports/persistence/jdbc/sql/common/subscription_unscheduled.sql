-- Active subscriptions without a next run (written before V3, or by hand), oldest first: the
-- scheduler computes their next run (a DST-aware local time SQL cannot compute portably).
SELECT * FROM report_subscriptions
WHERE is_active
  AND next_run_at IS NULL
ORDER BY created_at, id
LIMIT :limit
