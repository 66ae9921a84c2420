package io.pulsereports.core.delivery;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * What happened for one recipient of a delivery: still to send (perhaps after an error), sent (at
 * an instant), or failed for good. A retry only goes to recipients that are not sent yet, so a
 * recipient who already has the report never gets it twice.
 */
public record RecipientOutcome(
    String recipient, State state, int attempts, Optional<Instant> sentAt, Optional<String> lastError) {

  /** A recipient's state within a delivery. */
  public enum State {
    PENDING,
    SENT,
    FAILED;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public RecipientOutcome {
    requireNonNull(recipient, "recipient");
    requireNonNull(state, "state");
    checkArgument(attempts >= 0, "attempts %s is negative", attempts);
    requireNonNull(sentAt, "sentAt");
    requireNonNull(lastError, "lastError");
    checkArgument(sentAt.isPresent() == (state == State.SENT), "sentAt is set exactly when sent");
  }

  public static RecipientOutcome pending(String recipient) {
    return new RecipientOutcome(recipient, State.PENDING, 0, Optional.empty(), Optional.empty());
  }

  public RecipientOutcome sent(Instant at) {
    return new RecipientOutcome(recipient, State.SENT, attempts + 1, Optional.of(at), Optional.empty());
  }

  public RecipientOutcome retryableError(String error) {
    return new RecipientOutcome(recipient, State.PENDING, attempts + 1, Optional.empty(), Optional.of(error));
  }

  public RecipientOutcome failed(String error) {
    return new RecipientOutcome(recipient, State.FAILED, attempts + 1, Optional.empty(), Optional.of(error));
  }

  /** A recipient still waiting after the delivery's attempts are spent. */
  public RecipientOutcome givenUp() {
    return new RecipientOutcome(recipient, State.FAILED, attempts, Optional.empty(), lastError);
  }
}
