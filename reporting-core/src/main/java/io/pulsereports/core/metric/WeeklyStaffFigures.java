package io.pulsereports.core.metric;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A staff row of a weekly report: the daily figures plus the rank in the previous period and how
 * far the member moved ({@code previousRank - rank}; positive = moved up).
 */
public record WeeklyStaffFigures(
    int rank,
    String userId,
    long calls,
    long completed,
    long interested,
    OptionalDouble successRate,
    OptionalDouble interestRate,
    OptionalDouble avgDurationSeconds,
    Optional<Integer> previousRank,
    Optional<Integer> rankChange) {

  public WeeklyStaffFigures {
    checkArgument(rank >= 1, "rank %s is below 1", rank);
    requireNonNull(userId, "userId");
    requireNonNull(previousRank, "previousRank");
    requireNonNull(rankChange, "rankChange");
  }

  static WeeklyStaffFigures of(StaffFigures row, Optional<Integer> previousRank) {
    return new WeeklyStaffFigures(
        row.rank(),
        row.userId(),
        row.calls(),
        row.completed(),
        row.interested(),
        row.successRate(),
        row.interestRate(),
        row.avgDurationSeconds(),
        previousRank,
        previousRank.map(previous -> previous - row.rank()));
  }
}
