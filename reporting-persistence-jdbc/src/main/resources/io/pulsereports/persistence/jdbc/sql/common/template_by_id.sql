SELECT * FROM report_templates WHERE id = :id
