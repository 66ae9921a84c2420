package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The lead funnel of the leads created in a period: new, contacted, qualified, converted; lost beside it. */
public record Funnel(List<FunnelStage> stages, long lost) {

  public Funnel {
    stages = List.copyOf(requireNonNull(stages, "stages"));
  }
}
