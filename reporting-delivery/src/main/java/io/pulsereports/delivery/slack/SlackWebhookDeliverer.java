package io.pulsereports.delivery.slack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.DeliveryEnvelope;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.SendResult;
import io.pulsereports.core.port.out.ReportDeliverer;
import io.pulsereports.delivery.internal.Texts;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts reports to Slack incoming webhooks with OkHttp: one Block Kit message per webhook.
 *
 * <table>
 *   <tr><th>outcome</th><th>result</th></tr>
 *   <tr><td>2xx</td><td>accepted</td></tr>
 *   <tr><td>429, 408</td><td>retryable, after Retry-After when given</td></tr>
 *   <tr><td>5xx</td><td>retryable, after Retry-After when given</td></tr>
 *   <tr><td>timeout, refused connection, other network or TLS error</td><td>retryable</td></tr>
 *   <tr><td>other 4xx (400, 403, 404, 410 …), 3xx</td><td>permanent, with Slack's short answer</td></tr>
 *   <tr><td>a URL that is not https or not on an allowed host</td><td>permanent, nothing is sent</td></tr>
 * </table>
 *
 * <p>Redirects are never followed. Reasons and logs show the host, never the webhook's path.
 */
final class SlackWebhookDeliverer implements ReportDeliverer, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SlackWebhookDeliverer.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  static final int MAX_ANSWER_LENGTH = 100;
  private static final long MAX_ANSWER_BYTES = 4096;

  private final WebhookUrls urls;
  private final SlackMessages messages;
  private final ObjectMapper json;
  private final OkHttpClient client;
  private final Clock clock;
  private final AtomicBoolean closed = new AtomicBoolean();

  SlackWebhookDeliverer(SlackSettings settings, Clock clock) {
    requireNonNull(settings, "settings");
    this.urls = new WebhookUrls(settings);
    this.json = new ObjectMapper();
    this.messages = new SlackMessages(json);
    this.clock = requireNonNull(clock, "clock");
    this.client = new OkHttpClient.Builder()
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.readTimeout())
        .writeTimeout(settings.readTimeout())
        .callTimeout(settings.connectTimeout().plus(settings.readTimeout().multipliedBy(2)))
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
  }

  @Override
  public DeliveryMethod method() {
    return DeliveryMethod.SLACK;
  }

  @Override
  public Optional<String> recipientProblem(String recipient) {
    return urls.problem(recipient);
  }

  @Override
  public String redact(String recipient) {
    return WebhookUrls.redact(recipient);
  }

  @Override
  public SendResult send(DeliveryContent content, String recipient, DeliveryEnvelope envelope) {
    requireNonNull(content, "content");
    requireNonNull(recipient, "recipient");
    requireNonNull(envelope, "envelope");
    if (closed.get()) {
      throw new IllegalStateException("this Slack deliverer is closed");
    }
    HttpUrl url;
    try {
      url = urls.parse(recipient);
    } catch (IllegalArgumentException e) {
      return logged(envelope, recipient, SendResult.permanent("not sent: " + e.getMessage()));
    }
    String host = "Slack webhook at " + url.host();
    byte[] body;
    try {
      body = json.writeValueAsBytes(messages.build(content));
    } catch (JsonProcessingException e) {
      return logged(envelope, recipient, SendResult.permanent("could not write the Slack message (" + e.getClass().getSimpleName() + ")"));
    }
    Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build();
    try (Response response = client.newCall(request).execute()) {
      return logged(envelope, recipient, classify(response, host, url));
    } catch (IOException e) {
      return logged(envelope, recipient, SendResult.retryable(host + ": " + networkProblem(e)));
    }
  }

  private SendResult classify(Response response, String host, HttpUrl url) {
    int code = response.code();
    if (code >= 200 && code < 300) {
      return SendResult.accepted();
    }
    String answer = answer(response, url);
    String reason = host + " answered " + code + (answer.isEmpty() ? "" : " " + answer);
    if (code == 429 || code == 408 || code >= 500) {
      Optional<Duration> retryAfter = RetryAfter.parse(response.header("Retry-After"), clock.instant());
      return new SendResult.RetryableFailure(reason, retryAfter);
    }
    return SendResult.permanent(reason);
  }

  /** Slack's short answer ({@code no_service}, {@code invalid_payload}): one line, no secret. */
  private static String answer(Response response, HttpUrl url) {
    try {
      BufferedSource source = response.body().source();
      source.request(MAX_ANSWER_BYTES);
      byte[] bytes = source.getBuffer().readByteArray(Math.min(source.getBuffer().size(), MAX_ANSWER_BYTES));
      String text = new String(bytes, StandardCharsets.UTF_8);
      List<String> secrets = new ArrayList<>(List.of(url.encodedPath(), url.encodedPath().substring(1)));
      url.pathSegments().stream().filter(segment -> segment.length() >= 6).forEach(secrets::add);
      url.encodedPathSegments().stream().filter(segment -> segment.length() >= 6).forEach(secrets::add);
      return Texts.singleLine(Texts.scrub(text, secrets.toArray(String[]::new)), MAX_ANSWER_LENGTH);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String networkProblem(IOException e) {
    if (e instanceof InterruptedIOException) {
      return "timed out";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof SSLException) {
      return "TLS failure (" + e.getClass().getSimpleName() + ")";
    }
    return "connection failed (" + e.getClass().getSimpleName() + ")";
  }

  private SendResult logged(DeliveryEnvelope envelope, String recipient, SendResult result) {
    if (result instanceof SendResult.Accepted) {
      LOG.debug("Delivery {}: Slack message to {} accepted", envelope.deliveryId(), redact(recipient));
    } else if (result instanceof SendResult.RetryableFailure r) {
      LOG.warn("Delivery {}: Slack message to {} failed (retryable): {}", envelope.deliveryId(), redact(recipient), r.reason());
    } else if (result instanceof SendResult.PermanentFailure p) {
      LOG.warn("Delivery {}: Slack message to {} failed (permanent): {}", envelope.deliveryId(), redact(recipient), p.reason());
    }
    return result;
  }

  /** Stops OkHttp's threads and closes its pooled connections. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
