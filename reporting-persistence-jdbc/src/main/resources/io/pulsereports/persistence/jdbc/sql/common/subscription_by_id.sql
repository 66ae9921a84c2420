SELECT * FROM report_subscriptions WHERE id = :id
