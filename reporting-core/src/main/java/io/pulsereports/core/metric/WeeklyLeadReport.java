package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.pulsereports.core.model.PeriodActivity;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The metric blocks of a weekly lead performance report: those of a daily report over the week,
 * plus the previous period, the changes, the funnel and the daily series.
 */
public record WeeklyLeadReport(
    LeadFigures leads,
    CallFigures calls,
    Map<String, Long> outcomes,
    OptionalDouble interestRate,
    List<HourFigures> byHour,
    OptionalInt bestHour,
    List<WeeklyStaffFigures> staff,
    PreviousPeriodFigures previous,
    Changes changes,
    Funnel funnel,
    List<DayFigures> daily) implements PeriodActivity {

  public WeeklyLeadReport {
    requireNonNull(leads, "leads");
    requireNonNull(calls, "calls");
    outcomes = ImmutableMap.copyOf(requireNonNull(outcomes, "outcomes"));
    requireNonNull(interestRate, "interestRate");
    byHour = List.copyOf(requireNonNull(byHour, "byHour"));
    requireNonNull(bestHour, "bestHour");
    staff = List.copyOf(requireNonNull(staff, "staff"));
    requireNonNull(previous, "previous");
    requireNonNull(changes, "changes");
    requireNonNull(funnel, "funnel");
    daily = List.copyOf(requireNonNull(daily, "daily"));
  }

  /** Whether anything happened in the period (used to skip empty deliveries). */
  @Override
  public boolean hasActivity() {
    return leads.newLeads() > 0 || leads.convertedInPeriod() > 0 || calls.total() > 0;
  }
}
