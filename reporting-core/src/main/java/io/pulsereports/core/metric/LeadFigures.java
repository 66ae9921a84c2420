package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The leads created in a period ({@code newLeads}, written as {@code leads.new}), counted by their
 * current status, the share of them converted, and the leads of any age converted in the period.
 */
public record LeadFigures(
    long newLeads, Map<String, Long> byStatus, OptionalDouble conversionRate, long convertedInPeriod) {

  public LeadFigures {
    byStatus = ImmutableMap.copyOf(requireNonNull(byStatus, "byStatus"));
    requireNonNull(conversionRate, "conversionRate");
  }
}
