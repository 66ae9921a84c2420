/**
 * Delivery of reports to Slack incoming webhooks (OkHttp, Block Kit). The front door is {@link
 * io.pulsereports.delivery.slack.SlackDelivery}, configured by {@link
 * io.pulsereports.delivery.slack.SlackSettings}.
 */
package io.pulsereports.delivery.slack;
