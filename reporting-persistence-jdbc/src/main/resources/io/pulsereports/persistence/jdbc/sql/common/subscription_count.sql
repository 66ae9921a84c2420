SELECT count(*) FROM report_subscriptions WHERE {filters}
