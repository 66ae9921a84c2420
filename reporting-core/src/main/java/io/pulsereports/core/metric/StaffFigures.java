package io.pulsereports.core.metric;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/** One staff member's calls in a period and their place in the ranking (1 = first). */
public record StaffFigures(
    int rank,
    String userId,
    long calls,
    long completed,
    long interested,
    OptionalDouble successRate,
    OptionalDouble interestRate,
    OptionalDouble avgDurationSeconds) {

  public StaffFigures {
    checkArgument(rank >= 1, "rank %s is below 1", rank);
    requireNonNull(userId, "userId");
    requireNonNull(successRate, "successRate");
    requireNonNull(interestRate, "interestRate");
    requireNonNull(avgDurationSeconds, "avgDurationSeconds");
  }
}
