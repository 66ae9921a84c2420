package io.pulsereports.delivery.slack;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.DeliveryEnvelope;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.SendResult;
import io.pulsereports.core.port.out.ReportDeliverer;
import java.time.Clock;
import java.util.Optional;

/**
 * The Slack channel: a {@link ReportDeliverer} whose recipients are incoming-webhook URLs, each
 * sent one Block Kit message with the report's headline figures and a link to the full report.
 *
 * <pre>{@code
 * try (SlackDelivery slack = SlackDelivery.webhooks(SlackSettings.fromEnvironment(System.getenv()))) {
 *   slack.recipientProblem(url).ifPresent(problem -> reject(problem));
 *   SendResult result = slack.send(content, url, envelope);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Webhook URLs must be https on an allowed host; {@link #redact} shows them as
 * {@code https://hooks.slack.com/services/***}, and no reason or log line contains their path.
 * {@link #close()} releases the HTTP client's threads and connections.
 */
public final class SlackDelivery implements ReportDeliverer, AutoCloseable {

  private final SlackWebhookDeliverer deliverer;

  private SlackDelivery(SlackWebhookDeliverer deliverer) {
    this.deliverer = deliverer;
  }

  /** Posts to incoming webhooks as {@code settings} allow. */
  public static SlackDelivery webhooks(SlackSettings settings) {
    return new SlackDelivery(new SlackWebhookDeliverer(requireNonNull(settings, "settings"), Clock.systemUTC()));
  }

  @Override
  public DeliveryMethod method() {
    return deliverer.method();
  }

  /**
   * Why {@code recipient} is not a usable webhook: not a URL, not https (http only to loopback
   * when allowed for tests), a host outside the allow-list, user info, no path.
   */
  @Override
  public Optional<String> recipientProblem(String recipient) {
    return deliverer.recipientProblem(recipient);
  }

  /** {@code scheme://host[:port]/services/***}. */
  @Override
  public String redact(String recipient) {
    return deliverer.redact(recipient);
  }

  @Override
  public SendResult send(DeliveryContent content, String recipient, DeliveryEnvelope envelope) {
    return deliverer.send(content, recipient, envelope);
  }

  /** Releases the HTTP client; sending afterwards is an {@link IllegalStateException}. */
  @Override
  public void close() {
    deliverer.close();
  }

  @Override
  public String toString() {
    return "SlackDelivery[webhooks]";
  }
}
