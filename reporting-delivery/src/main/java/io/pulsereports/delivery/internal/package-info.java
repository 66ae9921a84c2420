/**
 * Code shared by the email and Slack deliverers: reading settings from environment variables and
 * turning texts from servers into short, single-line, secret-free reasons.
 *
 * <p><b>Not API.</b> These types are public only so that {@code io.pulsereports.delivery.email}
 * and {@code io.pulsereports.delivery.slack} can use them; they change without notice. Use {@link
 * io.pulsereports.delivery.email.EmailDelivery} and {@link
 * io.pulsereports.delivery.slack.SlackDelivery} instead.
 */
package io.pulsereports.delivery.internal;
