package io.pulsereports.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** A validated request for one report: its type, its scope where the type has one, its period. */
public record ReportRequest(ReportType type, Optional<GymScope> scope, ReportPeriod period) {

  public ReportRequest {
    requireNonNull(type, "type");
    requireNonNull(scope, "scope");
    requireNonNull(period, "period");
  }

  /** The scope of a report type that requires one. */
  public GymScope requiredScope() {
    return scope.orElseThrow(
        () -> new IllegalStateException("report type " + type + " needs a gym scope"));
  }
}
