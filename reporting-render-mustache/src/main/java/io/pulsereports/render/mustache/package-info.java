/**
 * Renders reports as JSON (the report data document), CSV tables and HTML (Mustache templates).
 * The front door is {@link io.pulsereports.render.mustache.MustacheReportRenderer}.
 */
package io.pulsereports.render.mustache;
