package io.pulsereports.core.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One user of a conversion offers run: a candidate of the day ({@code sessions} and {@code
 * avgScore} as the report lists them), or a user already sent the offer for that day ({@code
 * sessions} and {@code avgScore} from the scores the trigger recorded; 0 and empty when it recorded
 * none).
 */
public record CandidateOffer(
    String userId, Optional<String> email, int sessions, OptionalDouble avgScore, OfferOutcome outcome) {

  public CandidateOffer {
    requireNonNull(userId, "userId");
    requireNonNull(email, "email");
    checkArgument(sessions >= 0, "sessions %s is negative", sessions);
    requireNonNull(avgScore, "avgScore");
    requireNonNull(outcome, "outcome");
  }
}
