package io.pulsereports.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void springForwardDayLastsTwentyThreeHoursInTwoOffsetSegments() {
    ReportPeriod day = ReportPeriod.day(LocalDate.parse("2026-03-08"), NEW_YORK);

    assertThat(day.start()).isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
    assertThat(day.end()).isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
    assertThat(Duration.between(day.start(), day.end())).isEqualTo(Duration.ofHours(23));
    assertThat(day.offsetSegments())
        .containsExactly(
            new UtcOffsetSegment(
                Instant.parse("2026-03-08T05:00:00Z"), Instant.parse("2026-03-08T07:00:00Z"), ZoneOffset.ofHours(-5)),
            new UtcOffsetSegment(
                Instant.parse("2026-03-08T07:00:00Z"), Instant.parse("2026-03-09T04:00:00Z"), ZoneOffset.ofHours(-4)));
  }

  @Test
  void fallBackDayLastsTwentyFiveHoursInTwoOffsetSegments() {
    ReportPeriod day = ReportPeriod.day(LocalDate.parse("2026-11-01"), NEW_YORK);

    assertThat(Duration.between(day.start(), day.end())).isEqualTo(Duration.ofHours(25));
    assertThat(day.offsetSegments())
        .extracting(UtcOffsetSegment::start, UtcOffsetSegment::offset)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-11-01T04:00:00Z"), ZoneOffset.ofHours(-4)),
            org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-11-01T06:00:00Z"), ZoneOffset.ofHours(-5)));
  }

  @Test
  void ordinaryDayIsOneSegment() {
    ReportPeriod day = ReportPeriod.day(LocalDate.parse("2026-06-15"), NEW_YORK);

    assertThat(day.offsetSegments()).hasSize(1);
    assertThat(day.startOffsetDateTime()).hasToString("2026-06-15T00:00-04:00");
  }

  @Test
  void dayWhoseMidnightDoesNotExistStartsAtItsFirstInstant() {
    // Brazil moved clocks from 00:00 to 01:00 on 2018-11-04.
    ReportPeriod day = ReportPeriod.day(LocalDate.parse("2018-11-04"), ZoneId.of("America/Sao_Paulo"));

    assertThat(day.start()).isEqualTo(Instant.parse("2018-11-04T03:00:00Z"));
    assertThat(Duration.between(day.start(), day.end())).isEqualTo(Duration.ofHours(23));
  }

  @Test
  void isoWeekRunsMondayToSundayAndItsPreviousIsTheWeekBefore() {
    ReportPeriod week = ReportPeriod.isoWeekContaining(LocalDate.parse("2026-03-11"), NEW_YORK);

    assertThat(week.startDate()).isEqualTo(LocalDate.parse("2026-03-09"));
    assertThat(week.endDate()).isEqualTo(LocalDate.parse("2026-03-15"));
    assertThat(week.days()).isEqualTo(7);
    assertThat(week.previous()).isEqualTo(ReportPeriod.range(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-08"), NEW_YORK));
  }

  @Test
  void weekAcrossSpringForwardIsOneHourShort() {
    ReportPeriod week = ReportPeriod.isoWeekContaining(LocalDate.parse("2026-03-08"), NEW_YORK);

    assertThat(Duration.between(week.start(), week.end())).isEqualTo(Duration.ofHours(7 * 24 - 1));
    assertThat(week.dates()).hasSize(7).startsWith(LocalDate.parse("2026-03-02")).endsWith(LocalDate.parse("2026-03-08"));
  }

  @Test
  void previousOfAnExplicitRangeHasTheSameNumberOfDays() {
    ReportPeriod range = ReportPeriod.range(LocalDate.parse("2026-01-10"), LocalDate.parse("2026-01-12"), ZoneOffset.UTC);

    assertThat(range.previous().startDate()).isEqualTo(LocalDate.parse("2026-01-07"));
    assertThat(range.previous().endDate()).isEqualTo(LocalDate.parse("2026-01-09"));
  }

  @Test
  void periodIsHalfOpen() {
    ReportPeriod day = ReportPeriod.day(LocalDate.parse("2026-06-15"), ZoneOffset.UTC);

    assertThat(day.contains(Instant.parse("2026-06-15T00:00:00Z"))).isTrue();
    assertThat(day.contains(Instant.parse("2026-06-16T00:00:00Z"))).isFalse();
  }

  @Test
  void rejectsStartAfterEnd() {
    assertThatThrownBy(() -> ReportPeriod.range(LocalDate.parse("2026-01-12"), LocalDate.parse("2026-01-10"), ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after");
  }
}
