package io.pulsereports.core.metric;

import static java.util.Comparator.comparing;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.pulsereports.core.model.CodePointOrder;
import io.pulsereports.core.model.CallGroup;
import io.pulsereports.core.model.CallStatus;
import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.LeadCount;
import io.pulsereports.core.model.LeadStatus;
import io.pulsereports.core.model.PeriodBounds;
import io.pulsereports.core.model.ReportPeriod;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes the lead performance metrics of SPEC section 3 from grouped activity. Stateless and
 * deterministic: the same activity always gives the same report.
 */
public final class LeadPerformanceCalculator {

  private static final Comparator<Tally> STAFF_ORDER =
      Comparator.comparingLong((Tally t) -> t.interested)
          .reversed()
          .thenComparing(comparing((Tally t) -> t.successRate().orElse(-1)).reversed())
          .thenComparing(comparing((Tally t) -> t.calls).reversed())
          .thenComparing(t -> t.key, CodePointOrder.INSTANCE);

  private final LeadMetricsConfig config;

  public LeadPerformanceCalculator(LeadMetricsConfig config) {
    this.config = requireNonNull(config, "config");
  }

  public DailyLeadReport daily(LeadActivity activity) {
    requireNonNull(activity, "activity");
    List<HourFigures> byHour = byHour(activity);
    return new DailyLeadReport(
        leadFigures(activity),
        callFigures(activity),
        outcomes(activity),
        interestRate(activity),
        byHour,
        bestHour(byHour),
        staff(activity));
  }

  public WeeklyLeadReport weekly(LeadActivity current, LeadActivity previous, ReportPeriod period) {
    requireNonNull(current, "current");
    requireNonNull(previous, "previous");
    requireNonNull(period, "period");
    DailyLeadReport now = daily(current);
    DailyLeadReport before = daily(previous);
    Map<String, Integer> previousRanks = new HashMap<>();
    before.staff().forEach(row -> previousRanks.put(row.userId(), row.rank()));
    List<WeeklyStaffFigures> staff =
        now.staff().stream()
            .map(row -> WeeklyStaffFigures.of(row, Optional.ofNullable(previousRanks.get(row.userId()))))
            .collect(ImmutableList.toImmutableList());
    return new WeeklyLeadReport(
        now.leads(),
        now.calls(),
        now.outcomes(),
        now.interestRate(),
        now.byHour(),
        now.bestHour(),
        staff,
        new PreviousPeriodFigures(
            PeriodBounds.of(period.previous()),
            before.leads(),
            before.calls(),
            before.outcomes(),
            before.interestRate()),
        changes(now, before),
        funnel(now.leads()),
        dailySeries(current, period));
  }

  private static LeadFigures leadFigures(LeadActivity activity) {
    Map<String, Long> byStatus = withDocumentedKeys(LeadStatus.DOCUMENTED);
    long created = 0;
    for (LeadCount count : activity.leadsCreated()) {
      byStatus.merge(count.status(), count.count(), Long::sum);
      created += count.count();
    }
    return new LeadFigures(
        created,
        sortedUndocumented(byStatus, LeadStatus.DOCUMENTED),
        ratio(byStatus.get(LeadStatus.CONVERTED), created),
        activity.convertedInPeriod());
  }

  private static CallFigures callFigures(LeadActivity activity) {
    Map<String, Long> byStatus = withDocumentedKeys(CallStatus.DOCUMENTED);
    long total = 0;
    long completed = 0;
    long durationSum = 0;
    long withDuration = 0;
    for (CallGroup group : activity.calls()) {
      byStatus.merge(group.status(), group.calls(), Long::sum);
      total += group.calls();
      if (group.isCompleted()) {
        completed += group.calls();
        durationSum += group.durationSeconds();
        withDuration += group.callsWithDuration();
      }
    }
    return new CallFigures(
        total,
        sortedUndocumented(byStatus, CallStatus.DOCUMENTED),
        ratio(completed, total),
        ratio(durationSum, withDuration),
        durationSum);
  }

  private static Map<String, Long> outcomes(LeadActivity activity) {
    Map<String, Long> outcomes = withDocumentedKeys(CallStatus.DOCUMENTED_OUTCOMES);
    for (CallGroup group : activity.calls()) {
      if (group.isCompleted()) {
        outcomes.merge(CallStatus.outcomeBucket(group.outcome()), group.calls(), Long::sum);
      }
    }
    return ImmutableMap.copyOf(outcomes);
  }

  private static OptionalDouble interestRate(LeadActivity activity) {
    Tally all = new Tally("");
    activity.calls().forEach(all::add);
    return all.interestRate();
  }

  private static List<HourFigures> byHour(LeadActivity activity) {
    Tally[] hours = new Tally[24];
    for (int hour = 0; hour < 24; hour++) {
      hours[hour] = new Tally(Integer.toString(hour));
    }
    activity.calls().forEach(group -> hours[group.hour()].add(group));
    ImmutableList.Builder<HourFigures> figures = ImmutableList.builder();
    for (int hour = 0; hour < 24; hour++) {
      Tally tally = hours[hour];
      figures.add(
          new HourFigures(hour, tally.calls, tally.completed, tally.interested, tally.successRate()));
    }
    return figures.build();
  }

  /** Highest success rate among hours with enough calls; ties: more calls, then earlier hour. */
  private OptionalInt bestHour(List<HourFigures> hours) {
    return hours.stream()
        .filter(hour -> hour.calls() >= config.bestHourMinCalls())
        .min(
            comparing((HourFigures hour) -> hour.successRate().orElse(-1))
                .reversed()
                .thenComparing(comparing(HourFigures::calls).reversed())
                .thenComparing(HourFigures::hour))
        .map(hour -> OptionalInt.of(hour.hour()))
        .orElse(OptionalInt.empty());
  }

  private static List<StaffFigures> staff(LeadActivity activity) {
    Map<String, Tally> byUser = new HashMap<>();
    for (CallGroup group : activity.calls()) {
      group.userId().ifPresent(user -> byUser.computeIfAbsent(user, Tally::new).add(group));
    }
    List<Tally> ordered = byUser.values().stream().sorted(STAFF_ORDER).toList();
    ImmutableList.Builder<StaffFigures> rows = ImmutableList.builder();
    for (int i = 0; i < ordered.size(); i++) {
      Tally tally = ordered.get(i);
      rows.add(
          new StaffFigures(
              i + 1,
              tally.key,
              tally.calls,
              tally.completed,
              tally.interested,
              tally.successRate(),
              tally.interestRate(),
              ratio(tally.durationSum, tally.withDuration)));
    }
    return rows.build();
  }

  private static Changes changes(DailyLeadReport now, DailyLeadReport before) {
    return new Changes(
        new LeadChanges(
            Change.ofCounts(now.leads().newLeads(), before.leads().newLeads()),
            Change.ofCounts(now.leads().convertedInPeriod(), before.leads().convertedInPeriod()),
            Change.ofValues(now.leads().conversionRate(), before.leads().conversionRate())),
        new CallChanges(
            Change.ofCounts(now.calls().total(), before.calls().total()),
            Change.ofValues(now.calls().successRate(), before.calls().successRate()),
            Change.ofValues(now.calls().avgDurationSeconds(), before.calls().avgDurationSeconds())),
        Change.ofValues(now.interestRate(), before.interestRate()));
  }

  /**
   * Leads created in the period reaching at least each stage. An undocumented status reaches
   * only {@code new}; lost leads count in {@code new} and beside the funnel.
   */
  private static Funnel funnel(LeadFigures leads) {
    Function<String, Long> count = status -> leads.byStatus().getOrDefault(status, 0L);
    long converted = count.apply(LeadStatus.CONVERTED);
    long qualified = converted + count.apply(LeadStatus.QUALIFIED);
    long contacted = qualified + count.apply(LeadStatus.CONTACTED);
    long[] counts = {leads.newLeads(), contacted, qualified, converted};
    List<String> names =
        List.of(LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED, LeadStatus.CONVERTED);
    ImmutableList.Builder<FunnelStage> stages = ImmutableList.builder();
    for (int i = 0; i < counts.length; i++) {
      stages.add(
          new FunnelStage(
              names.get(i), counts[i], i == 0 ? OptionalDouble.empty() : ratio(counts[i], counts[i - 1])));
    }
    return new Funnel(stages.build(), count.apply(LeadStatus.LOST));
  }

  private static List<DayFigures> dailySeries(LeadActivity activity, ReportPeriod period) {
    Map<LocalDate, Long> newLeads = new HashMap<>();
    activity.leadsCreated().forEach(c -> newLeads.merge(c.createdDate(), c.count(), Long::sum));
    Map<LocalDate, Tally> calls = new HashMap<>();
    activity.calls().forEach(g -> calls.computeIfAbsent(g.date(), d -> new Tally("")).add(g));
    return period.dates().stream()
        .map(
            date -> {
              Tally tally = calls.getOrDefault(date, new Tally(""));
              return new DayFigures(
                  date, newLeads.getOrDefault(date, 0L), tally.calls, tally.completed, tally.interested);
            })
        .collect(ImmutableList.toImmutableList());
  }

  private static Map<String, Long> withDocumentedKeys(Collection<String> documented) {
    Map<String, Long> counts = new LinkedHashMap<>();
    documented.forEach(key -> counts.put(key, 0L));
    return counts;
  }

  /** The documented keys in their documented order, then undocumented ones in code point order. */
  private static Map<String, Long> sortedUndocumented(Map<String, Long> counts, List<String> documented) {
    ImmutableMap.Builder<String, Long> ordered = ImmutableMap.builder();
    documented.forEach(key -> ordered.put(key, counts.get(key)));
    Map<String, Long> others = new TreeMap<>(CodePointOrder.INSTANCE);
    counts.forEach((key, value) -> {
      if (!documented.contains(key)) {
        others.put(key, value);
      }
    });
    return ordered.putAll(others).build();
  }

  private static OptionalDouble ratio(long numerator, long denominator) {
    return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
  }

  /** Running totals of call groups for one key (a staff member, an hour, a date). */
  private static final class Tally {
    final String key;
    long calls;
    long completed;
    long interested;
    long durationSum;
    long withDuration;

    Tally(String key) {
      this.key = key;
    }

    void add(CallGroup group) {
      calls += group.calls();
      if (group.isCompleted()) {
        completed += group.calls();
        durationSum += group.durationSeconds();
        withDuration += group.callsWithDuration();
        if (group.outcome().filter(CallStatus.INTERESTED::equals).isPresent()) {
          interested += group.calls();
        }
      }
    }

    OptionalDouble successRate() {
      return ratio(completed, calls);
    }

    OptionalDouble interestRate() {
      return ratio(interested, completed);
    }
  }
}
