package io.pulsereports.core.schedule;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.ReportPeriod;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One run of a schedule: the instant it fires, the local date it fires on, and the period it
 * delivers (the previous local day, or the previous ISO week).
 */
public record ScheduledRun(Instant fireAt, LocalDate localDate, ReportPeriod period) {

  public ScheduledRun {
    requireNonNull(fireAt, "fireAt");
    requireNonNull(localDate, "localDate");
    requireNonNull(period, "period");
  }
}
