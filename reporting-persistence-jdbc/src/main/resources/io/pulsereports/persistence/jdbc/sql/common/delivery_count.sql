SELECT count(*) FROM report_deliveries WHERE {filters}
