package io.pulsereports.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnsubscribeLinksTest {

  static final String KEY = "an-unsubscribe-key-of-at-least-32-characters";
  static final UUID SUBSCRIPTION = UUID.fromString("6f1c2f0e-8a51-4f1e-9d1c-0b7f3d2a9e11");

  @Test
  void buildsTheDocumentedLink() {
    URI link = UnsubscribeLinks.link(URI.create("https://reports.example.com/pulse/"), KEY, SUBSCRIPTION, "ops+daily@gym.example");

    assertThat(link.toString()).matches(
        "https://reports\\.example\\.com/pulse/api/analytics/reporting/unsubscribe"
            + "\\?subscription=6f1c2f0e-8a51-4f1e-9d1c-0b7f3d2a9e11&recipient=ops%2Bdaily%40gym\\.example&sig=[A-Za-z0-9_-]{43}");
    Map<String, String> query = SmtpDeliveryIT.query(link);
    assertThat(UnsubscribeLinks.verify(KEY, query.get("subscription"), query.get("recipient"), query.get("sig"))).isTrue();
  }

  @Test
  void signsWithHmacSha256OverTheDocumentedMessage() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal(("pulse-unsubscribe\n" + SUBSCRIPTION + "\nops@gym.example")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(UnsubscribeLinks.signature(KEY, SUBSCRIPTION, "ops@gym.example"))
        .isEqualTo(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(expected));
  }

  @Test
  void rejectsTamperedOrMalformedParameters() {
    String sig = UnsubscribeLinks.signature(KEY, SUBSCRIPTION, "ops@gym.example");
    String id = SUBSCRIPTION.toString();

    assertThat(UnsubscribeLinks.verify(KEY, id, "ops@gym.example", sig)).isTrue();
    assertThat(UnsubscribeLinks.verify(KEY, id.toUpperCase(), "ops@gym.example", sig)).isTrue();
    assertThat(UnsubscribeLinks.verify(KEY, id, "boss@gym.example", sig)).isFalse();
    assertThat(UnsubscribeLinks.verify(KEY, UUID.randomUUID().toString(), "ops@gym.example", sig)).isFalse();
    assertThat(UnsubscribeLinks.verify(KEY, id, "ops@gym.example", sig.substring(1))).isFalse();
    assertThat(UnsubscribeLinks.verify(KEY, id, "ops@gym.example", "not base64!")).isFalse();
    assertThat(UnsubscribeLinks.verify(KEY, "not-a-uuid", "ops@gym.example", sig)).isFalse();
    assertThat(UnsubscribeLinks.verify(KEY, "6f1c2f0e-8a51-4f1e-9d1c-b7f3d2a9e11", "ops@gym.example", sig)).isFalse();
    assertThat(UnsubscribeLinks.verify(KEY, null, "ops@gym.example", sig)).isFalse();
    assertThat(UnsubscribeLinks.verify(KEY, id, "", sig)).isFalse();
    assertThat(UnsubscribeLinks.verify(KEY, id, "ops@gym.example", null)).isFalse();
    assertThat(UnsubscribeLinks.verify(KEY + "x", id, "ops@gym.example", sig)).isFalse();
  }
}
