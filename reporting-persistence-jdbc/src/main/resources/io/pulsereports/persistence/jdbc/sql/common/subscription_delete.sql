-- Its deliveries stay in the log (report_deliveries.subscription_id is set to NULL).
DELETE FROM report_subscriptions WHERE id = :id
