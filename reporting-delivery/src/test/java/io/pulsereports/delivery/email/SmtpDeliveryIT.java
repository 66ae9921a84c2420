package io.pulsereports.delivery.email;

import static io.pulsereports.delivery.DeliveryFixtures.HOURS_CSV;
import static io.pulsereports.delivery.DeliveryFixtures.PNG;
import static io.pulsereports.delivery.DeliveryFixtures.SUBSCRIPTION;
import static io.pulsereports.delivery.DeliveryFixtures.SUMMARY_CSV;
import static io.pulsereports.delivery.DeliveryFixtures.content;
import static io.pulsereports.delivery.DeliveryFixtures.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.MessagePart;
import io.pulsereports.core.delivery.SendResult;
import io.pulsereports.delivery.DeliveryFixtures;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpDeliveryIT {

  static final String KEY = "test-unsubscribe-key-0123456789-abcdefghij";

  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

  SmtpSettings.Builder settings() {
    return SmtpSettings.builder("127.0.0.1", "reports@pulse.example")
        .fromName("Pulse Reports")
        .port(greenMail.getSmtp().getPort())
        .tls(SmtpSettings.Tls.NONE)
        .timeout(Duration.ofSeconds(5));
  }

  @Test
  void sendsHtmlTextInlineChartAndCsvAttachmentsAsOneMultipartMessage() throws Exception {
    try (EmailDelivery email = EmailDelivery.smtp(settings().build())) {
      SendResult result = email.send(content(), "Ops Team <ops@gym.example>", envelope());

      assertThat(result).isEqualTo(SendResult.accepted());
    }
    MimeMessage message = single(greenMail.getReceivedMessages());
    assertThat(message.getSubject()).isEqualTo("Daily report · Downtown · 2026-11-20");
    assertThat(message.getFrom()[0].toString()).isEqualTo("Pulse Reports <reports@pulse.example>");
    assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
        .containsExactly("Ops Team <ops@gym.example>");
    assertThat(MimeParts.tree(message)).isEqualTo(
        "multipart/mixed[multipart/related[multipart/alternative[text/plain,text/html],image/png],text/csv,text/csv]");

    List<Part> leaves = MimeParts.leaves(message);
    Part text = leaves.get(0);
    Part html = leaves.get(1);
    Part chart = leaves.get(2);
    assertThat(MimeParts.text(text)).isEqualTo(DeliveryFixtures.TEXT);
    assertThat(MimeParts.text(html)).isEqualTo(DeliveryFixtures.HTML).contains("src=\"cid:chart1\"");
    assertThat(chart.getDisposition()).isEqualTo(Part.INLINE);
    assertThat(((jakarta.mail.internet.MimeBodyPart) chart).getContentID()).isEqualTo("<chart1>");
    assertThat(MimeParts.bytes(chart)).isEqualTo(PNG);

    Part summary = leaves.get(3);
    Part hours = leaves.get(4);
    assertThat(summary.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(summary.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
    assertThat(summary.getFileName()).isEqualTo("summary.csv");
    assertThat(MimeParts.bytes(summary)).isEqualTo(SUMMARY_CSV);
    assertThat(hours.getFileName()).isEqualTo("by_hour.csv");
    assertThat(MimeParts.bytes(hours)).isEqualTo(HOURS_CSV);
  }

  @Test
  void derivesAStableMessageIdFromTheDeliveryAndTheRecipient() throws Exception {
    try (EmailDelivery email = EmailDelivery.smtp(settings().build())) {
      email.send(content(), "ops@gym.example", envelope());
      email.send(content(), "ops@gym.example", envelope());
      email.send(content(), "owner@gym.example", envelope());
    }
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(3);
    String first = received[0].getMessageID();
    assertThat(first).matches("<0d9b7c1e-5f3a-4b8e-a2c4-7e6f5d4c3b2a\\.[0-9a-f]{16}@pulse\\.example>");
    assertThat(received[1].getMessageID()).as("a resend of the same delivery to the same person").isEqualTo(first);
    assertThat(received[2].getMessageID()).as("another recipient").isNotEqualTo(first);
    assertThat(received[0].getHeader("Auto-Submitted")).containsExactly("auto-generated");
  }

  @Test
  void sendsOneMessagePerRecipientSoRecipientsNeverSeeEachOther() throws Exception {
    List<String> recipients = List.of("a@gym.example", "b@gym.example", "c@other.example");
    try (EmailDelivery email = EmailDelivery.smtp(settings().build())) {
      for (String recipient : recipients) {
        assertThat(email.send(content(), recipient, envelope())).isEqualTo(SendResult.accepted());
      }
    }
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(3);
    for (MimeMessage message : received) {
      assertThat(message.getAllRecipients()).hasSize(1);
      assertThat(message.getRecipients(Message.RecipientType.CC)).isNull();
      assertThat(message.getHeader("Bcc")).isNull();
    }
    assertThat(Arrays.stream(received).map(m -> uncheckedTo(m))).containsExactlyInAnyOrderElementsOf(recipients);
  }

  @Test
  void addsSignedOneClickUnsubscribeHeadersWhenABaseUrlAndAKeyAreConfigured() throws Exception {
    SmtpSettings configured = settings().publicBaseUrl(URI.create("https://reports.example.com/")).unsubscribeKey(KEY).build();
    try (EmailDelivery email = EmailDelivery.smtp(configured)) {
      email.send(content(), "Ops Team <ops@gym.example>", envelope());
    }
    MimeMessage message = single(greenMail.getReceivedMessages());
    String header = message.getHeader("List-Unsubscribe", null);
    assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
    Matcher link = Pattern.compile("<(https://reports\\.example\\.com/api/analytics/reporting/unsubscribe\\?[^>]+)>")
        .matcher(header.replaceAll("\\s+", ""));
    assertThat(link.matches()).as(header).isTrue();
    Map<String, String> query = query(URI.create(link.group(1)));
    assertThat(query).containsEntry("subscription", SUBSCRIPTION.toString()).containsEntry("recipient", "ops@gym.example");
    assertThat(UnsubscribeLinks.verify(KEY, query.get("subscription"), query.get("recipient"), query.get("sig"))).isTrue();
    assertThat(UnsubscribeLinks.verify(KEY, query.get("subscription"), "boss@gym.example", query.get("sig"))).isFalse();
    assertThat(UnsubscribeLinks.verify("another-key-of-sufficient-length-0123456789", query.get("subscription"),
        query.get("recipient"), query.get("sig"))).isFalse();
  }

  @Test
  void leavesUnsubscribeHeadersOutWhenNotConfiguredOrWithoutSubscription() throws Exception {
    try (EmailDelivery plain = EmailDelivery.smtp(settings().build());
        EmailDelivery configured = EmailDelivery.smtp(
            settings().publicBaseUrl(URI.create("https://reports.example.com")).unsubscribeKey(KEY).build())) {
      plain.send(content(), "ops@gym.example", envelope());
      configured.send(content(), "ops@gym.example", envelope(Optional.empty()));
      EmailDelivery baseUrlOnly = EmailDelivery.smtp(settings().publicBaseUrl(URI.create("https://reports.example.com")).build());
      baseUrlOnly.send(content(), "ops@gym.example", envelope());
      baseUrlOnly.close();
    }
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(3);
    for (MimeMessage message : received) {
      assertThat(message.getHeader("List-Unsubscribe")).isNull();
      assertThat(message.getHeader("List-Unsubscribe-Post")).isNull();
    }
  }

  @Test
  void leavesOutAttachmentsOverTheBudgetAndSaysSoInBothParts() throws Exception {
    byte[] big = new byte[40_000];
    Arrays.fill(big, (byte) 'x');
    DeliveryContent content = DeliveryFixtures.withAttachments(List.of(
        new MessagePart("summary.csv", "text/csv", SUMMARY_CSV),
        new MessagePart("all_calls.csv", "text/csv", big),
        new MessagePart("by_hour.csv", "text/csv", HOURS_CSV)));
    try (EmailDelivery email = EmailDelivery.smtp(settings().attachmentBudgetBytes(10_000).build())) {
      assertThat(email.send(content, "ops@gym.example", envelope())).isEqualTo(SendResult.accepted());
    }
    MimeMessage message = single(greenMail.getReceivedMessages());
    List<Part> leaves = MimeParts.leaves(message);
    assertThat(leaves.stream().map(MimeParts::fileNameOrNull)).containsExactly(null, null, "chart1", "summary.csv", "by_hour.csv");
    String note = "Not attached because the email would exceed its 9.8 KB attachment limit: all_calls.csv (39.1 KB).";
    assertThat(MimeParts.text(leaves.get(0))).startsWith(DeliveryFixtures.TEXT).endsWith(note + "\n");
    String html = MimeParts.text(leaves.get(1));
    assertThat(html).contains(note);
    assertThat(html.indexOf(note)).isLessThan(html.indexOf("</body>"));
  }

  @Test
  void reusesOneDelivererForManySendsAndRefusesToSendAfterClose() throws Exception {
    EmailDelivery email = EmailDelivery.smtp(settings().poolSize(2).build());
    for (int i = 0; i < 5; i++) {
      assertThat(email.send(content(), "ops" + i + "@gym.example", envelope())).isEqualTo(SendResult.accepted());
    }
    email.close();
    email.close();
    assertThat(greenMail.getReceivedMessages()).hasSize(5);
    assertThatThrownBy(() -> email.send(content(), "ops@gym.example", envelope()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRejectedLoginIsPermanentAndTheReasonNeverContainsThePassword() throws Exception {
    greenMail.setUser("reports@pulse.example", "reports", "right-password");
    String password = "Wr0ng-S3cret-P4ss";
    SmtpSettings wrong = settings().credentials("reports", password).build();
    try (EmailDelivery email = EmailDelivery.smtp(wrong)) {
      SendResult result = email.send(content(), "ops@gym.example", envelope());

      assertThat(result).isInstanceOf(SendResult.PermanentFailure.class);
      assertThat(((SendResult.PermanentFailure) result).reason()).startsWith("SMTP 127.0.0.1:" + greenMail.getSmtp().getPort() + " replied 535")
          .doesNotContain(password);
      assertThat(result.toString()).doesNotContain(password);
      assertThat(wrong.toString()).doesNotContain(password).contains("password=***");
      assertThat(email.toString()).doesNotContain(password);
    }
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void sendsWithTheRightCredentials() throws Exception {
    greenMail.setUser("reports@pulse.example", "reports", "right-password");
    try (EmailDelivery email = EmailDelivery.smtp(settings().credentials("reports", "right-password").build())) {
      assertThat(email.send(content(), "ops@gym.example", envelope())).isEqualTo(SendResult.accepted());
    }
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  private static MimeMessage single(MimeMessage[] messages) {
    assertThat(messages).hasSize(1);
    return messages[0];
  }

  private static String uncheckedTo(MimeMessage message) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return query;
  }
}
