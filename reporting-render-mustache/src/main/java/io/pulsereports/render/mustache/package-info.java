/**
 * Renders reports as JSON (the report data document), CSV tables, HTML (Mustache templates) and PNG
 * charts (XChart, headless).
 * The front door is {@link io.pulsereports.render.mustache.MustacheReportRenderer}.
 */
package io.pulsereports.render.mustache;
