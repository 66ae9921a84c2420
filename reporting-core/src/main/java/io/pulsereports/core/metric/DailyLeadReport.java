package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

import java.util.List;
import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The metric blocks of a daily lead performance report (SPEC section 3). */
public record DailyLeadReport(
    LeadFigures leads,
    CallFigures calls,
    Map<String, Long> outcomes,
    OptionalDouble interestRate,
    List<HourFigures> byHour,
    OptionalInt bestHour,
    List<StaffFigures> staff) {

  public DailyLeadReport {
    requireNonNull(leads, "leads");
    requireNonNull(calls, "calls");
    outcomes = ImmutableMap.copyOf(requireNonNull(outcomes, "outcomes"));
    requireNonNull(interestRate, "interestRate");
    byHour = List.copyOf(requireNonNull(byHour, "byHour"));
    requireNonNull(bestHour, "bestHour");
    staff = List.copyOf(requireNonNull(staff, "staff"));
  }
}
