package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** One local date of a weekly report's daily series. */
public record DayFigures(LocalDate date, long newLeads, long calls, long completed, long interested) {

  public DayFigures {
    requireNonNull(date, "date");
  }
}
