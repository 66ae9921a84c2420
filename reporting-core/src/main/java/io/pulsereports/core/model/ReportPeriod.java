package io.pulsereports.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;

/**
 * The local dates {@code startDate..endDate} (both inclusive) in a time zone: the half-open
 * interval of instants [startDate 00:00, endDate+1 00:00) local time. A local midnight that does
 * not exist or happens twice starts at the first instant of that local date, so a day may be 23
 * or 25 hours long.
 */
public record ReportPeriod(LocalDate startDate, LocalDate endDate, ZoneId zone) {

  public ReportPeriod {
    requireNonNull(startDate, "startDate");
    requireNonNull(endDate, "endDate");
    requireNonNull(zone, "zone");
    checkArgument(!startDate.isAfter(endDate), "startDate %s is after endDate %s", startDate, endDate);
  }

  public static ReportPeriod day(LocalDate date, ZoneId zone) {
    return new ReportPeriod(date, date, zone);
  }

  /** The ISO week (Monday..Sunday) that contains {@code date}. */
  public static ReportPeriod isoWeekContaining(LocalDate date, ZoneId zone) {
    LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new ReportPeriod(monday, monday.plusDays(6), zone);
  }

  public static ReportPeriod range(LocalDate startDate, LocalDate endDate, ZoneId zone) {
    return new ReportPeriod(startDate, endDate, zone);
  }

  /** The first instant of the period. */
  public Instant start() {
    return startDate.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period. */
  public Instant end() {
    return endDate.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public OffsetDateTime startOffsetDateTime() {
    return startDate.atStartOfDay(zone).toOffsetDateTime();
  }

  public OffsetDateTime endOffsetDateTime() {
    return endDate.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
  }

  public int days() {
    return (int) ChronoUnit.DAYS.between(startDate, endDate) + 1;
  }

  /** The period of the same number of days immediately before this one. */
  public ReportPeriod previous() {
    return new ReportPeriod(startDate.minusDays(days()), startDate.minusDays(1), zone);
  }

  public List<LocalDate> dates() {
    return startDate.datesUntil(endDate.plusDays(1)).collect(ImmutableList.toImmutableList());
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start()) && instant.isBefore(end());
  }

  /**
   * Splits the period where the zone's UTC offset changes. Within one segment local time is UTC
   * plus a fixed offset, which lets a database without time zone support bucket local dates and
   * hours with plain arithmetic.
   */
  public List<UtcOffsetSegment> offsetSegments() {
    ImmutableList.Builder<UtcOffsetSegment> segments = ImmutableList.builder();
    Instant segmentStart = start();
    Instant end = end();
    while (segmentStart.isBefore(end)) {
      ZoneOffset offset = zone.getRules().getOffset(segmentStart);
      ZoneOffsetTransition next = zone.getRules().nextTransition(segmentStart);
      Instant segmentEnd =
          next == null || !next.getInstant().isBefore(end) ? end : next.getInstant();
      segments.add(new UtcOffsetSegment(segmentStart, segmentEnd, offset));
      segmentStart = segmentEnd;
    }
    return segments.build();
  }
}
