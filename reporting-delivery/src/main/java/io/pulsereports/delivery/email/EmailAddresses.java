package io.pulsereports.delivery.email;

import com.sanctionco.jmail.EmailValidationResult;
import com.sanctionco.jmail.EmailValidator;
import com.sanctionco.jmail.FailureReason;
import com.sanctionco.jmail.JMail;
import io.pulsereports.delivery.internal.Texts;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * One email address as a recipient or sender writes it, {@code jane@example.com} or {@code Jane Doe
 * <jane@example.com>}, checked with the rules Simple Java Mail applies when it sends (Jakarta
 * Mail's strict parser, then JMail's strict validator: a top-level domain, no IP domain).
 */
final class EmailAddresses {

  /** RFC 5321: 64 for the local part, 255 for the domain; a display name on top. */
  private static final int MAX_LENGTH = 512;

  private static final EmailValidator VALIDATOR = JMail.strictValidator();

  /** A parsed address: the bare address and the display name, if any. */
  record Mailbox(String address, Optional<String> name) {}

  private EmailAddresses() {}

  /** Why {@code text} is not one valid email address, or empty when it is. */
  static Optional<String> problem(String text) {
    try {
      parse(text);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The mailbox {@code text} names.
   *
   * @throws IllegalArgumentException saying why it is not one valid email address
   */
  static Mailbox parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the email address is empty");
    }
    if (Texts.hasControlCharacters(text)) {
      throw new IllegalArgumentException("the email address contains a line break or control character");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the email address is longer than " + MAX_LENGTH + " characters");
    }
    if (text.indexOf(',') >= 0 || text.indexOf(';') >= 0) {
      throw new IllegalArgumentException(
          "one email address per recipient: no commas or semicolons (also not in a display name)");
    }
    InternetAddress[] parsed;
    try {
      parsed = InternetAddress.parse(text.strip(), true);
      if (parsed.length != 1) {
        throw new IllegalArgumentException("one email address per recipient");
      }
      parsed[0].validate();
    } catch (AddressException e) {
      throw new IllegalArgumentException("'" + Texts.singleLine(text, 80) + "' is not a valid email address");
    }
    String address = parsed[0].getAddress();
    EmailValidationResult result = VALIDATOR.validate(address);
    if (result.isFailure()) {
      // The strict validator's own rules (a top-level domain, no IP address) report a generic reason.
      String why = result.getFailureReason() == FailureReason.FAILED_CUSTOM_VALIDATION
          ? "the domain must be a name with a top-level domain, such as example.com"
          : result.getFailureReason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
      throw new IllegalArgumentException(
          "'" + Texts.singleLine(address, 80) + "' is not a valid email address (" + why + ")");
    }
    String name = parsed[0].getPersonal();
    return new Mailbox(address, name == null || name.isBlank() ? Optional.empty() : Optional.of(name.strip()));
  }
}
