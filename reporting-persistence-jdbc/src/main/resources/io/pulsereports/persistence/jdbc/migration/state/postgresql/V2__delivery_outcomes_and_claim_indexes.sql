-- What the delivery log needs beyond V1 (PostgreSQL).

-- Per-recipient outcomes, in the order of `recipients` (which stays the plain JSON array of
-- addresses): [{"recipient", "state" (pending | sent | failed), "attempts", "sent_at" (ISO-8601
-- UTC or null), "last_error" (or null)}]. A retry only goes to recipients not sent yet.
ALTER TABLE report_deliveries ADD COLUMN recipient_outcomes jsonb NOT NULL DEFAULT '[]'::jsonb;

-- Rows written before this version get one outcome per recipient that matches the row's status.
UPDATE report_deliveries d
SET recipient_outcomes = (
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'recipient', r.address,
               'state', CASE d.status WHEN 'sent' THEN 'sent' WHEN 'failed' THEN 'failed'
                                      ELSE 'pending' END,
               'attempts', d.attempt_count,
               'sent_at', CASE WHEN d.status = 'sent'
                               THEN to_char(coalesce(d.sent_at, d.updated_at) AT TIME ZONE 'UTC',
                                            'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END,
               'last_error', CASE WHEN d.status <> 'sent' THEN d.last_error END)
             ORDER BY r.position), '[]'::jsonb)
    FROM jsonb_array_elements_text(d.recipients) WITH ORDINALITY AS r(address, position));

-- The report data exactly as generated: json keeps the text (key order, spacing) that jsonb would
-- normalise, so a retry and the API return the very document the first attempt sent.
ALTER TABLE report_deliveries ALTER COLUMN report_data TYPE json USING report_data::json;

-- Claiming due work: waiting deliveries by due time, and leases of sending ones by expiry. Partial,
-- so they hold only the few rows that can become due; they replace V1's (status, next_attempt_at).
DROP INDEX idx_report_deliveries_due;
CREATE INDEX idx_report_deliveries_waiting ON report_deliveries (next_attempt_at)
    WHERE status IN ('pending', 'retrying');
CREATE INDEX idx_report_deliveries_leased ON report_deliveries (locked_until)
    WHERE status = 'sending';

-- The log newest first (created_at DESC, id), as listed.
CREATE INDEX idx_report_deliveries_created ON report_deliveries (created_at DESC, id);
