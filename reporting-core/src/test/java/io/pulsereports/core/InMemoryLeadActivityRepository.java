package io.pulsereports.core;

import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.port.out.LeadActivityPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Returns prepared activity per (scope, period) and records what was asked. */
final class InMemoryLeadActivityRepository implements LeadActivityPort {

  record Query(GymScope scope, ReportPeriod period) {}

  private final Map<Query, LeadActivity> activity = new HashMap<>();
  final List<Query> queries = new ArrayList<>();

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
}
