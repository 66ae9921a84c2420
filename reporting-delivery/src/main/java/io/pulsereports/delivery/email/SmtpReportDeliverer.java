package io.pulsereports.delivery.email;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.DeliveryEnvelope;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.SendResult;
import io.pulsereports.core.port.out.ReportDeliverer;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.mailer.MailerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends reports through an SMTP server with Simple Java Mail: one message per recipient, over
 * connections kept in Simple Java Mail's pool (the batch module) and reused across sends.
 */
final class SmtpReportDeliverer implements ReportDeliverer, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpReportDeliverer.class);

  private final SmtpSettings settings;
  private final Mailer mailer;
  private final EmailMessages messages;
  private final SmtpFailures failures;
  private final AtomicBoolean used = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  SmtpReportDeliverer(SmtpSettings settings) {
    this.settings = requireNonNull(settings, "settings");
    this.mailer = mailer(settings);
    this.messages = new EmailMessages(settings);
    this.failures = new SmtpFailures(settings.host(), settings.port(), settings.password());
  }

  private static Mailer mailer(SmtpSettings settings) {
    int timeoutMillis = Math.toIntExact(settings.timeout().toMillis());
    var builder = MailerBuilder
        .withSMTPServer(settings.host(), settings.port(),
            settings.username().orElse(null), settings.password().orElse(null))
        .withTransportStrategy(switch (settings.tls()) {
          case NONE -> TransportStrategy.SMTP;
          case STARTTLS -> TransportStrategy.SMTP_TLS;
          case SMTPS -> TransportStrategy.SMTPS;
        })
        .withSessionTimeout(timeoutMillis)
        // An own pool per deliverer: close() shuts down exactly this one.
        .withClusterKey(UUID.randomUUID())
        .withConnectionPoolCoreSize(0)
        .withConnectionPoolMaxSize(settings.poolSize())
        .withConnectionPoolClaimTimeoutMillis(timeoutMillis)
        .withDebugLogging(false);
    if (settings.tls() == SmtpSettings.Tls.NONE) {
      // Simple Java Mail's plain SMTP tries STARTTLS when offered; "none" means none.
      builder.withProperty("mail.smtp.starttls.enable", "false");
    }
    return builder.buildMailer();
  }

  @Override
  public DeliveryMethod method() {
    return DeliveryMethod.EMAIL;
  }

  @Override
  public Optional<String> recipientProblem(String recipient) {
    return EmailAddressRules.INSTANCE.recipientProblem(recipient);
  }

  @Override
  public String redact(String recipient) {
    return EmailAddressRules.INSTANCE.redact(recipient);
  }

  @Override
  public SendResult send(DeliveryContent content, String recipient, DeliveryEnvelope envelope) {
    requireNonNull(content, "content");
    requireNonNull(recipient, "recipient");
    requireNonNull(envelope, "envelope");
    if (closed.get()) {
      throw new IllegalStateException("this email deliverer is closed");
    }
    EmailAddresses.Mailbox mailbox;
    try {
      mailbox = EmailAddresses.parse(recipient);
    } catch (IllegalArgumentException e) {
      return SendResult.permanent("invalid recipient: " + e.getMessage());
    }
    SendResult result;
    try {
      Email email = messages.build(content, mailbox, envelope);
      used.set(true);
      mailer.sendMail(email, false).join();
      result = SendResult.accepted();
    } catch (CompletionException e) {
      result = failed(e.getCause() == null ? e : e.getCause(), envelope, mailbox);
    } catch (RuntimeException e) {
      result = failed(e, envelope, mailbox);
    }
    if (result instanceof SendResult.Accepted) {
      LOG.debug("Delivery {}: email to {} accepted by {}:{}", envelope.deliveryId(), mailbox.address(),
          settings.host(), settings.port());
    }
    return result;
  }

  private SendResult failed(Throwable failure, DeliveryEnvelope envelope, EmailAddresses.Mailbox mailbox) {
    SendResult result = failures.classify(failure);
    String reason = result instanceof SendResult.PermanentFailure p ? p.reason()
        : ((SendResult.RetryableFailure) result).reason();
    LOG.warn("Delivery {}: email to {} failed ({}): {}", envelope.deliveryId(), mailbox.address(),
        result instanceof SendResult.PermanentFailure ? "permanent" : "retryable", reason);
    return result;
  }

  /** Shuts the connection pool down, waiting up to the settings' timeout. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true) || !used.get()) {
      return;
    }
    try {
      mailer.shutdownConnectionPool().get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("SMTP connection pool for {}:{} did not shut down cleanly ({})", settings.host(),
          settings.port(), e.getClass().getSimpleName());
    }
  }

  boolean isClosed() {
    return closed.get();
  }
}
