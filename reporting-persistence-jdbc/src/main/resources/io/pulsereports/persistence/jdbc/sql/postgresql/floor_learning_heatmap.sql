-- Benchmark floor: mistakes by category and type. Parameters: from, to.
SELECT error_category, error_type, count(*)
FROM detected_errors
WHERE detected_at >= ? AND detected_at < ?
GROUP BY error_category, error_type
