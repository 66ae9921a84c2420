package io.pulsereports.core.schedule;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import io.pulsereports.core.model.PeriodKind;
import io.pulsereports.core.model.ReportPeriod;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Set;

/**
 * When a subscription delivers: every day ({@link PeriodKind#DAY}; with delivery days, only on
 * those days) or on some days of the week ({@link PeriodKind#WEEK}) at a local time in its zone. A
 * daily run delivers the previous local day; a weekly run the previous ISO week (Monday to Sunday).
 *
 * <p>DST is explicit. A local time that does not exist on a date (skipped by a spring-forward
 * change) fires at the first valid instant after it: the instant of the change. A local time that
 * happens twice (fall back) fires once, at its first occurrence.
 */
public record DeliverySchedule(PeriodKind kind, LocalTime deliveryTime, Set<DayOfWeek> deliveryDays, ZoneId zone) {

  public DeliverySchedule {
    requireNonNull(kind, "kind");
    requireNonNull(deliveryTime, "deliveryTime");
    checkArgument(deliveryTime.getSecond() == 0 && deliveryTime.getNano() == 0,
        "deliveryTime %s must be whole minutes", deliveryTime);
    deliveryDays = ImmutableSortedSet.copyOf(requireNonNull(deliveryDays, "deliveryDays"));
    checkArgument(kind == PeriodKind.DAY || !deliveryDays.isEmpty(), "a weekly schedule needs delivery days");
    requireNonNull(zone, "zone");
  }

  public static DeliverySchedule daily(LocalTime at, ZoneId zone) {
    return new DeliverySchedule(PeriodKind.DAY, at, Set.of(), zone);
  }

  /** Daily reports delivered only on {@code days} (each run still delivers the previous day). */
  public static DeliverySchedule daily(LocalTime at, Set<DayOfWeek> days, ZoneId zone) {
    return new DeliverySchedule(PeriodKind.DAY, at, days, zone);
  }

  public static DeliverySchedule weekly(LocalTime at, Set<DayOfWeek> days, ZoneId zone) {
    return new DeliverySchedule(PeriodKind.WEEK, at, days, zone);
  }

  /** The first run that fires strictly after {@code after}. */
  public ScheduledRun nextAfter(Instant after) {
    requireNonNull(after, "after");
    LocalDate date = LocalDate.ofInstant(after, zone).minusDays(1);
    // At most 8 days ahead for any weekly schedule with at least one day.
    for (int i = 0; i < 10; i++, date = date.plusDays(1)) {
      if (!firesOn(date)) {
        continue;
      }
      Instant fireAt = fireInstant(date);
      if (fireAt.isAfter(after)) {
        return new ScheduledRun(fireAt, date, periodFor(date));
      }
    }
    throw new IllegalStateException("no run within 10 days of " + after);
  }

  /** The next {@code count} runs that fire strictly after {@code after}, in order. */
  public List<ScheduledRun> nextRuns(Instant after, int count) {
    checkArgument(count >= 0, "count %s is negative", count);
    List<ScheduledRun> runs = new java.util.ArrayList<>();
    Instant from = after;
    for (int i = 0; i < count; i++) {
      ScheduledRun run = nextAfter(from);
      runs.add(run);
      from = run.fireAt();
    }
    return runs;
  }

  /** The runs that fire in (from, to], in order. */
  public List<ScheduledRun> runsBetween(Instant from, Instant to) {
    checkArgument(!to.isBefore(from), "to is before from");
    List<ScheduledRun> runs = new java.util.ArrayList<>();
    for (ScheduledRun run = nextAfter(from); !run.fireAt().isAfter(to); run = nextAfter(run.fireAt())) {
      runs.add(run);
    }
    return runs;
  }

  /** The latest run that fired at or before {@code at}, if any in the last 8 days. */
  public java.util.Optional<ScheduledRun> latestAtOrBefore(Instant at) {
    LocalDate date = LocalDate.ofInstant(at, zone).plusDays(1);
    for (int i = 0; i < 10; i++, date = date.minusDays(1)) {
      if (firesOn(date) && !fireInstant(date).isAfter(at)) {
        return java.util.Optional.of(new ScheduledRun(fireInstant(date), date, periodFor(date)));
      }
    }
    return java.util.Optional.empty();
  }

  private boolean firesOn(LocalDate date) {
    return (kind == PeriodKind.DAY && deliveryDays.isEmpty()) || deliveryDays.contains(date.getDayOfWeek());
  }

  /** The period a run on local {@code date} delivers. */
  public ReportPeriod periodFor(LocalDate date) {
    if (kind == PeriodKind.DAY) {
      return ReportPeriod.day(date.minusDays(1), zone);
    }
    return ReportPeriod.isoWeekContaining(date.minusWeeks(1), zone);
  }

  private Instant fireInstant(LocalDate date) {
    LocalDateTime local = date.atTime(deliveryTime);
    ZoneRules rules = zone.getRules();
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      ZoneOffsetTransition gap = rules.getTransition(local);
      return gap.getInstant();
    }
    // One offset normally; two in a fall-back overlap, the earlier first: fire once, at the first.
    return local.toInstant(offsets.get(0)).truncatedTo(ChronoUnit.SECONDS);
  }
}
