package io.pulsereports.core.metric;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * Engagement of a group of users over the engagement window: distinct active users, sessions,
 * the mean non-null confidence score, the mean error count, and sessions per active user. A mean
 * with nothing to average is empty (JSON {@code null}).
 */
public record EngagementFigures(
    long activeUsers,
    long sessions,
    OptionalDouble avgConfidence,
    OptionalDouble avgErrors,
    OptionalDouble sessionsPerUser) {

  public EngagementFigures {
    checkArgument(activeUsers >= 0 && sessions >= 0, "counts must not be negative");
    requireNonNull(avgConfidence, "avgConfidence");
    requireNonNull(avgErrors, "avgErrors");
    requireNonNull(sessionsPerUser, "sessionsPerUser");
  }
}
