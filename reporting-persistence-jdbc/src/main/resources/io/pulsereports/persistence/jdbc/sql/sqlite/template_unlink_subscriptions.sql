-- Run after deleting template :id, in the delete's transaction: its subscriptions fall back to the
-- built-in template, as V1's ON DELETE SET NULL does on PostgreSQL. SQLite enforces foreign keys
-- only on connections that turn them on (sqlite-jdbc leaves them off), so the adapter does it
-- itself; where they are on, the foreign key already did and this matches nothing. updated_at is
-- left as it is, as the foreign key leaves it (the configuration's version belongs to its writers).
-- Finds the rows through idx_report_subscriptions_template (V4).
UPDATE report_subscriptions
SET template_id = NULL
WHERE template_id = :id
