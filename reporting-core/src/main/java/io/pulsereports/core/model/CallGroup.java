package io.pulsereports.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The calls that share a local date, a local hour, a staff member, a status and an outcome, as
 * counted by the database: how many, and the sum and count of their non-null durations.
 */
public record CallGroup(
    LocalDate date,
    int hour,
    Optional<String> userId,
    String status,
    Optional<String> outcome,
    long calls,
    long durationSeconds,
    long callsWithDuration) {

  public CallGroup {
    requireNonNull(date, "date");
    checkArgument(hour >= 0 && hour <= 23, "hour %s is outside 0..23", hour);
    requireNonNull(userId, "userId");
    requireNonNull(status, "status");
    requireNonNull(outcome, "outcome");
    checkArgument(calls >= 0, "calls %s is negative", calls);
    checkArgument(
        callsWithDuration >= 0 && callsWithDuration <= calls,
        "callsWithDuration %s is outside 0..%s",
        callsWithDuration,
        calls);
  }

  public boolean isCompleted() {
    return CallStatus.COMPLETED.equals(status);
  }
}
