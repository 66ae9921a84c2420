-- A template usable by a subscription of gym :gymId: a shared one (gym_id NULL) or the gym's own.
-- :gymId NULL (a subscription without a gym) matches only shared templates: NULL = NULL is never
-- true.
SELECT count(*)
FROM report_templates
WHERE id = :templateId
  AND (gym_id IS NULL OR gym_id = :gymId)
