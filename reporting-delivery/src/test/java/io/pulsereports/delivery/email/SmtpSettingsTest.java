package io.pulsereports.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {

  static final String PASSWORD = "hunter2-but-longer-and-secret";
  static final String KEY = "k".repeat(16) + "-unsubscribe-secret-0123456789";

  static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>(Map.of(
        "REPORTING_SMTP_HOST", "smtp.example.com",
        "REPORTING_SMTP_FROM", "Pulse Reports <reports@example.com>"));
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        env.remove(pairs[i]);
      } else {
        env.put(pairs[i], pairs[i + 1]);
      }
    }
    return env;
  }

  @Test
  void readsEveryVariable() {
    SmtpSettings settings = SmtpSettings.fromEnvironment(env(
        "REPORTING_SMTP_PORT", "2525",
        "REPORTING_SMTP_TLS", "SMTPS",
        "REPORTING_SMTP_USERNAME", "apikey",
        "REPORTING_SMTP_PASSWORD", PASSWORD,
        "REPORTING_PUBLIC_BASE_URL", "https://reports.example.com",
        "REPORTING_UNSUBSCRIBE_KEY", KEY));

    assertThat(settings.host()).isEqualTo("smtp.example.com");
    assertThat(settings.port()).isEqualTo(2525);
    assertThat(settings.tls()).isEqualTo(SmtpSettings.Tls.SMTPS);
    assertThat(settings.username()).contains("apikey");
    assertThat(settings.password()).contains(PASSWORD);
    assertThat(settings.fromAddress()).isEqualTo("reports@example.com");
    assertThat(settings.fromName()).contains("Pulse Reports");
    assertThat(settings.publicBaseUrl()).contains(URI.create("https://reports.example.com"));
    assertThat(settings.unsubscribeKey()).contains(KEY);
    assertThat(settings.unsubscribeLinksEnabled()).isTrue();
    assertThat(settings.timeout()).isEqualTo(SmtpSettings.DEFAULT_TIMEOUT);
    assertThat(settings.poolSize()).isEqualTo(SmtpSettings.DEFAULT_POOL_SIZE);
    assertThat(settings.attachmentBudgetBytes()).isEqualTo(5L * 1024 * 1024);
  }

  @Test
  void defaultsToStarttlsOnPort587WithoutLoginOrLinks() {
    SmtpSettings settings = SmtpSettings.fromEnvironment(env("REPORTING_SMTP_FROM", "reports@example.com",
        "REPORTING_SMTP_USERNAME", "  ", "REPORTING_SMTP_PASSWORD", ""));

    assertThat(settings.tls()).isEqualTo(SmtpSettings.Tls.STARTTLS);
    assertThat(settings.port()).isEqualTo(587);
    assertThat(settings.username()).isEmpty();
    assertThat(settings.password()).isEmpty();
    assertThat(settings.fromName()).isEmpty();
    assertThat(settings.unsubscribeLinksEnabled()).isFalse();
  }

  @Test
  void takesTheDefaultPortOfTheTlsMode() {
    assertThat(SmtpSettings.fromEnvironment(env("REPORTING_SMTP_TLS", "none")).port()).isEqualTo(25);
    assertThat(SmtpSettings.fromEnvironment(env("REPORTING_SMTP_TLS", "smtps")).port()).isEqualTo(465);
    assertThat(SmtpSettings.builder("smtp.example.com", "a@example.com").tls(SmtpSettings.Tls.SMTPS).build().port())
        .isEqualTo(465);
  }

  @Test
  void namesTheVariableThatIsMissingOrInvalid() {
    assertThatThrownBy(() -> SmtpSettings.fromEnvironment(env("REPORTING_SMTP_HOST", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("REPORTING_SMTP_HOST is not set");
    assertThatThrownBy(() -> SmtpSettings.fromEnvironment(env("REPORTING_SMTP_HOST", "smtp://x")))
        .hasMessageStartingWith("REPORTING_SMTP_HOST 'smtp://x' is not a host name");
    assertThatThrownBy(() -> SmtpSettings.fromEnvironment(env("REPORTING_SMTP_FROM", " ")))
        .hasMessageStartingWith("REPORTING_SMTP_FROM is not set");
    assertThatThrownBy(() -> SmtpSettings.fromEnvironment(env("REPORTING_SMTP_FROM", "not-an-address")))
        .hasMessageStartingWith("REPORTING_SMTP_FROM: ");
    assertThatThrownBy(() -> SmtpSettings.fromEnvironment(env("REPORTING_SMTP_PORT", "smtp")))
        .hasMessage("REPORTING_SMTP_PORT must be a whole number from 1 to 65535, not 'smtp'");
    assertThatThrownBy(() -> SmtpSettings.fromEnvironment(env("REPORTING_SMTP_PORT", "70000")))
        .hasMessage("REPORTING_SMTP_PORT must be from 1 to 65535, not 70000");
    assertThatThrownBy(() -> SmtpSettings.fromEnvironment(env("REPORTING_SMTP_TLS", "ssl")))
        .hasMessage("REPORTING_SMTP_TLS must be none, starttls or smtps, not 'ssl'");
    assertThatThrownBy(() -> SmtpSettings.fromEnvironment(env("REPORTING_PUBLIC_BASE_URL", "reports.example.com")))
        .hasMessageStartingWith("REPORTING_PUBLIC_BASE_URL must be an absolute http(s) URL");
    assertThatThrownBy(() -> SmtpSettings.fromEnvironment(env("REPORTING_PUBLIC_BASE_URL", "https://x.example.com/?a=b")))
        .hasMessageStartingWith("REPORTING_PUBLIC_BASE_URL must not have a query");
  }

  @Test
  void neverRepeatsThePasswordOrTheKeyInErrors() {
    assertThatThrownBy(() -> SmtpSettings.fromEnvironment(env("REPORTING_SMTP_PASSWORD", PASSWORD)))
        .hasMessage("REPORTING_SMTP_PASSWORD is set but REPORTING_SMTP_USERNAME is not: set both or neither")
        .message().doesNotContain(PASSWORD);
    assertThatThrownBy(() -> SmtpSettings.fromEnvironment(env("REPORTING_SMTP_USERNAME", "apikey")))
        .hasMessage("REPORTING_SMTP_USERNAME is set but REPORTING_SMTP_PASSWORD is not: set both or neither");
    assertThatThrownBy(() -> SmtpSettings.fromEnvironment(env("REPORTING_UNSUBSCRIBE_KEY", "short-secret")))
        .hasMessageStartingWith("REPORTING_UNSUBSCRIBE_KEY must be at least 32 characters long")
        .message().doesNotContain("short-secret");
  }

  @Test
  void toStringNeverShowsThePasswordOrTheKey() {
    SmtpSettings settings = SmtpSettings.fromEnvironment(env(
        "REPORTING_SMTP_USERNAME", "apikey", "REPORTING_SMTP_PASSWORD", PASSWORD,
        "REPORTING_PUBLIC_BASE_URL", "https://reports.example.com", "REPORTING_UNSUBSCRIBE_KEY", KEY));

    assertThat(settings.toString())
        .doesNotContain(PASSWORD).doesNotContain(KEY)
        .contains("password=***", "unsubscribeKey=***", "host=smtp.example.com", "username=apikey");
  }

  @Test
  void rejectsInconsistentSettings() {
    SmtpSettings valid = SmtpSettings.builder("smtp.example.com", "reports@example.com").build();
    assertThatThrownBy(() -> new SmtpSettings(valid.host(), 0, valid.tls(), Optional.empty(), Optional.empty(),
        valid.fromAddress(), Optional.empty(), valid.timeout(), 1, 1, Optional.empty(), Optional.empty()))
        .hasMessage("port 0 is outside 1..65535");
    assertThatThrownBy(() -> new SmtpSettings(valid.host(), 25, valid.tls(), Optional.of("u"), Optional.empty(),
        valid.fromAddress(), Optional.empty(), valid.timeout(), 1, 1, Optional.empty(), Optional.empty()))
        .hasMessage("username and password go together: set both or neither");
    assertThatThrownBy(() -> SmtpSettings.builder("smtp.example.com", "Name <reports@example.com>").build())
        .hasMessageContaining("bare address");
    assertThatThrownBy(() -> SmtpSettings.builder("smtp.example.com", "reports@example.com").fromName("A\r\nBcc: x@y.z").build())
        .hasMessageContaining("fromName contains a line break");
    assertThatThrownBy(() -> SmtpSettings.builder("smtp.example.com", "reports@example.com").poolSize(0).build())
        .hasMessage("poolSize 0 is outside 1..100");
    assertThatThrownBy(() -> SmtpSettings.builder("smtp.example.com", "reports@example.com").timeout(Duration.ZERO).build())
        .hasMessageStartingWith("timeout PT0S is outside");
    assertThatThrownBy(() -> SmtpSettings.builder("smtp.example.com", "reports@example.com").attachmentBudgetBytes(-1).build())
        .hasMessage("attachmentBudgetBytes -1 is negative");
  }
}
