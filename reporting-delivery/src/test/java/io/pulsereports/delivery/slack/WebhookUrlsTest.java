package io.pulsereports.delivery.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlsTest {

  static final String PATH = "/services/T0PULSE01/B0REPORT2/x9SecretWebhookToken42";

  final SlackDelivery production = SlackDelivery.webhooks(SlackSettings.defaults());
  final SlackDelivery tests = SlackDelivery.webhooks(SlackSettings.defaults().withAllowedHosts("127.0.0.1", "localhost", "[::1]").allowingLoopbackHttp());

  @ParameterizedTest
  @ValueSource(strings = {
      "https://hooks.slack.com" + PATH,
      "https://HOOKS.Slack.COM" + PATH,
      "https://hooks.slack.com:443" + PATH,
      "https://hooks.slack.com" + PATH + "?thread=1"})
  void acceptsHttpsWebhooksOnAnAllowedHost(String url) {
    assertThat(production.recipientProblem(url)).isEmpty();
  }

  @Test
  void refusesPlainHttp() {
    assertThat(production.recipientProblem("http://hooks.slack.com" + PATH)).contains("the webhook URL must use https, not http");
    assertThat(production.recipientProblem("http://127.0.0.1:8080" + PATH)).contains("the webhook URL must use https, not http");
    assertThat(production.recipientProblem("ftp://hooks.slack.com" + PATH)).contains("the webhook URL must use https, not ftp");
  }

  @Test
  void refusesHostsOutsideTheAllowList() {
    assertThat(production.recipientProblem("https://hooks.slack.com.evil.example" + PATH))
        .contains("webhook host hooks.slack.com.evil.example is not allowed (allowed: hooks.slack.com)");
    assertThat(production.recipientProblem("https://evil.hooks.slack.com" + PATH)).isPresent();
    assertThat(production.recipientProblem("https://slack.com" + PATH)).isPresent();
    assertThat(production.recipientProblem("https://hooks.slack.com." + PATH)).isPresent();
    assertThat(production.recipientProblem("https://127.0.0.1" + PATH)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://user@hooks.slack.com" + PATH,
      "https://user:pass@hooks.slack.com" + PATH,
      "https://hooks.slack.com@evil.example" + PATH,
      "https://hooks.slack.com:secret@evil.example" + PATH})
  void refusesUserInfo(String url) {
    assertThat(production.recipientProblem(url)).contains("the webhook URL must not contain a user name or password");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      " ",
      "hooks.slack.com" + PATH,
      "//hooks.slack.com" + PATH,
      "https:hooks.slack.com" + PATH,
      "https://",
      "https://hooks.slack.com",
      "https://hooks.slack.com/",
      "https://hooks.slack.com" + PATH + "#fragment",
      "https://hooks.slack.com/services/a b",
      "https://hooks.slack.com\\@evil.example" + PATH,
      "https://hooks.slack.com" + PATH + "\r\nX-Injected: 1",
      "https://[hooks.slack.com" + PATH,
      "not a url at all"})
  void refusesMalformedUrls(String url) {
    assertThat(production.recipientProblem(url)).isPresent();
  }

  @Test
  void problemsNeverContainTheSecretPath() {
    for (String url : new String[] {"http://hooks.slack.com" + PATH, "https://evil.example" + PATH,
        "https://u:p@hooks.slack.com" + PATH, "https://hooks.slack.com" + PATH + "#x", "https://hooks.slack.com/a b" + PATH}) {
      assertThat(production.recipientProblem(url)).hasValueSatisfying(problem ->
          assertThat(problem).doesNotContain("x9SecretWebhookToken42").doesNotContain("B0REPORT2"));
    }
  }

  @Test
  void allowsHttpToLoopbackOnlyWithTheTestSwitch() {
    assertThat(tests.recipientProblem("http://127.0.0.1:8080" + PATH)).isEmpty();
    assertThat(tests.recipientProblem("http://localhost:8080" + PATH)).isEmpty();
    assertThat(tests.recipientProblem("http://[::1]:8080" + PATH)).isEmpty();
    SlackDelivery notLoopback = SlackDelivery.webhooks(
        SlackSettings.defaults().withAllowedHosts("10.0.0.1", "example.com").allowingLoopbackHttp());
    assertThat(notLoopback.recipientProblem("http://10.0.0.1" + PATH)).contains("the webhook URL must use https, not http");
    assertThat(notLoopback.recipientProblem("http://example.com" + PATH)).contains("the webhook URL must use https, not http");
    assertThat(WebhookUrls.isLoopback("127.0.0.2")).isTrue();
    assertThat(WebhookUrls.isLoopback("127.0.0.256")).isFalse();
    assertThat(WebhookUrls.isLoopback("localhost.example")).isFalse();
  }

  @Test
  void redactsToSchemeHostAndAMaskedPath() {
    assertThat(production.redact("https://hooks.slack.com" + PATH)).isEqualTo("https://hooks.slack.com/services/***");
    assertThat(production.redact("https://user:pw@Hooks.Slack.com" + PATH + "?a=b")).isEqualTo("https://hooks.slack.com/services/***");
    assertThat(production.redact("http://127.0.0.1:8080" + PATH)).isEqualTo("http://127.0.0.1:8080/services/***");
    assertThat(production.redact("not a url" + PATH)).isEqualTo("(invalid webhook URL)");
    assertThat(production.redact("/services/x9SecretWebhookToken42")).isEqualTo("(invalid webhook URL)");
    assertThat(production.redact(null)).isEqualTo("(no webhook URL)");
  }

  @Test
  void isTheSlackChannel() {
    assertThat(new SlackWebhookDeliverer(SlackSettings.defaults(), Clock.systemUTC()).method().code()).isEqualTo("slack");
    assertThat(production.toString()).doesNotContain("services");
  }
}
