-- Run after deleting subscription :id, in the delete's transaction: its deliveries stay in the log
-- without it, as V1's ON DELETE SET NULL does on PostgreSQL (sqlite-jdbc connections leave foreign
-- keys off, so the adapter does it itself). Finds the rows through
-- idx_report_deliveries_subscription (V1).
UPDATE report_deliveries
SET subscription_id = NULL
WHERE subscription_id = :id
