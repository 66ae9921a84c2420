-- The :limit most frequent (error_type, error_category, error_text) triples detected in
-- [from, to): frequency descending, then type, category and text by code point (COLLATE BINARY,
-- whatever the columns declare), NULL text first. NULL type or category counts as 'unknown'.
SELECT coalesce(error_type, 'unknown') COLLATE BINARY AS error_type,
       coalesce(error_category, 'unknown') COLLATE BINARY AS error_category,
       error_text COLLATE BINARY AS error_text,
       count(*) AS frequency
FROM detected_errors
WHERE detected_at >= :coarseFrom AND detected_at < :coarseTo
  AND datetime(detected_at) >= :from AND datetime(detected_at) < :to
GROUP BY 1, 2, 3
ORDER BY frequency DESC, 1, 2, 3 NULLS FIRST
LIMIT :limit
