package io.pulsereports.core.metric;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/** The calls of one local hour of the day (0..23). */
public record HourFigures(int hour, long calls, long completed, long interested, OptionalDouble successRate) {

  public HourFigures {
    checkArgument(hour >= 0 && hour <= 23, "hour %s is outside 0..23", hour);
    requireNonNull(successRate, "successRate");
  }
}
