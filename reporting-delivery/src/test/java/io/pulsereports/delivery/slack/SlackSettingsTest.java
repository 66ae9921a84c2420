package io.pulsereports.delivery.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

  @Test
  void defaultsToHooksSlackComOverHttpsOnly() {
    SlackSettings settings = SlackSettings.fromEnvironment(Map.of());

    assertThat(settings.allowedHosts()).containsExactly("hooks.slack.com");
    assertThat(settings.allowLoopbackHttp()).isFalse();
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(SlackSettings.fromEnvironment(Map.of("REPORTING_SLACK_ALLOWED_HOSTS", "  "))).isEqualTo(settings);
  }

  @Test
  void readsACommaSeparatedAllowListInLowerCase() {
    SlackSettings settings = SlackSettings.fromEnvironment(
        Map.of("REPORTING_SLACK_ALLOWED_HOSTS", " Hooks.Slack.com, hooks.slack-gov.com ,,"));

    assertThat(settings.allowedHosts()).containsExactly("hooks.slack-gov.com", "hooks.slack.com");
  }

  @Test
  void namesTheVariableWhenAHostIsMalformed() {
    assertThatThrownBy(() -> SlackSettings.fromEnvironment(Map.of("REPORTING_SLACK_ALLOWED_HOSTS", "https://hooks.slack.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("REPORTING_SLACK_ALLOWED_HOSTS: 'https://hooks.slack.com' is not a host name (no scheme, port, path or wildcard)");
    assertThatThrownBy(() -> SlackSettings.fromEnvironment(Map.of("REPORTING_SLACK_ALLOWED_HOSTS", "*.slack.com")))
        .hasMessageStartingWith("REPORTING_SLACK_ALLOWED_HOSTS: '*.slack.com' is not a host name");
    assertThatThrownBy(() -> SlackSettings.fromEnvironment(Map.of("REPORTING_SLACK_ALLOWED_HOSTS", ",")))
        .hasMessage("REPORTING_SLACK_ALLOWED_HOSTS lists no host");
  }

  @Test
  void checksTimeouts() {
    assertThatThrownBy(() -> SlackSettings.defaults().withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessageStartingWith("connectTimeout PT0S is outside");
    assertThatThrownBy(() -> SlackSettings.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofHours(1)))
        .hasMessageStartingWith("readTimeout PT1H is outside");
  }
}
