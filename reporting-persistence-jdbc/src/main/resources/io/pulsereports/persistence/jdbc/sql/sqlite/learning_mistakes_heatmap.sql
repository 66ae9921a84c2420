-- Errors detected in [from, to) by error_category x error_type (NULL: 'unknown'), ordered by code
-- point, each row also carrying the window's total (every error is in exactly one cell).
SELECT coalesce(error_category, 'unknown') COLLATE BINARY AS error_category,
       coalesce(error_type, 'unknown') COLLATE BINARY AS error_type,
       count(*) AS errors,
       sum(count(*)) OVER () AS total_errors
FROM detected_errors
WHERE detected_at >= :coarseFrom AND detected_at < :coarseTo
  AND datetime(detected_at) >= :from AND datetime(detected_at) < :to
GROUP BY 1, 2
ORDER BY 1, 2
