package io.pulsereports.delivery.email;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.DeliveryEnvelope;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.SendResult;
import io.pulsereports.core.port.out.RecipientRulesPort;
import io.pulsereports.core.port.out.ReportDeliverer;
import java.util.Optional;

/**
 * The email channel: a {@link ReportDeliverer} that sends each recipient their own message (HTML
 * with inline charts, a plain-text part, CSV attachments) through an SMTP server.
 *
 * <pre>{@code
 * try (EmailDelivery email = EmailDelivery.smtp(SmtpSettings.fromEnvironment(System.getenv()))) {
 *   SendResult result = email.send(content, "ops@example.com", envelope);
 * }
 * }</pre>
 *
 * <p>Thread-safe. SMTP connections are pooled and reused across sends; {@link #close()} shuts the
 * pool down. Failures come back as {@link SendResult}s: 4xx replies and network errors are
 * retryable, 5xx replies permanent; reasons never contain the password.
 */
public final class EmailDelivery implements ReportDeliverer, AutoCloseable {

  private final SmtpReportDeliverer deliverer;

  private EmailDelivery(SmtpReportDeliverer deliverer) {
    this.deliverer = deliverer;
  }

  /** Sends through the SMTP server of {@code settings}; connects on the first send. */
  public static EmailDelivery smtp(SmtpSettings settings) {
    return new EmailDelivery(new SmtpReportDeliverer(requireNonNull(settings, "settings")));
  }

  /**
   * The email channel's recipient rules without an SMTP server: for validating subscriptions in a
   * process that does not send email.
   */
  public static RecipientRulesPort addressRules() {
    return EmailAddressRules.INSTANCE;
  }

  @Override
  public DeliveryMethod method() {
    return deliverer.method();
  }

  /** Why {@code recipient} is not one valid email address ({@code a@b.example} or {@code Name <a@b.example>}). */
  @Override
  public Optional<String> recipientProblem(String recipient) {
    return deliverer.recipientProblem(recipient);
  }

  @Override
  public String redact(String recipient) {
    return deliverer.redact(recipient);
  }

  @Override
  public SendResult send(DeliveryContent content, String recipient, DeliveryEnvelope envelope) {
    return deliverer.send(content, recipient, envelope);
  }

  /** Shuts down the SMTP connection pool; sending afterwards is an {@link IllegalStateException}. */
  @Override
  public void close() {
    deliverer.close();
  }

  @Override
  public String toString() {
    return "EmailDelivery[smtp]";
  }
}
