package io.pulsereports.delivery.email;

import static io.pulsereports.delivery.DeliveryFixtures.content;
import static io.pulsereports.delivery.DeliveryFixtures.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.delivery.SendResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real sockets on loopback: a closed port, a server that never answers, scripted SMTP replies. */
class SmtpFailureClassificationIT {

  static final String PASSWORD = "p4ss-W0rd-that-must-never-leak";

  FakeSmtpServer server;

  @BeforeEach
  void start() throws IOException {
    server = new FakeSmtpServer();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  EmailDelivery deliveryTo(int port) {
    return EmailDelivery.smtp(SmtpSettings.builder("127.0.0.1", "reports@pulse.example")
        .port(port)
        .tls(SmtpSettings.Tls.NONE)
        .timeout(Duration.ofSeconds(2))
        .build());
  }

  SendResult sendThrough(FakeSmtpServer server) {
    try (EmailDelivery email = deliveryTo(server.port())) {
      return email.send(content(), "ops@gym.example", envelope());
    }
  }

  @Test
  void aRefusedConnectionIsRetryable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (EmailDelivery email = deliveryTo(closedPort)) {
      SendResult result = email.send(content(), "ops@gym.example", envelope());

      assertThat(result).isInstanceOf(SendResult.RetryableFailure.class);
      assertThat(reason(result)).isEqualTo("SMTP 127.0.0.1:" + closedPort + ": connection refused");
    }
  }

  @Test
  void aServerThatNeverGreetsTimesOutRetryably() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        EmailDelivery email = deliveryTo(silent.getLocalPort())) {
      long start = System.nanoTime();
      SendResult result = email.send(content(), "ops@gym.example", envelope());

      assertThat(result).isInstanceOf(SendResult.RetryableFailure.class);
      assertThat(reason(result)).isEqualTo("SMTP 127.0.0.1:" + silent.getLocalPort() + ": timed out");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }
  }

  @Test
  void a451AfterTheMessageIsRetryable() {
    server.reply("DATA_END", "451 4.3.0 Temporary local problem, try again later");

    SendResult result = sendThrough(server);

    assertThat(result).isInstanceOf(SendResult.RetryableFailure.class);
    assertThat(reason(result)).isEqualTo(
        "SMTP 127.0.0.1:" + server.port() + " replied 451 4.3.0 Temporary local problem, try again later");
  }

  @Test
  void a421GreetingIsRetryable() {
    server.reply("GREETING", "421 4.7.0 fake.test Too many connections, try later");

    SendResult result = sendThrough(server);

    assertThat(result).isInstanceOf(SendResult.RetryableFailure.class);
    assertThat(reason(result)).contains("421");
  }

  @Test
  void a450Or452ForTheRecipientIsRetryable() {
    server.reply("RCPT", "452 4.2.2 Mailbox full");

    SendResult result = sendThrough(server);

    assertThat(result).isInstanceOf(SendResult.RetryableFailure.class);
    assertThat(reason(result)).contains("452 4.2.2 Mailbox full");
  }

  @Test
  void a550ForTheRecipientIsPermanent() {
    server.reply("RCPT", "550 5.1.1 <ops@gym.example>: Recipient address rejected: User unknown");

    SendResult result = sendThrough(server);

    assertThat(result).isInstanceOf(SendResult.PermanentFailure.class);
    assertThat(reason(result)).isEqualTo("SMTP 127.0.0.1:" + server.port()
        + " replied 550 5.1.1 <ops@gym.example>: Recipient address rejected: User unknown");
  }

  @Test
  void a553ForTheSenderIsPermanent() {
    server.reply("MAIL", "553 5.7.1 Sender address rejected: not owned by user");

    SendResult result = sendThrough(server);

    assertThat(result).isInstanceOf(SendResult.PermanentFailure.class);
    assertThat(reason(result)).contains("553 5.7.1");
  }

  @Test
  void a554AfterTheMessageIsPermanent() {
    server.reply("DATA_END", "554 5.7.1 Message rejected as spam");

    SendResult result = sendThrough(server);

    assertThat(result).isInstanceOf(SendResult.PermanentFailure.class);
    assertThat(reason(result)).contains("554 5.7.1 Message rejected as spam");
  }

  @Test
  void reusesThePooledConnectionForLaterSends() {
    try (EmailDelivery email = deliveryTo(server.port())) {
      for (int i = 0; i < 3; i++) {
        assertThat(email.send(content(), "ops" + i + "@gym.example", envelope())).isEqualTo(SendResult.accepted());
      }
    }
    assertThat(server.messages()).isEqualTo(3);
    assertThat(server.connections()).as("one SMTP connection for three messages").isEqualTo(1);
  }

  @Test
  void recoversWithANewConnectionAfterATemporaryFailure() {
    server.reply("DATA_END", "451 4.3.0 try again");
    try (EmailDelivery email = deliveryTo(server.port())) {
      assertThat(email.send(content(), "ops@gym.example", envelope())).isInstanceOf(SendResult.RetryableFailure.class);
      server.reply("DATA_END", "250 2.0.0 Ok: queued");
      assertThat(email.send(content(), "ops@gym.example", envelope())).isEqualTo(SendResult.accepted());
    }
    assertThat(server.messages()).isEqualTo(1);
  }

  @Test
  void tlsNoneNeverStartsTlsEvenWhenTheServerOffersIt() {
    server.reply("EHLO", "250-fake.test\r\n250-STARTTLS\r\n250 8BITMIME");

    assertThat(sendThrough(server)).isEqualTo(SendResult.accepted());
    assertThat(server.commands()).noneMatch(command -> command.startsWith("STARTTLS"));
  }

  @Test
  void starttlsModeRefusesAServerWithoutStarttls() {
    SmtpSettings settings = SmtpSettings.builder("127.0.0.1", "reports@pulse.example")
        .port(server.port()).tls(SmtpSettings.Tls.STARTTLS).timeout(Duration.ofSeconds(2)).build();
    try (EmailDelivery email = EmailDelivery.smtp(settings)) {
      SendResult result = email.send(content(), "ops@gym.example", envelope());

      assertThat(result).isInstanceOf(SendResult.RetryableFailure.class);
      assertThat(reason(result)).isEqualTo("SMTP 127.0.0.1:" + server.port() + ": STARTTLS is required but the server does not offer it");
    }
    assertThat(server.messages()).isZero();
  }

  @Test
  void reasonsAndSettingsNeverContainThePassword() {
    server.reply("RCPT", "550 5.1.1 unknown user");
    SmtpSettings settings = SmtpSettings.builder("127.0.0.1", "reports@pulse.example")
        .port(server.port()).tls(SmtpSettings.Tls.NONE).timeout(Duration.ofSeconds(2))
        .credentials("reports", PASSWORD).build();
    // The fake server offers no AUTH, so the login is skipped and the RCPT reply decides.
    try (EmailDelivery email = EmailDelivery.smtp(settings)) {
      SendResult result = email.send(content(), "ops@gym.example", envelope());

      assertThat(result).isInstanceOf(SendResult.PermanentFailure.class);
      assertThat(result.toString()).doesNotContain(PASSWORD);
      assertThat(email.toString()).doesNotContain(PASSWORD);
    }
    assertThat(settings.toString()).doesNotContain(PASSWORD);
    assertThat(server.commands()).noneMatch(command -> command.contains(PASSWORD));
  }

  static String reason(SendResult result) {
    if (result instanceof SendResult.RetryableFailure r) {
      return r.reason();
    }
    if (result instanceof SendResult.PermanentFailure p) {
      return p.reason();
    }
    throw new AssertionError("not a failure: " + result);
  }
}
