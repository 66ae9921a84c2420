SELECT count(*) FROM report_templates WHERE {filters}
