package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

/** Week-over-week changes of the lead figures ({@code newLeads} is written as {@code new}). */
public record LeadChanges(Change newLeads, Change convertedInPeriod, Change conversionRate) {

  public LeadChanges {
    requireNonNull(newLeads, "newLeads");
    requireNonNull(convertedInPeriod, "convertedInPeriod");
    requireNonNull(conversionRate, "conversionRate");
  }
}
