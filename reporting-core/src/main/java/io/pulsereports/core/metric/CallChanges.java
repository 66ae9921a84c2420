package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

/** Week-over-week changes of the call figures. */
public record CallChanges(Change total, Change successRate, Change avgDurationSeconds) {

  public CallChanges {
    requireNonNull(total, "total");
    requireNonNull(successRate, "successRate");
    requireNonNull(avgDurationSeconds, "avgDurationSeconds");
  }
}
