package io.pulsereports.core.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.LeadActivityTestData;
import io.pulsereports.core.model.ReportPeriod;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LeadPerformanceCalculatorTest {

  private final LeadPerformanceCalculator calculator = new LeadPerformanceCalculator(LeadMetricsConfig.defaults());

  /** A day with every kind of row: the figures below are worked out by hand in the comments. */
  private static LeadActivity handComputedDay() {
    return LeadActivityTestData.on("2026-03-10")
        .leads("new", 2)
        .leads("contacted", 1)
        .leads("converted", 2)
        .leads("lost", 1)
        .leads("trial", 1) // undocumented status
        .convertedInPeriod(3)
        .calls(9, "user-a", "completed", "interested", 3, 300, 3)
        .calls(9, "user-a", "completed", null, 1, 0, 0) // NULL outcome, NULL duration
        .calls(9, "user-b", "missed", null, 2)
        .calls(10, "user-b", "completed", "not_interested", 2, 100, 2)
        .calls(10, "user-b", "completed", "callback", 1, 50, 1) // undocumented outcome
        .calls(10, null, "completed", "interested", 1) // no staff member
        .calls(14, "user-c", "voicemail", null, 1) // undocumented status
        .calls(14, "user-c", "failed", null, 1)
        .build();
  }

  @Nested
  class Daily {

    private final DailyLeadReport report = calculator.daily(handComputedDay());

    @Test
    void countsLeadsByStatusWithDocumentedStatusesFirstAndUnknownOnesKept() {
      assertThat(report.leads().newLeads()).isEqualTo(7);
      assertThat(report.leads().byStatus())
          .containsExactly(
              Map.entry("new", 2L),
              Map.entry("contacted", 1L),
              Map.entry("qualified", 0L),
              Map.entry("converted", 2L),
              Map.entry("lost", 1L),
              Map.entry("trial", 1L));
      assertThat(report.leads().conversionRate()).hasValue(2.0 / 7);
      assertThat(report.leads().convertedInPeriod()).isEqualTo(3);
    }

    @Test
    void countsCallsByStatusIncludingUnknownStatuses() {
      assertThat(report.calls().total()).isEqualTo(12);
      assertThat(report.calls().byStatus())
          .containsExactly(
              Map.entry("completed", 8L), Map.entry("missed", 2L), Map.entry("failed", 1L), Map.entry("voicemail", 1L));
      assertThat(report.calls().successRate()).hasValue(8.0 / 12);
    }

    @Test
    void averagesDurationsOfCompletedCallsThatHaveOne() {
      assertThat(report.calls().totalDurationSeconds()).isEqualTo(450);
      assertThat(report.calls().avgDurationSeconds()).hasValue(75.0);
    }

    @Test
    void countsNullAndUnknownOutcomesOfCompletedCallsAsOther() {
      assertThat(report.outcomes())
          .containsExactly(
              Map.entry("interested", 4L),
              Map.entry("not_interested", 2L),
              Map.entry("wrong_number", 0L),
              Map.entry("other", 2L));
      assertThat(report.interestRate()).hasValue(0.5);
    }

    @Test
    void reportsAllTwentyFourHours() {
      assertThat(report.byHour()).hasSize(24);
      assertThat(report.byHour().get(9)).isEqualTo(new HourFigures(9, 6, 4, 3, OptionalDouble.of(4.0 / 6)));
      assertThat(report.byHour().get(10)).isEqualTo(new HourFigures(10, 4, 4, 1, OptionalDouble.of(1.0)));
      assertThat(report.byHour().get(14)).isEqualTo(new HourFigures(14, 2, 0, 0, OptionalDouble.of(0.0)));
      assertThat(report.byHour().get(0)).isEqualTo(new HourFigures(0, 0, 0, 0, OptionalDouble.empty()));
    }

    @Test
    void skipsHoursWithFewerThanFiveCallsForBestHour() {
      // Hour 10 has a perfect success rate but only 4 calls.
      assertThat(report.bestHour()).hasValue(9);
    }

    @Test
    void ranksStaffByInterestedThenSuccessRateAndLeavesCallsWithoutStaffOut() {
      assertThat(report.staff())
          .containsExactly(
              new StaffFigures(1, "user-a", 4, 4, 3, OptionalDouble.of(1.0), OptionalDouble.of(0.75), OptionalDouble.of(100.0)),
              new StaffFigures(2, "user-b", 5, 3, 0, OptionalDouble.of(0.6), OptionalDouble.of(0.0), OptionalDouble.of(50.0)),
              new StaffFigures(3, "user-c", 2, 0, 0, OptionalDouble.of(0.0), OptionalDouble.empty(), OptionalDouble.empty()));
    }
  }

  @Test
  void emptyPeriodHasZerosAndUndefinedRates() {
    DailyLeadReport report = calculator.daily(LeadActivity.empty());

    assertThat(report.leads().newLeads()).isZero();
    assertThat(report.leads().byStatus()).containsOnlyKeys("new", "contacted", "qualified", "converted", "lost");
    assertThat(report.leads().conversionRate()).isEmpty();
    assertThat(report.calls().byStatus()).containsOnly(Map.entry("completed", 0L), Map.entry("missed", 0L), Map.entry("failed", 0L));
    assertThat(report.calls().successRate()).isEmpty();
    assertThat(report.calls().avgDurationSeconds()).isEmpty();
    assertThat(report.calls().totalDurationSeconds()).isZero();
    assertThat(report.outcomes()).containsOnlyKeys("interested", "not_interested", "wrong_number", "other");
    assertThat(report.interestRate()).isEmpty();
    assertThat(report.byHour()).hasSize(24).allSatisfy(hour -> assertThat(hour.successRate()).isEmpty());
    assertThat(report.bestHour()).isEmpty();
    assertThat(report.staff()).isEmpty();
  }

  @Test
  void completedCallsWithoutAnyDurationTotalZeroWithUndefinedAverage() {
    DailyLeadReport report =
        calculator.daily(LeadActivityTestData.on("2026-03-10").calls(9, "u", "completed", "interested", 2).build());

    assertThat(report.calls().totalDurationSeconds()).isZero();
    assertThat(report.calls().avgDurationSeconds()).isEmpty();
  }

  @Test
  void bestHourTiesGoToMoreCallsThenTheEarlierHour() {
    LeadActivity tiedRates =
        LeadActivityTestData.on("2026-03-10")
            .calls(15, "u", "completed", null, 5)
            .calls(8, "u", "completed", null, 5)
            .build();
    LeadActivity moreCallsLater =
        LeadActivityTestData.on("2026-03-10")
            .calls(8, "u", "completed", null, 5)
            .calls(11, "u", "completed", null, 6)
            .build();

    assertThat(calculator.daily(tiedRates).bestHour()).hasValue(8);
    assertThat(calculator.daily(moreCallsLater).bestHour()).hasValue(11);
  }

  @Test
  void bestHourThresholdIsConfigurable() {
    LeadActivity fewCalls = LeadActivityTestData.on("2026-03-10").calls(8, "u", "completed", null, 2).build();

    assertThat(calculator.daily(fewCalls).bestHour()).isEmpty();
    assertThat(new LeadPerformanceCalculator(new LeadMetricsConfig(2)).daily(fewCalls).bestHour()).isEqualTo(OptionalInt.of(8));
  }

  @Test
  void staffTiesGoToSuccessRateThenCallsThenUserIdInCodePointOrder() {
    LeadActivity activity =
        LeadActivityTestData.on("2026-03-10")
            .calls(9, "zed", "completed", "interested", 1)
            .calls(9, "zed", "missed", null, 1) // 1 interested, success 0.5, 2 calls
            .calls(9, "amy", "completed", "interested", 2)
            .calls(9, "amy", "missed", null, 2) // 2 interested, success 0.5, 4 calls
            .calls(9, "Bob", "completed", "interested", 2)
            .calls(9, "Bob", "missed", null, 2) // same as amy; "B" < "a" in code point order
            .calls(9, "cat", "completed", "interested", 1) // 1 interested, success 1.0
            .build();

    assertThat(calculator.daily(activity).staff())
        .extracting(StaffFigures::userId, StaffFigures::rank)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Bob", 1),
            org.assertj.core.groups.Tuple.tuple("amy", 2),
            org.assertj.core.groups.Tuple.tuple("cat", 3),
            org.assertj.core.groups.Tuple.tuple("zed", 4));
  }

  @Test
  void interestedMeansCompletedCallsWithOutcomeInterested() {
    DailyLeadReport report =
        calculator.daily(LeadActivityTestData.on("2026-03-10").calls(9, "u", "missed", "interested", 3).build());

    assertThat(report.outcomes().get("interested")).isZero();
    assertThat(report.byHour().get(9).interested()).isZero();
    assertThat(report.staff().get(0).interested()).isZero();
  }

  @Test
  void repeatedHourOfAFallBackDayAddsBothOccurrences() {
    // 2026-11-01 in New York lasts 25 hours: 01:00-01:59 happens at -04:00 and again at -05:00,
    // and the data port reports each occurrence as its own group.
    LeadActivity fallBack =
        LeadActivityTestData.on("2026-11-01")
            .calls(1, "u", "completed", "interested", 3)
            .calls(1, "u", "completed", "interested", 2)
            .calls(2, "u", "missed", null, 1)
            .build();

    DailyLeadReport report = calculator.daily(fallBack);

    assertThat(report.byHour()).hasSize(24);
    assertThat(report.byHour().get(1)).isEqualTo(new HourFigures(1, 5, 5, 5, OptionalDouble.of(1.0)));
    assertThat(report.bestHour()).hasValue(1);
  }

  @Test
  void skippedHourOfASpringForwardDayShowsZeros() {
    // 2026-03-08 in New York has no 02:00 hour: the port never reports one.
    DailyLeadReport report =
        calculator.daily(
            LeadActivityTestData.on("2026-03-08")
                .calls(1, "u", "completed", null, 1)
                .calls(3, "u", "completed", null, 1)
                .build());

    assertThat(report.byHour()).hasSize(24);
    assertThat(report.byHour().get(2)).isEqualTo(new HourFigures(2, 0, 0, 0, OptionalDouble.empty()));
  }

  @Test
  void weeklySeriesAcrossBothDstChangesHasOneRowPerLocalDate() {
    ReportPeriod overFallBack =
        ReportPeriod.range(LocalDate.parse("2026-10-29"), LocalDate.parse("2026-11-02"), ZoneId.of("America/New_York"));

    WeeklyLeadReport report =
        calculator.weekly(
            LeadActivityTestData.on("2026-11-01").calls(1, "u", "completed", null, 2).build(), LeadActivity.empty(), overFallBack);

    assertThat(report.daily()).extracting(DayFigures::date).containsExactlyElementsOf(overFallBack.dates());
    assertThat(report.daily().get(3).calls()).isEqualTo(2);
    assertThat(report.previous().period().start()).hasToString("2026-10-24T00:00-04:00");
  }

  @Nested
  class Weekly {

    private final ReportPeriod week =
        ReportPeriod.isoWeekContaining(LocalDate.parse("2026-03-04"), ZoneId.of("America/New_York"));

    private final LeadActivity current =
        LeadActivityTestData.on("2026-03-02")
            .leads(LocalDate.parse("2026-03-02"), "new", 2)
            .leads(LocalDate.parse("2026-03-02"), "contacted", 1)
            .leads(LocalDate.parse("2026-03-04"), "qualified", 1)
            .leads(LocalDate.parse("2026-03-04"), "converted", 2)
            .leads(LocalDate.parse("2026-03-08"), "lost", 1)
            .leads(LocalDate.parse("2026-03-08"), "trial", 1)
            .convertedInPeriod(2)
            .calls(LocalDate.parse("2026-03-02"), 9, "amy", "completed", "interested", 4, 400, 4)
            .calls(LocalDate.parse("2026-03-03"), 9, "bob", "completed", "interested", 1, 60, 1)
            .calls(LocalDate.parse("2026-03-08"), 23, "bob", "missed", null, 3, 0, 0)
            .build();

    private final LeadActivity previous =
        LeadActivityTestData.on("2026-02-23")
            .leads("new", 4)
            .convertedInPeriod(0)
            .calls(9, "bob", "completed", "interested", 2, 100, 2)
            .calls(9, "amy", "completed", "not_interested", 2, 100, 2)
            .build();

    private final WeeklyLeadReport report = calculator.weekly(current, previous, week);

    @Test
    void comparesCountsWithThePreviousPeriod() {
      Change newLeads = report.changes().leads().newLeads();
      assertThat(newLeads.current()).contains(8L);
      assertThat(newLeads.previous()).contains(4L);
      assertThat(newLeads.change()).contains(4L);
      assertThat(newLeads.pctChange()).hasValue(1.0);
      assertThat(newLeads.trend()).isEqualTo(Trend.UP);
    }

    @Test
    void changeFromAPreviousZeroHasNoPercentage() {
      Change converted = report.changes().leads().convertedInPeriod();
      assertThat(converted.change()).contains(2L);
      assertThat(converted.pctChange()).isEmpty();
      assertThat(converted.trend()).isEqualTo(Trend.UP);
    }

    @Test
    void rateChangeWithAnUndefinedSideIsFlatWithoutChange() {
      // Previous period: 4 leads, none converted -> conversion rate 0.0 (defined).
      Change conversion = report.changes().leads().conversionRate();
      assertThat(conversion.previous()).contains(0.0);
      assertThat(conversion.change()).contains(0.25);
      assertThat(conversion.pctChange()).isEmpty();

      WeeklyLeadReport againstEmpty = calculator.weekly(current, LeadActivity.empty(), week);
      Change rate = againstEmpty.changes().calls().successRate();
      assertThat(rate.previous()).isEmpty();
      assertThat(rate.change()).isEmpty();
      assertThat(rate.pctChange()).isEmpty();
      assertThat(rate.trend()).isEqualTo(Trend.FLAT);
    }

    @Test
    void comparesRatesAndAverages() {
      Change successRate = report.changes().calls().successRate();
      assertThat(successRate.current()).contains(5.0 / 8);
      assertThat(successRate.previous()).contains(1.0);
      assertThat(successRate.trend()).isEqualTo(Trend.DOWN);
      assertThat(successRate.pctChange().getAsDouble()).isCloseTo(-0.375, within(1e-12));

      Change duration = report.changes().calls().avgDurationSeconds();
      assertThat(duration.current()).contains(92.0);
      assertThat(duration.previous()).contains(50.0);
      assertThat(duration.change()).contains(42.0);

      Change interest = report.changes().interestRate();
      assertThat(interest.current()).contains(1.0);
      assertThat(interest.previous()).contains(0.5);
      assertThat(interest.pctChange()).hasValue(1.0);
    }

    @Test
    void funnelCountsLeadsReachingAtLeastEachStage() {
      assertThat(report.funnel().stages())
          .containsExactly(
              new FunnelStage("new", 8, OptionalDouble.empty()),
              new FunnelStage("contacted", 4, OptionalDouble.of(0.5)),
              new FunnelStage("qualified", 3, OptionalDouble.of(0.75)),
              new FunnelStage("converted", 2, OptionalDouble.of(2.0 / 3)));
      assertThat(report.funnel().lost()).isEqualTo(1);
    }

    @Test
    void funnelRateAfterAnEmptyStageIsUndefined() {
      WeeklyLeadReport onlyNew =
          calculator.weekly(LeadActivityTestData.on("2026-03-02").leads("new", 3).build(), LeadActivity.empty(), week);

      assertThat(onlyNew.funnel().stages().get(2).rateFromPrevious()).isEmpty();
      assertThat(onlyNew.funnel().stages().get(3).rateFromPrevious()).isEmpty();
    }

    @Test
    void dailySeriesHasEveryDateOfThePeriod() {
      assertThat(report.daily())
          .containsExactly(
              new DayFigures(LocalDate.parse("2026-03-02"), 3, 4, 4, 4),
              new DayFigures(LocalDate.parse("2026-03-03"), 0, 1, 1, 1),
              new DayFigures(LocalDate.parse("2026-03-04"), 3, 0, 0, 0),
              new DayFigures(LocalDate.parse("2026-03-05"), 0, 0, 0, 0),
              new DayFigures(LocalDate.parse("2026-03-06"), 0, 0, 0, 0),
              new DayFigures(LocalDate.parse("2026-03-07"), 0, 0, 0, 0),
              new DayFigures(LocalDate.parse("2026-03-08"), 2, 3, 0, 0));
    }

    @Test
    void staffCarryTheirPreviousRankAndHowFarTheyMoved() {
      // This week: amy 4 interested (1st), bob 1 (2nd). Last week: bob 2 interested (1st), amy 0 (2nd).
      assertThat(report.staff())
          .extracting(WeeklyStaffFigures::userId, WeeklyStaffFigures::rank, WeeklyStaffFigures::previousRank, WeeklyStaffFigures::rankChange)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("amy", 1, Optional.of(2), Optional.of(1)),
              org.assertj.core.groups.Tuple.tuple("bob", 2, Optional.of(1), Optional.of(-1)));

      WeeklyLeadReport newcomers = calculator.weekly(current, LeadActivity.empty(), week);
      assertThat(newcomers.staff()).allSatisfy(row -> {
        assertThat(row.previousRank()).isEmpty();
        assertThat(row.rankChange()).isEmpty();
      });
    }

    @Test
    void previousBlockCoversTheWeekBefore() {
      assertThat(report.previous().period().start()).hasToString("2026-02-23T00:00-05:00");
      assertThat(report.previous().period().end()).hasToString("2026-03-02T00:00-05:00");
      assertThat(report.previous().leads().newLeads()).isEqualTo(4);
      assertThat(report.previous().calls().total()).isEqualTo(4);
      assertThat(report.previous().interestRate()).hasValue(0.5);
    }
  }
}
