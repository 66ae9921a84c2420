/**
 * Implementation of the Mustache renderer: the JSON tree, the CSV tables, the HTML model and the
 * PNG charts.
 *
 * <p><b>Not API.</b> These types are public only so that {@code io.pulsereports.render.mustache}
 * can use them; they change without notice. Use {@link
 * io.pulsereports.render.mustache.MustacheReportRenderer} instead.
 */
package io.pulsereports.render.mustache.internal;
