-- The subscriptions using it fall back to the built-in template (report_subscriptions.template_id
-- is set to NULL: by ON DELETE SET NULL on PostgreSQL, by sqlite/template_unlink_subscriptions.sql
-- in the same transaction on SQLite).
DELETE FROM report_templates WHERE id = :id
