package io.pulsereports.delivery.email;

import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.port.out.RecipientRulesPort;
import java.util.Optional;

/** What the email channel accepts as a recipient: one valid address, with or without a display name. */
final class EmailAddressRules implements RecipientRulesPort {

  static final EmailAddressRules INSTANCE = new EmailAddressRules();

  private EmailAddressRules() {}

  @Override
  public DeliveryMethod method() {
    return DeliveryMethod.EMAIL;
  }

  @Override
  public Optional<String> recipientProblem(String recipient) {
    return EmailAddresses.problem(recipient);
  }

  /** The bare address: email addresses are not secret, display names add nothing to a log. */
  @Override
  public String redact(String recipient) {
    try {
      return EmailAddresses.parse(recipient).address();
    } catch (IllegalArgumentException e) {
      return "(invalid email address)";
    }
  }
}
