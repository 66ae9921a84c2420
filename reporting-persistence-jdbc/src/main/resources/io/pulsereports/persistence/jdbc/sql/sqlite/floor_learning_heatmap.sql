-- Benchmark floor: mistakes by category and type. Parameters: coarse from/to, exact from/to.
SELECT error_category, error_type, count(*)
FROM detected_errors
WHERE detected_at >= ? AND detected_at < ? AND datetime(detected_at) >= ? AND datetime(detected_at) < ?
GROUP BY error_category, error_type
