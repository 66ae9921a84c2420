-- A delivery remembers the custom template its message is rendered with (a subscription's), so a
-- retry hours later renders it the same way. No foreign key: a template deleted meanwhile leaves
-- the built-in email (as it leaves its subscriptions), and the id stays as a record of what was asked.
-- NULL: the built-in email.

ALTER TABLE report_deliveries ADD COLUMN template_id TEXT;
