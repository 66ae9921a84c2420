package io.pulsereports.delivery.slack;

import static io.pulsereports.delivery.DeliveryFixtures.content;
import static io.pulsereports.delivery.DeliveryFixtures.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulsereports.core.delivery.SendResult;
import io.pulsereports.delivery.DeliveryFixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Slack deliverer against a real HTTP server on loopback. */
class SlackWebhookIT {

  static final String SECRET_PATH = "/services/T0PULSE01/B0REPORT2/x9SecretWebhookToken42";
  static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

  @StartStop
  final MockWebServer server = new MockWebServer();

  final ObjectMapper json = new ObjectMapper();
  final List<String> reasons = new ArrayList<>();
  SlackWebhookDeliverer slack;
  String webhook;

  @BeforeEach
  void open() {
    webhook = server.url(SECRET_PATH).toString();
    SlackSettings settings = SlackSettings.defaults()
        .withAllowedHosts(server.url("/").host())
        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
        .allowingLoopbackHttp();
    slack = new SlackWebhookDeliverer(settings, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    slack.close();
    for (String reason : reasons) {
      assertThat(reason).doesNotContain("x9SecretWebhookToken42").doesNotContain("B0REPORT2");
    }
  }

  SendResult send() {
    SendResult result = slack.send(content(), webhook, envelope());
    if (result instanceof SendResult.RetryableFailure r) {
      reasons.add(r.reason());
    } else if (result instanceof SendResult.PermanentFailure p) {
      reasons.add(p.reason());
    }
    reasons.add(result.toString());
    return result;
  }

  static MockResponse status(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }

  @Test
  void postsBlockKitJsonAndAcceptsA200() throws Exception {
    server.enqueue(status(200, "ok"));

    assertThat(send()).isEqualTo(SendResult.accepted());

    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo(SECRET_PATH);
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    JsonNode message = json.readTree(request.getBody().utf8());
    assertThat(message.get("text").asText()).startsWith("Daily report · Downtown · 2026-11-20\n")
        .contains("Figure 1: 10 (▲ 1 % vs previous period)")
        .contains("https://reports.example.com/reports/daily/2026-11-20");
    JsonNode blocks = message.get("blocks");
    assertThat(blocks).extracting(block -> block.get("type").asText())
        .containsExactly("header", "section", "section", "actions");
    assertThat(blocks.get(0).at("/text/type").asText()).isEqualTo("plain_text");
    assertThat(blocks.get(0).at("/text/text").asText()).isEqualTo("Daily report · Downtown · 2026-11-20");
    assertThat(blocks.get(1).at("/text/text").asText()).isEqualTo("Downtown branch, Thursday 20 November 2026 (Europe/Berlin)");
    JsonNode fields = blocks.get(2).get("fields");
    assertThat(fields).hasSize(3);
    assertThat(fields.get(0).get("type").asText()).isEqualTo("mrkdwn");
    assertThat(fields.get(0).get("text").asText()).isEqualTo("*Figure 1*\n10\n▲ 1 % vs previous period");
    assertThat(fields.get(1).get("text").asText()).isEqualTo("*Figure 2*\n20\n▼ 2 % vs previous period");
    JsonNode button = blocks.get(3).at("/elements/0");
    assertThat(button.get("type").asText()).isEqualTo("button");
    assertThat(button.get("url").asText()).isEqualTo("https://reports.example.com/reports/daily/2026-11-20");
  }

  @Test
  void a429IsRetryableAfterTheSecondsOfRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("rate_limited").build());

    SendResult result = send();

    assertThat(result).isEqualTo(new SendResult.RetryableFailure(
        "Slack webhook at " + server.url("/").host() + " answered 429 rate_limited", Optional.of(Duration.ofSeconds(7))));
  }

  @Test
  void a429WithAnHttpDateWaitsUntilThatMoment() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "Fri, 20 Nov 2026 08:01:30 GMT").build());

    SendResult result = send();

    assertThat(result).isInstanceOf(SendResult.RetryableFailure.class);
    assertThat(((SendResult.RetryableFailure) result).retryAfter()).contains(Duration.ofSeconds(90));
  }

  @Test
  void a500IsRetryableAndTheNextAttemptIsAccepted() {
    server.enqueue(status(500, "internal_error"));
    server.enqueue(status(200, "ok"));

    SendResult first = send();
    SendResult second = send();

    assertThat(first).isInstanceOf(SendResult.RetryableFailure.class);
    assertThat(((SendResult.RetryableFailure) first).reason()).endsWith("answered 500 internal_error");
    assertThat(((SendResult.RetryableFailure) first).retryAfter()).isEmpty();
    assertThat(second).isEqualTo(SendResult.accepted());
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void a503KeepsItsRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "120").build());

    assertThat(send()).isEqualTo(new SendResult.RetryableFailure(
        "Slack webhook at " + server.url("/").host() + " answered 503", Optional.of(Duration.ofMinutes(2))));
  }

  @Test
  void a404NoServiceIsPermanentAndNamesTheStatus() {
    server.enqueue(status(404, "no_service"));

    assertThat(send()).isEqualTo(SendResult.permanent(
        "Slack webhook at " + server.url("/").host() + " answered 404 no_service"));
  }

  @Test
  void otherClientErrorsArePermanent() {
    server.enqueue(status(400, "invalid_payload"));
    server.enqueue(status(403, "action_prohibited"));
    server.enqueue(status(410, "channel_is_archived"));

    assertThat(List.of(send(), send(), send())).allSatisfy(result ->
        assertThat(result).isInstanceOf(SendResult.PermanentFailure.class));
    assertThat(reasons).anySatisfy(reason -> assertThat(reason).endsWith("answered 400 invalid_payload"))
        .anySatisfy(reason -> assertThat(reason).endsWith("answered 403 action_prohibited"))
        .anySatisfy(reason -> assertThat(reason).endsWith("answered 410 channel_is_archived"));
  }

  @Test
  void aSlowServerTimesOutRetryably() {
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(3, TimeUnit.SECONDS).build());

    long start = System.nanoTime();
    SendResult result = send();

    assertThat(result).isEqualTo(SendResult.retryable("Slack webhook at " + server.url("/").host() + ": timed out"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aRefusedConnectionIsRetryable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    webhook = "http://" + server.url("/").host() + ":" + closedPort + SECRET_PATH;

    SendResult result = send();

    assertThat(result).isInstanceOf(SendResult.RetryableFailure.class);
    assertThat(reasons.get(0)).endsWith(": connection refused");
  }

  @Test
  void neverFollowsARedirect() {
    server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "https://evil.example/collect").build());

    SendResult result = send();

    assertThat(result).isEqualTo(SendResult.permanent("Slack webhook at " + server.url("/").host() + " answered 301"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void removesTheWebhookPathFromWhatTheServerSays() {
    server.enqueue(status(404, "no such webhook: " + SECRET_PATH + " (x9SecretWebhookToken42)"));

    SendResult result = send();

    assertThat(result).isInstanceOf(SendResult.PermanentFailure.class);
    assertThat(reasons.get(0)).contains("404 no such webhook: ***");
  }

  @Test
  void sendsNothingToAWebhookThatIsNotAllowed() {
    webhook = "https://hooks.slack.example" + SECRET_PATH;

    SendResult result = send();

    assertThat(result).isEqualTo(SendResult.permanent(
        "not sent: webhook host hooks.slack.example is not allowed (allowed: " + server.url("/").host() + ")"));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void splitsMoreThanTenHeadlinesAcrossSections() throws Exception {
    server.enqueue(status(200, "ok"));

    assertThat(slack.send(DeliveryFixtures.withHeadlines(DeliveryFixtures.headlines(23)), webhook, envelope()))
        .isEqualTo(SendResult.accepted());

    JsonNode blocks = json.readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8()).get("blocks");
    assertThat(blocks).extracting(block -> block.get("type").asText())
        .containsExactly("header", "section", "section", "section", "section", "actions");
    assertThat(blocks.get(2).get("fields")).hasSize(10);
    assertThat(blocks.get(3).get("fields")).hasSize(10);
    assertThat(blocks.get(4).get("fields")).hasSize(3);
    assertThat(blocks.get(4).get("fields").get(2).get("text").asText()).startsWith("*Figure 23*");
  }

  @Test
  void refusesToSendAfterClose() {
    slack.close();

    assertThatThrownBy(this::send).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theRecordedRequestCarriesNoCredentialsOfItsOwn() throws Exception {
    server.enqueue(new MockResponse(200, Headers.of(), "ok"));

    send();

    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(request.getHeaders().get("Cookie")).isNull();
  }
}
