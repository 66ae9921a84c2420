package io.pulsereports.core.model;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;

/** A period as the instants it starts and ends at, with the zone's offset at each. */
public record PeriodBounds(OffsetDateTime start, OffsetDateTime end) {

  public PeriodBounds {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
  }

  public static PeriodBounds of(ReportPeriod period) {
    return new PeriodBounds(period.startOffsetDateTime(), period.endOffsetDateTime());
  }
}
