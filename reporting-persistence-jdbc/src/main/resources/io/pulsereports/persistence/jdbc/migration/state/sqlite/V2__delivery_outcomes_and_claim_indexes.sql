-- What the delivery log needs beyond V1 (SQLite).
-- The delivery adapter writes every instant of report_deliveries as fixed-width UTC text
-- 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (microseconds, as PostgreSQL keeps them), so comparing and sorting
-- the text compares the instants.

-- Per-recipient outcomes, in the order of `recipients` (which stays the plain JSON array of
-- addresses): [{"recipient", "state" (pending | sent | failed), "attempts", "sent_at" (ISO-8601
-- UTC or null), "last_error" (or null)}]. A retry only goes to recipients not sent yet.
ALTER TABLE report_deliveries ADD COLUMN recipient_outcomes TEXT NOT NULL DEFAULT '[]';

-- Rows written before this version get one outcome per recipient that matches the row's status.
UPDATE report_deliveries
SET recipient_outcomes = (
    SELECT json_group_array(json_object(
               'recipient', r.value,
               'state', CASE report_deliveries.status WHEN 'sent' THEN 'sent'
                                                      WHEN 'failed' THEN 'failed'
                                                      ELSE 'pending' END,
               'attempts', report_deliveries.attempt_count,
               'sent_at', CASE WHEN report_deliveries.status = 'sent'
                               THEN coalesce(report_deliveries.sent_at,
                                             report_deliveries.updated_at) END,
               'last_error', CASE WHEN report_deliveries.status <> 'sent'
                                  THEN report_deliveries.last_error END)
             ORDER BY r.key)
    FROM json_each(report_deliveries.recipients) AS r);

-- Claiming due work: V1's (status, next_attempt_at) finds waiting deliveries by due time; this one
-- finds sending deliveries by lease expiry. (The claim's OR is a MULTI-INDEX OR over the two.)
CREATE INDEX idx_report_deliveries_leased ON report_deliveries (status, locked_until);

-- The log newest first (created_at DESC, id), as listed.
CREATE INDEX idx_report_deliveries_created ON report_deliveries (created_at DESC, id);
