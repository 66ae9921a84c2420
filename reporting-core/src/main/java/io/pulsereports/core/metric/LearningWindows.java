package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.PeriodBounds;
import java.time.OffsetDateTime;

/** SPEC {@code windows}: the intervals each learning metric covers, and where inactivity starts. */
public record LearningWindows(
    PeriodBounds engagement, PeriodBounds mistakes, PeriodBounds conversion, OffsetDateTime inactiveSince) {

  public LearningWindows {
    requireNonNull(engagement, "engagement");
    requireNonNull(mistakes, "mistakes");
    requireNonNull(conversion, "conversion");
    requireNonNull(inactiveSince, "inactiveSince");
  }
}
