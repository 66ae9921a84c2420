-- Benchmark floor: the most frequent mistakes. Parameters: coarse from/to, exact from/to, limit.
SELECT error_type, error_category, error_text, count(*) AS frequency
FROM detected_errors
WHERE detected_at >= ? AND detected_at < ? AND datetime(detected_at) >= ? AND datetime(detected_at) < ?
GROUP BY error_type, error_category, error_text
ORDER BY frequency DESC
LIMIT ?
