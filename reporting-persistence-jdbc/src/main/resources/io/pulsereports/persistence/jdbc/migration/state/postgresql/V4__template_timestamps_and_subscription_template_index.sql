-- What the templates need beyond V1 (PostgreSQL). Their created_at and updated_at are timestamptz
-- already, kept to the microsecond: the rewrite of old timestamps that SQLite's V4 does (as V3 did
-- for report_subscriptions) has nothing to do here.

-- Deleting a template sets template_id of the subscriptions using it to NULL (V1's ON DELETE SET
-- NULL; they fall back to the built-in template). This index lets that look the subscriptions up
-- instead of reading all of them; partial, as most subscriptions use no custom template.
CREATE INDEX idx_report_subscriptions_template ON report_subscriptions (template_id)
    WHERE template_id IS NOT NULL;
