-- The :limit most frequent (error_type, error_category, error_text) triples detected in
-- [from, to): frequency descending, then type, category and text by code point (COLLATE "C"),
-- NULL text first. NULL type or category is reported, grouped and ordered as 'unknown'.
SELECT coalesce(CAST(error_type AS text), 'unknown') COLLATE "C" AS error_type,
       coalesce(CAST(error_category AS text), 'unknown') COLLATE "C" AS error_category,
       CAST(error_text AS text) COLLATE "C" AS error_text,
       count(*) AS frequency
FROM detected_errors
WHERE detected_at >= :from AND detected_at < :to
GROUP BY 1, 2, 3
ORDER BY frequency DESC, error_type, error_category, error_text NULLS FIRST
LIMIT :limit
