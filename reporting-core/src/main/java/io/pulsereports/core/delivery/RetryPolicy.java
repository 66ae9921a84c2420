package io.pulsereports.core.delivery;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How failed attempts are retried: at most {@code maxAttempts} attempts in all; after attempt n
 * the next waits {@code initialDelay × multiplier^(n-1)}, capped at {@code maxDelay}, then spread
 * by ± {@code jitter} (a fraction) so that many failures do not retry in lock-step. A server's
 * own wait (Slack's Retry-After) is honoured when it is longer.
 */
public record RetryPolicy(
    int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay, double jitter) {

  public RetryPolicy {
    checkArgument(maxAttempts >= 1, "maxAttempts %s is below 1", maxAttempts);
    requireNonNull(initialDelay, "initialDelay");
    checkArgument(!initialDelay.isNegative(), "initialDelay is negative");
    checkArgument(multiplier >= 1.0, "multiplier %s is below 1", multiplier);
    requireNonNull(maxDelay, "maxDelay");
    checkArgument(maxDelay.compareTo(initialDelay) >= 0, "maxDelay is below initialDelay");
    checkArgument(jitter >= 0 && jitter < 1, "jitter %s is outside [0, 1)", jitter);
  }

  /** 5 attempts: 1 min, 2 min, 4 min, 8 min apart (± 20 %), never more than 1 h. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofMinutes(1), 2.0, Duration.ofHours(1), 0.2);
  }

  public boolean attemptsLeftAfter(int attempts) {
    return attempts < maxAttempts;
  }

  /**
   * The wait after the {@code attempt}-th attempt failed (1-based). {@code random} yields values
   * in [0, 1); tests pass a constant.
   */
  public Duration delayAfter(int attempt, DoubleSupplier random) {
    checkArgument(attempt >= 1, "attempt %s is below 1", attempt);
    double base = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
    double capped = Math.min(base, maxDelay.toMillis());
    double spread = 1.0 + jitter * (2.0 * random.getAsDouble() - 1.0);
    return Duration.ofMillis(Math.round(capped * spread));
  }
}
