-- Errors detected in [from, to) by error_category x error_type (NULL: 'unknown'), ordered by code
-- point, each row also carrying the window's total (every error is in exactly one cell).
SELECT coalesce(CAST(error_category AS text), 'unknown') COLLATE "C" AS error_category,
       coalesce(CAST(error_type AS text), 'unknown') COLLATE "C" AS error_type,
       count(*) AS errors,
       sum(count(*)) OVER () AS total_errors
FROM detected_errors
WHERE detected_at >= :from AND detected_at < :to
GROUP BY 1, 2
ORDER BY error_category, error_type
