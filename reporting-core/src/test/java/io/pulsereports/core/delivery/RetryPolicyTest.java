package io.pulsereports.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(6, Duration.ofMinutes(1), 2.0, Duration.ofMinutes(10), 0.2);

  @Test
  void delaysGrowExponentiallyUpToTheCap() {
    assertThat(policy.delayAfter(1, () -> 0.5)).isEqualTo(Duration.ofMinutes(1));
    assertThat(policy.delayAfter(2, () -> 0.5)).isEqualTo(Duration.ofMinutes(2));
    assertThat(policy.delayAfter(4, () -> 0.5)).isEqualTo(Duration.ofMinutes(8));
    assertThat(policy.delayAfter(5, () -> 0.5)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void jitterSpreadsTheDelayByTheConfiguredFraction() {
    assertThat(policy.delayAfter(1, () -> 0.0)).isEqualTo(Duration.ofSeconds(48));
    assertThat(policy.delayAfter(1, () -> 0.999_999)).isBetween(Duration.ofSeconds(71), Duration.ofSeconds(72));
  }

  @Test
  void attemptsRunOutAtTheMaximum() {
    assertThat(policy.attemptsLeftAfter(5)).isTrue();
    assertThat(policy.attemptsLeftAfter(6)).isFalse();
  }

  @Test
  void anImpossiblePolicyCannotBeBuilt() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMinutes(1), 2.0, Duration.ofMinutes(10), 0.2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMinutes(10), 2.0, Duration.ofMinutes(1), 0.2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMinutes(1), 0.5, Duration.ofMinutes(10), 0.2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
