package io.pulsereports.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.model.ReportPeriod;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryScheduleTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void aDailyRunFiresAtTheLocalTimeAndDeliversThePreviousLocalDay() {
    DeliverySchedule schedule = DeliverySchedule.daily(LocalTime.of(6, 0), NEW_YORK);

    ScheduledRun run = schedule.nextAfter(Instant.parse("2026-03-07T12:00:00Z"));

    // 2026-03-08 is the spring-forward day: 06:00 is already EDT (UTC-4).
    assertThat(run.fireAt()).isEqualTo(Instant.parse("2026-03-08T10:00:00Z"));
    assertThat(run.localDate()).isEqualTo(LocalDate.of(2026, 3, 8));
    assertThat(run.period()).isEqualTo(ReportPeriod.day(LocalDate.of(2026, 3, 7), NEW_YORK));
  }

  @Test
  void aLocalTimeSkippedBySpringForwardFiresAtTheFirstValidInstantAfterIt() {
    DeliverySchedule schedule = DeliverySchedule.daily(LocalTime.of(2, 30), NEW_YORK);

    List<ScheduledRun> runs =
        schedule.runsBetween(Instant.parse("2026-03-07T00:00:00Z"), Instant.parse("2026-03-10T00:00:00Z"));

    assertThat(runs).extracting(ScheduledRun::fireAt).containsExactly(
        Instant.parse("2026-03-07T07:30:00Z"),   // 02:30 EST
        Instant.parse("2026-03-08T07:00:00Z"),   // 02:30 does not exist: 03:00 EDT, the change itself
        Instant.parse("2026-03-09T06:30:00Z"));  // 02:30 EDT
  }

  @Test
  void aLocalTimeThatHappensTwiceOnFallBackFiresOnceAtItsFirstOccurrence() {
    DeliverySchedule schedule = DeliverySchedule.daily(LocalTime.of(1, 30), NEW_YORK);

    List<ScheduledRun> runs =
        schedule.runsBetween(Instant.parse("2026-10-31T12:00:00Z"), Instant.parse("2026-11-02T12:00:00Z"));

    assertThat(runs).extracting(ScheduledRun::fireAt).containsExactly(
        Instant.parse("2026-11-01T05:30:00Z"),   // 01:30 EDT; the second 01:30 (EST) does not fire
        Instant.parse("2026-11-02T06:30:00Z"));
    assertThat(runs).extracting(run -> run.period().startDate())
        .containsExactly(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1));
  }

  @Test
  void zonesWithHalfAndQuarterHourOffsetsFireAtTheirLocalTime() {
    assertThat(DeliverySchedule.daily(LocalTime.of(8, 0), ZoneId.of("Asia/Kolkata"))
            .nextAfter(Instant.parse("2026-03-09T00:00:00Z")).fireAt())
        .isEqualTo(Instant.parse("2026-03-09T02:30:00Z"));
    assertThat(DeliverySchedule.daily(LocalTime.of(7, 0), ZoneId.of("Asia/Kathmandu"))
            .nextAfter(Instant.parse("2026-03-09T00:00:00Z")).fireAt())
        .isEqualTo(Instant.parse("2026-03-09T01:15:00Z"));
  }

  @Test
  void aWeeklyRunFiresOnItsDaysAndDeliversThePreviousIsoWeek() {
    DeliverySchedule schedule =
        DeliverySchedule.weekly(LocalTime.of(9, 0), Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), NEW_YORK);

    List<ScheduledRun> runs =
        schedule.runsBetween(Instant.parse("2026-03-08T00:00:00Z"), Instant.parse("2026-03-16T23:00:00Z"));

    assertThat(runs).extracting(ScheduledRun::localDate).containsExactly(
        LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 16));
    assertThat(runs.get(0).period()).isEqualTo(
        ReportPeriod.range(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), NEW_YORK));
    assertThat(runs.get(1).period()).isEqualTo(runs.get(0).period());
    assertThat(runs.get(2).period().startDate()).isEqualTo(LocalDate.of(2026, 3, 9));
  }

  @Test
  void theLatestMissedRunIsFoundForCatchingUpAfterDowntime() {
    DeliverySchedule schedule = DeliverySchedule.daily(LocalTime.of(6, 0), NEW_YORK);

    ScheduledRun latest = schedule.latestAtOrBefore(Instant.parse("2026-03-12T09:59:59Z")).orElseThrow();

    assertThat(latest.localDate()).isEqualTo(LocalDate.of(2026, 3, 11));
    assertThat(latest.period().startDate()).isEqualTo(LocalDate.of(2026, 3, 10));
  }

  @Test
  void anImpossibleScheduleCannotBeBuilt() {
    assertThatThrownBy(() -> DeliverySchedule.weekly(LocalTime.of(9, 0), Set.of(), NEW_YORK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeliverySchedule.daily(LocalTime.of(9, 0, 30), NEW_YORK))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
