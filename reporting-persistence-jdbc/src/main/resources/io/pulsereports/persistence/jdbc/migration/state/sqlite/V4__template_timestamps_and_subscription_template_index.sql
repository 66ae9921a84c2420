-- What the templates need beyond V1 (SQLite).
-- The template adapter writes every instant of report_templates as fixed-width UTC text
-- 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (microseconds, as PostgreSQL keeps them), as V3 does for
-- report_subscriptions, so comparing and sorting the text compares the instants.

-- updated_at is the version that updates compare and set, and created_at orders the list, both as
-- text: rows written before this version (V1's default is milliseconds, 'YYYY-MM-DDTHH:MM:SS.SSSZ')
-- get the fixed-width form of the same instant. Text SQLite cannot read as a time is left as is.
UPDATE report_templates
SET created_at = coalesce(strftime('%Y-%m-%dT%H:%M:%f', created_at) || '000Z', created_at)
WHERE created_at NOT GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z';
UPDATE report_templates
SET updated_at = coalesce(strftime('%Y-%m-%dT%H:%M:%f', updated_at) || '000Z', updated_at)
WHERE updated_at NOT GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z';

-- Deleting a template sets template_id of the subscriptions using it to NULL (they fall back to
-- the built-in template): the adapter does it in the delete's transaction, since SQLite enforces
-- V1's ON DELETE SET NULL only on connections that turn foreign keys on. This index finds them
-- without reading every subscription; partial, as most subscriptions use no custom template.
CREATE INDEX idx_report_subscriptions_template ON report_subscriptions (template_id)
    WHERE template_id IS NOT NULL;
