package io.pulsereports.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The coaching sessions of one user role in a window, as sums the database computed: distinct
 * users, sessions, the sum and count of non-null confidence scores, and the sum and count of
 * non-null error counts. Means are derived from these by the calculator.
 */
public record RoleEngagement(
    String role,
    long activeUsers,
    long sessions,
    double confidenceSum,
    long confidenceCount,
    long errorCountSum,
    long errorCountCount) {

  public RoleEngagement {
    requireNonNull(role, "role");
    checkArgument(activeUsers >= 0 && sessions >= 0 && confidenceCount >= 0 && errorCountCount >= 0,
        "counts must not be negative");
  }
}
