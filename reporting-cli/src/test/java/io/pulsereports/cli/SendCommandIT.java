package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reporting send} and {@code reporting deliveries} end to end: the hand-made database, the
 * delivery log in it, and a real SMTP server (GreenMail) on loopback that is down at first.
 */
class SendCommandIT {

  private static final Pattern DELIVERY_ID = Pattern.compile("^([0-9a-f-]{36})  ", Pattern.MULTILINE);

  @TempDir Path folder;
  private String url;
  private int smtpPort;
  private GreenMail smtp;

  @BeforeEach
  void createDatabase() throws Exception {
    url = "jdbc:sqlite:" + folder.resolve("gyms.db");
    HandMadeLeadDatabase.create(url);
    try (ServerSocket socket = new ServerSocket(0)) {
      smtpPort = socket.getLocalPort();
    }
  }

  @AfterEach
  void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  private void startSmtp() {
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  private Map<String, String> env(int maxAttempts) {
    Map<String, String> env = new HashMap<>();
    env.put("REPORTING_DB_URL", url);
    env.put("REPORTING_SMTP_HOST", "127.0.0.1");
    env.put("REPORTING_SMTP_PORT", Integer.toString(smtpPort));
    env.put("REPORTING_SMTP_TLS", "none");
    env.put("REPORTING_SMTP_FROM", "Pulse Reports <reports@example.com>");
    env.put("REPORTING_RETRY_MAX_ATTEMPTS", Integer.toString(maxAttempts));
    // Due again at once: the test plays the passing of time by running the worker.
    env.put("REPORTING_RETRY_INITIAL_DELAY_SECONDS", "0");
    env.put("REPORTING_RETRY_MAX_DELAY_SECONDS", "0");
    return env;
  }

  private CliRun send(Map<String, String> env, String... recipients) {
    return CliRun.withEnv(env, "send", "--type", "daily", "--gym-id", HandMadeLeadDatabase.GYM,
        "--branch-id", HandMadeLeadDatabase.BRANCH, "--date", "2026-03-08", "--timezone", "America/New_York",
        "--recipients", String.join(",", recipients));
  }

  private static String deliveryId(CliRun run) {
    Matcher matcher = DELIVERY_ID.matcher(run.out());
    assertThat(matcher.find()).as(run.out()).isTrue();
    return matcher.group(1);
  }

  @Test
  void refusedTwiceThenAcceptedOnTheThirdAttemptOneEmailArrivesAndTheDeliveryIsSentWithThreeAttempts()
      throws Exception {
    Map<String, String> env = env(5);

    CliRun first = send(env, "manager@example.com");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("retrying").contains("attempts 1").contains("last error: ");
    String id = deliveryId(first);

    CliRun second = CliRun.withEnv(env, "deliveries", "run-due");
    assertThat(second.out()).contains("1 due: 0 sent, 1 retrying, 0 failed");

    startSmtp();
    CliRun third = CliRun.withEnv(env, "deliveries", "run-due");
    assertThat(third.out()).contains("1 due: 1 sent, 0 retrying, 0 failed");

    CliRun shown = CliRun.withEnv(env, "deliveries", "show", id);
    assertThat(shown.out()).contains("status        sent").contains("attempts      3")
        .contains("manager@example.com  sent  attempts 3");
    assertThat(smtp.getReceivedMessages()).hasSize(1);

    CliRun again = send(env, "manager@example.com");
    assertThat(again.out()).startsWith("Already delivered: " + id);
    assertThat(CliRun.withEnv(env, "deliveries", "run-due").out()).contains("0 due");
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void whenEveryAttemptIsRefusedTheDeliveryFailsWithTheLastErrorAndKeepsItsReport() {
    Map<String, String> env = env(3);

    send(env, "manager@example.com");
    CliRun second = CliRun.withEnv(env, "deliveries", "run-due");
    CliRun third = CliRun.withEnv(env, "deliveries", "run-due");

    assertThat(second.out()).contains("1 retrying");
    assertThat(third.out()).contains("0 sent, 0 retrying, 1 failed");
    CliRun failed = CliRun.withEnv(env, "deliveries", "list", "--status", "failed");
    assertThat(failed.out()).contains("failed  daily 2026-03-08  email to 1 recipient  attempts 3")
        .contains("last error: manager@example.com: ").contains("127.0.0.1:" + smtpPort);
    String id = deliveryId(failed);
    CliRun data = CliRun.withEnv(env, "deliveries", "show", id, "--data");
    assertThat(data.out()).contains("\"report_type\": \"daily\"").contains("\"branch_id\": \"" + HandMadeLeadDatabase.BRANCH + "\"");

    startSmtp();
    CliRun retried = CliRun.withEnv(env, "deliveries", "retry", id);
    assertThat(retried.exitCode()).as(retried.err()).isZero();
    assertThat(retried.out()).contains("sent").contains("attempts 1");
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void theEmailHasAnHtmlPartATextPartWithTheHeadlinesAndTheCsvTablesAttached() throws Exception {
    startSmtp();

    CliRun run = send(env(5), "ana@example.com", "bo@example.com");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("sent").contains("email to 2 recipients");
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[0].getAllRecipients()).hasSize(1);
    MimeMessage message = received[0];
    assertThat(message.getSubject()).startsWith("Daily lead performance · Sun 8 Mar 2026");
    List<Part> parts = leaves(message);
    Part html = parts.stream().filter(p -> isType(p, "text/html")).findFirst().orElseThrow();
    Part text = parts.stream().filter(p -> isType(p, "text/plain") && fileName(p) == null).findFirst().orElseThrow();
    assertThat((String) html.getContent()).contains("Daily lead performance").contains(HandMadeLeadDatabase.BRANCH);
    assertThat((String) text.getContent()).contains("New leads: ").contains("Calls: ").contains("time zone America/New_York");
    List<String> attachments = new ArrayList<>();
    for (Part part : parts) {
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        attachments.add(part.getFileName());
      }
    }
    assertThat(parts.stream().filter(p -> isType(p, "text/html")).count()).isEqualTo(1);
    assertThat(attachments).contains("daily_2026-03-08_summary.csv", "daily_2026-03-08_by_hour.csv", "daily_2026-03-08_staff.csv");
  }

  @Test
  void badInputIsOneLineAndNothingIsStoredOrSent() {
    startSmtp();
    Map<String, String> env = env(5);

    CliRun badAddress = send(env, "not-an-address");
    CliRun badMethod = CliRun.withEnv(env, "send", "--type", "daily", "--gym-id", HandMadeLeadDatabase.GYM,
        "--recipients", "ana@example.com", "--method", "fax");
    CliRun badWebhook = CliRun.withEnv(env, "send", "--type", "daily", "--gym-id", HandMadeLeadDatabase.GYM,
        "--method", "slack", "--recipients", "http://evil.example.com/services/T/B/secret");
    CliRun badDate = CliRun.withEnv(env, "send", "--type", "daily", "--gym-id", HandMadeLeadDatabase.GYM,
        "--recipients", "ana@example.com", "--date", "2026-02-30");

    assertThat(badAddress.exitCode()).isEqualTo(2);
    assertThat(badAddress.err()).startsWith("error: --recipients: recipient 1: ").contains("not-an-address");
    assertThat(badMethod.exitCode()).isEqualTo(2);
    assertThat(badMethod.err()).contains("--method: unknown delivery method 'fax'");
    assertThat(badWebhook.exitCode()).isEqualTo(2);
    assertThat(badWebhook.err()).contains("--recipients: ").doesNotContain("secret");
    assertThat(badDate.exitCode()).isEqualTo(2);
    assertThat(badDate.err()).contains("--date: ");
    assertThat(CliRun.withEnv(env, "deliveries", "list").out()).contains("No deliveries yet.");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void withoutAnSmtpServerConfiguredSendSaysWhatToSet() {
    CliRun run = CliRun.withEnv(Map.of("REPORTING_DB_URL", url), "send", "--type", "daily", "--gym-id",
        HandMadeLeadDatabase.GYM, "--recipients", "ana@example.com");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("email delivery is not configured").contains("REPORTING_SMTP_HOST");
  }

  private static String fileName(Part part) {
    try {
      return part.getFileName();
    } catch (Exception e) {
      return null;
    }
  }

  private static boolean isType(Part part, String type) {
    try {
      return part.isMimeType(type);
    } catch (Exception e) {
      return false;
    }
  }

  private static List<Part> leaves(Part part) throws Exception {
    List<Part> leaves = new ArrayList<>();
    Object content;
    try {
      content = part.getContent();
    } catch (IOException e) {
      leaves.add(part);
      return leaves;
    }
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        leaves.addAll(leaves(child));
      }
    } else {
      leaves.add(part);
    }
    return leaves;
  }
}
