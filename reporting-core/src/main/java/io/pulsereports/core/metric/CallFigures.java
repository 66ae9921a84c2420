package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.OptionalDouble;

/** The calls of a period by status, their success rate, and the durations of completed calls. */
public record CallFigures(
    long total,
    Map<String, Long> byStatus,
    OptionalDouble successRate,
    OptionalDouble avgDurationSeconds,
    long totalDurationSeconds) {

  public CallFigures {
    byStatus = ImmutableMap.copyOf(requireNonNull(byStatus, "byStatus"));
    requireNonNull(successRate, "successRate");
    requireNonNull(avgDurationSeconds, "avgDurationSeconds");
  }
}
