package io.pulsereports.core.port.out;

import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.DeliveryEnvelope;
import io.pulsereports.core.delivery.SendResult;

/**
 * Sends a rendered report through one channel (email, Slack) to one recipient. Failures that are
 * expected (a refused connection, a 429, a rejected address) are returned as {@link SendResult}
 * values, never thrown, and their reasons never contain secrets (passwords, webhook paths).
 */
public interface ReportDeliverer extends RecipientRulesPort {

  SendResult send(DeliveryContent content, String recipient, DeliveryEnvelope envelope);
}
