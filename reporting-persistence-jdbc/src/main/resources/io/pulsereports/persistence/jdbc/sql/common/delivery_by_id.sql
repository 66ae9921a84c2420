SELECT * FROM report_deliveries WHERE id = :id
