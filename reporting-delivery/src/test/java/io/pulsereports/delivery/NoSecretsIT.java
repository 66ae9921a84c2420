package io.pulsereports.delivery;

import static io.pulsereports.delivery.DeliveryFixtures.content;
import static io.pulsereports.delivery.DeliveryFixtures.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.pulsereports.core.delivery.SendResult;
import io.pulsereports.delivery.email.EmailDelivery;
import io.pulsereports.delivery.email.SmtpSettings;
import io.pulsereports.delivery.slack.SlackDelivery;
import io.pulsereports.delivery.slack.SlackSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No reason, problem, redaction, toString or log line contains the SMTP password or a webhook's
 * secret path, whatever goes wrong. Logs are what slf4j-simple writes to standard error, with the
 * adapters at debug level (src/test/resources/simplelogger.properties).
 */
class NoSecretsIT {

  static final String PASSWORD = "Sup3r-Secret-SMTP-Passw0rd";
  static final String TOKEN = "xOxB0SecretWebhookToken9";
  static final String PATH = "/services/T0PULSE01/B0REPORT2/" + TOKEN;

  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

  @StartStop
  final MockWebServer slackServer = new MockWebServer();

  final List<String> seen = new ArrayList<>();
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  PrintStream standardError;

  @BeforeEach
  void captureLog() {
    standardError = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreLog() {
    System.setErr(standardError);
  }

  void see(Object value) {
    seen.add(String.valueOf(value));
    if (value instanceof SendResult.RetryableFailure r) {
      seen.add(r.reason());
    } else if (value instanceof SendResult.PermanentFailure p) {
      seen.add(p.reason());
    }
  }

  void assertNothingSeenContainsASecret() {
    System.err.flush();
    String logged = log.toString(StandardCharsets.UTF_8);
    assertThat(logged).as("the failures were logged").contains("failed (permanent)", "failed (retryable)");
    seen.add(logged);
    assertThat(seen).isNotEmpty().allSatisfy(text -> assertThat(text)
        .doesNotContain(PASSWORD)
        .doesNotContain(TOKEN)
        .doesNotContain("B0REPORT2"));
  }

  @Test
  void smtpFailuresNeverShowThePassword() {
    greenMail.setUser("reports@pulse.example", "reports", "the-right-one");
    SmtpSettings settings = SmtpSettings.builder("127.0.0.1", "reports@pulse.example")
        .port(greenMail.getSmtp().getPort()).tls(SmtpSettings.Tls.NONE).timeout(Duration.ofSeconds(2))
        .credentials("reports", PASSWORD).build();
    SmtpSettings unreachable = SmtpSettings.builder("127.0.0.1", "reports@pulse.example")
        .port(1).tls(SmtpSettings.Tls.NONE).timeout(Duration.ofSeconds(2)).credentials("reports", PASSWORD).build();
    try (EmailDelivery email = EmailDelivery.smtp(settings); EmailDelivery down = EmailDelivery.smtp(unreachable)) {
      see(email.send(content(), "ops@gym.example", envelope()));
      see(email.send(content(), "not an address", envelope()));
      see(down.send(content(), "ops@gym.example", envelope()));
      see(email.recipientProblem("ops@localhost"));
      see(email.redact("Ops <ops@gym.example>"));
      see(email);
      see(settings);
    }
    assertThat(seen.get(1)).contains("535");
    assertNothingSeenContainsASecret();
  }

  @Test
  void slackFailuresNeverShowTheWebhookPath() {
    String host = slackServer.url("/").host();
    String webhook = slackServer.url(PATH).toString();
    slackServer.enqueue(new MockResponse.Builder().code(404).body("no_service for " + PATH).build());
    slackServer.enqueue(new MockResponse.Builder().code(500).body(TOKEN).build());
    slackServer.enqueue(new MockResponse.Builder().code(200).headersDelay(2, java.util.concurrent.TimeUnit.SECONDS).build());
    SlackSettings settings = SlackSettings.defaults().withAllowedHosts(host)
        .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500)).allowingLoopbackHttp();
    try (SlackDelivery slack = SlackDelivery.webhooks(settings)) {
      see(slack.send(content(), webhook, envelope()));
      see(slack.send(content(), webhook, envelope()));
      see(slack.send(content(), webhook, envelope()));
      see(slack.send(content(), "https://evil.example" + PATH, envelope()));
      see(slack.send(content(), "http://user:pw@" + host + PATH, envelope()));
      see(slack.recipientProblem("ftp://" + host + PATH));
      see(slack.redact(webhook));
      see(slack);
      see(settings);
    }
    assertThat(seen.get(1)).contains("404");
    assertNothingSeenContainsASecret();
  }
}
