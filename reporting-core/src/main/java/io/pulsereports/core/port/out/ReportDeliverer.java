package io.pulsereports.core.port.out;

import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.DeliveryEnvelope;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.SendResult;
import java.util.Optional;

/**
 * Sends a rendered report through one channel (email, Slack) to one recipient. Failures that are
 * expected (a refused connection, a 429, a rejected address) are returned as {@link SendResult}
 * values, never thrown, and their reasons never contain secrets (passwords, webhook paths).
 */
public interface ReportDeliverer {

  DeliveryMethod method();

  /**
   * Why {@code recipient} cannot be delivered to through this channel (a malformed address, a
   * webhook that is not https or not on an allowed host), or empty when it can.
   */
  Optional<String> recipientProblem(String recipient);

  /** How a recipient is shown in logs, errors and listings (a webhook URL without its secret path). */
  String redact(String recipient);

  SendResult send(DeliveryContent content, String recipient, DeliveryEnvelope envelope);
}
