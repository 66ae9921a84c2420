package io.pulsereports.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything a lead performance report needs about one scope and period, already grouped by the
 * database: leads created per local date and status, the leads converted in the period, and the
 * period's calls per local date, hour, staff member, status and outcome.
 */
public record LeadActivity(List<LeadCount> leadsCreated, long convertedInPeriod, List<CallGroup> calls) {

  public LeadActivity {
    leadsCreated = List.copyOf(requireNonNull(leadsCreated, "leadsCreated"));
    calls = List.copyOf(requireNonNull(calls, "calls"));
    checkArgument(convertedInPeriod >= 0, "convertedInPeriod %s is negative", convertedInPeriod);
  }

  public static LeadActivity empty() {
    return new LeadActivity(List.of(), 0, List.of());
  }
}
