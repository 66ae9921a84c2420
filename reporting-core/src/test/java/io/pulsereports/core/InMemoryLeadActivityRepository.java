package io.pulsereports.core;

import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.port.out.BranchActivityPort;
import io.pulsereports.core.port.out.LeadActivityPort;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Returns prepared activity per (scope, period) and records what was asked. */
final class InMemoryLeadActivityRepository implements LeadActivityPort, BranchActivityPort {

  record Query(GymScope scope, ReportPeriod period) {}

  private final Map<Query, LeadActivity> activity = new HashMap<>();
  final List<Query> queries = new ArrayList<>();
  final List<ReportPeriod> everyBranchQueries = new ArrayList<>();

  InMemoryLeadActivityRepository with(GymScope scope, ReportPeriod period, LeadActivity data) {
    activity.put(new Query(scope, period), data);
    return this;
  }

  @Override
  public LeadActivity loadLeadActivity(GymScope scope, ReportPeriod period) {
    Query query = new Query(scope, period);
    queries.add(query);
    return activity.getOrDefault(query, LeadActivity.empty());
  }

  /** The prepared branch scopes of {@code period}; records one query with an empty scope. */
  @Override
  public Map<GymScope, LeadActivity> loadEveryBranch(ReportPeriod period) {
    everyBranchQueries.add(period);
    Map<GymScope, LeadActivity> branches =
        new TreeMap<>(Comparator.comparing((GymScope s) -> s.gymId().toString())
            .thenComparing(s -> s.branchId().orElseThrow().toString()));
    activity.forEach((query, data) -> {
      if (query.period().equals(period) && query.scope().branchId().isPresent()) {
        branches.put(query.scope(), data);
      }
    });
    return branches;
  }
}
