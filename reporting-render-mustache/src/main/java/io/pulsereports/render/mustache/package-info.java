/**
 * Renders reports as JSON (the report data document), CSV tables, HTML (Mustache templates), PNG
 * charts (XChart, headless) and PDF, and stored reports as email-safe messages. The front door is
 * {@link io.pulsereports.render.mustache.MustacheReportRenderer}; {@link
 * io.pulsereports.render.mustache.MustacheMessageRenderer} makes messages from it, {@link
 * io.pulsereports.render.mustache.ReportTemplates} checks custom templates and {@link
 * io.pulsereports.render.mustache.SampleReports} gives reports to preview them with.
 */
package io.pulsereports.render.mustache;
