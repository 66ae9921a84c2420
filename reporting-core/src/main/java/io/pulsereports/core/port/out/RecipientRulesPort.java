package io.pulsereports.core.port.out;

import io.pulsereports.core.delivery.DeliveryMethod;
import java.util.Optional;

/**
 * What a channel accepts as a recipient, and how it shows one. Used to validate subscriptions and
 * sends before anything is stored, also in a process that does not send through the channel.
 */
public interface RecipientRulesPort {

  DeliveryMethod method();

  /**
   * Why {@code recipient} cannot be delivered to through this channel (a malformed address, a
   * webhook that is not https or not on an allowed host), or empty when it can.
   */
  Optional<String> recipientProblem(String recipient);

  /** How a recipient is shown in logs, errors and listings (a webhook URL without its secret path). */
  String redact(String recipient);
}
