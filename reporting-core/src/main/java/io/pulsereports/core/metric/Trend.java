package io.pulsereports.core.metric;

import java.util.Locale;

/** The direction of a change; {@code FLAT} when equal or when either side is undefined. */
public enum Trend {
  UP,
  DOWN,
  FLAT;

  /** The lower-case name used in report data: {@code up}, {@code down}, {@code flat}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
