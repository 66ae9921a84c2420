-- A delivery remembers the custom template its message is rendered with (a subscription's), so a
-- retry hours later renders it the same way. No foreign key: a template deleted meanwhile leaves
-- the built-in email (as it leaves its subscriptions), and the id stays as a record of what was asked.

ALTER TABLE report_deliveries ADD COLUMN template_id uuid;

COMMENT ON COLUMN report_deliveries.template_id IS
    'The custom template (report_templates.id) the message is rendered with; NULL: the built-in email.';
