package io.pulsereports.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds grouped lead activity for calculator tests, as a data port would return it. */
public final class LeadActivityTestData {

  private final LocalDate defaultDate;
  private final List<LeadCount> leads = new ArrayList<>();
  private final List<CallGroup> calls = new ArrayList<>();
  private long convertedInPeriod;

  private LeadActivityTestData(LocalDate defaultDate) {
    this.defaultDate = defaultDate;
  }

  public static LeadActivityTestData on(String date) {
    return new LeadActivityTestData(LocalDate.parse(date));
  }

  public LeadActivityTestData leads(String status, long count) {
    return leads(defaultDate, status, count);
  }

  public LeadActivityTestData leads(LocalDate date, String status, long count) {
    leads.add(new LeadCount(date, status, count));
    return this;
  }

  public LeadActivityTestData convertedInPeriod(long count) {
    convertedInPeriod = count;
    return this;
  }

  /** {@code calls} calls with no duration recorded. */
  public LeadActivityTestData calls(int hour, String user, String status, String outcome, long calls) {
    return calls(defaultDate, hour, user, status, outcome, calls, 0, 0);
  }

  public LeadActivityTestData calls(
      int hour, String user, String status, String outcome, long calls, long durationSum, long withDuration) {
    return calls(defaultDate, hour, user, status, outcome, calls, durationSum, withDuration);
  }

  public LeadActivityTestData calls(
      LocalDate date, int hour, String user, String status, String outcome, long calls, long durationSum, long withDuration) {
    this.calls.add(
        new CallGroup(
            date, hour, Optional.ofNullable(user), status, Optional.ofNullable(outcome), calls, durationSum, withDuration));
    return this;
  }

  public LeadActivity build() {
    return new LeadActivity(leads, convertedInPeriod, calls);
  }
}
