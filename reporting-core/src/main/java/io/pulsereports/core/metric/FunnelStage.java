package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/** The leads that reached at least this stage, and their share of the stage before. */
public record FunnelStage(String stage, long count, OptionalDouble rateFromPrevious) {

  public FunnelStage {
    requireNonNull(stage, "stage");
    requireNonNull(rateFromPrevious, "rateFromPrevious");
  }
}
