package io.pulsereports.core.model;

/** How a report type chooses its period from a request. */
public enum PeriodKind {
  /** One local date; default yesterday. */
  DAY,
  /** An ISO week (default the last complete one) or an explicit inclusive date range. */
  WEEK
}
