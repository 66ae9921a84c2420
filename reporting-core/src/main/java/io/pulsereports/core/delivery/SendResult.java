package io.pulsereports.core.delivery;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/** The outcome of sending to one recipient, as the deliverer saw it. Expected failures are values. */
public sealed interface SendResult {

  /** The server accepted the message. */
  record Accepted() implements SendResult {}

  /**
   * A failure that may pass (a refused connection, a timeout, a 5xx, a 429): try again later, no
   * sooner than {@code retryAfter} when the server said so.
   */
  record RetryableFailure(String reason, Optional<Duration> retryAfter) implements SendResult {
    public RetryableFailure {
      requireNonNull(reason, "reason");
      requireNonNull(retryAfter, "retryAfter");
    }
  }

  /** A failure that will not pass by retrying (an unknown webhook, a rejected address). */
  record PermanentFailure(String reason) implements SendResult {
    public PermanentFailure {
      requireNonNull(reason, "reason");
    }
  }

  static SendResult accepted() {
    return new Accepted();
  }

  static SendResult retryable(String reason) {
    return new RetryableFailure(reason, Optional.empty());
  }

  static SendResult permanent(String reason) {
    return new PermanentFailure(reason);
  }
}
