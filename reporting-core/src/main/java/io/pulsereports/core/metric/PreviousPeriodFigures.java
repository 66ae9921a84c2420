package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.PeriodBounds;
import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.OptionalDouble;

/** The metric block of the period before a weekly report's period. */
public record PreviousPeriodFigures(
    PeriodBounds period,
    LeadFigures leads,
    CallFigures calls,
    Map<String, Long> outcomes,
    OptionalDouble interestRate) {

  public PreviousPeriodFigures {
    requireNonNull(period, "period");
    requireNonNull(leads, "leads");
    requireNonNull(calls, "calls");
    outcomes = ImmutableMap.copyOf(requireNonNull(outcomes, "outcomes"));
    requireNonNull(interestRate, "interestRate");
  }
}
