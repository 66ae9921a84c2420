package io.pulsereports.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.metric.DailyLeadReport;
import io.pulsereports.core.metric.WeeklyLeadReport;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.LeadActivityTestData;
import io.pulsereports.core.model.PeriodKind;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.in.GenerateReportCommand;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReportingTest {

  private static final String GYM = "6f1c2a4e-0b7d-4c52-9a8e-1d2b3c4d5e6f";
  private static final String BRANCH = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  // Wednesday 2026-03-11 02:30 in New York.
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-11T06:30:00Z"), ZoneOffset.UTC);

  private final InMemoryLeadActivityRepository repository = new InMemoryLeadActivityRepository();
  private final Reporting reporting = Reporting.builder().clock(CLOCK).leadActivity(repository).build();

  private static GymScope branchScope() {
    return GymScope.branch(UUID.fromString(GYM), UUID.fromString(BRANCH));
  }

  @Test
  void dailyReportOfTheRequestedBranchAndLocalDay() {
    ReportPeriod day = ReportPeriod.day(LocalDate.parse("2026-03-08"), NEW_YORK);
    repository.with(branchScope(), day, LeadActivityTestData.on("2026-03-08").leads("new", 3).build());

    Report<?> report =
        reporting
            .generate(GenerateReportCommand.builder("daily").gymId(GYM).branchId(BRANCH).date("2026-03-08").timezone("America/New_York").build())
            .report();

    assertThat(report.type()).isEqualTo(ReportType.DAILY);
    assertThat(report.request().period()).isEqualTo(day);
    assertThat(report.request().scope()).contains(branchScope());
    assertThat(report.generatedAt()).isEqualTo(CLOCK.instant());
    assertThat(((DailyLeadReport) report.body()).leads().newLeads()).isEqualTo(3);
  }

  @Test
  void dailyDefaultsToYesterdayInTheReportsZone() {
    reporting.generate(GenerateReportCommand.builder("daily").gymId(GYM).timezone("America/New_York").build());

    // 06:30 UTC on the 11th is still the 11th in New York, so yesterday is the 10th.
    assertThat(repository.queries)
        .containsExactly(new InMemoryLeadActivityRepository.Query(GymScope.wholeGym(UUID.fromString(GYM)), ReportPeriod.day(LocalDate.parse("2026-03-10"), NEW_YORK)));
  }

  @Test
  void zoneDefaultsToUtc() {
    Report<?> report = reporting.generate(GenerateReportCommand.builder("daily").gymId(GYM).date("2026-03-08").build()).report();

    assertThat(report.request().period().zone()).isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void weeklyDefaultsToTheLastCompleteIsoWeekAndReadsThePreviousOneToo() {
    Report<?> report = reporting.generate(GenerateReportCommand.builder("weekly").gymId(GYM).branchId(BRANCH).timezone("America/New_York").build()).report();

    ReportPeriod lastWeek = ReportPeriod.range(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-08"), NEW_YORK);
    assertThat(report.request().period()).isEqualTo(lastWeek);
    assertThat(repository.queries)
        .extracting(InMemoryLeadActivityRepository.Query::period)
        .containsExactly(lastWeek, lastWeek.previous());
    assertThat(((WeeklyLeadReport) report.body()).daily()).hasSize(7);
  }

  @Test
  void weeklyTakesAnExplicitInclusiveRange() {
    Report<?> report =
        reporting
            .generate(GenerateReportCommand.builder("weekly").gymId(GYM).startDate("2026-03-01").endDate("2026-03-10").build())
            .report();

    assertThat(report.request().period().days()).isEqualTo(10);
    assertThat(((WeeklyLeadReport) report.body()).previous().period().start()).hasToString("2026-02-19T00:00Z");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown type              | monthly | " + GYM + " |            | 2026-03-08 |            |            | UTC              | report_type | unknown report type 'monthly'",
        "malformed gym             | daily   | not-a-uuid |            | 2026-03-08 |            |            | UTC              | gym_id      | 'not-a-uuid' is not a UUID",
        "malformed branch          | daily   | " + GYM + " | 1234       | 2026-03-08 |            |            | UTC              | branch_id   | '1234' is not a UUID",
        "missing gym               | daily   |            |            | 2026-03-08 |            |            | UTC              | gym_id      | required",
        "invalid zone              | daily   | " + GYM + " |            | 2026-03-08 |            |            | Mars/Olympus     | timezone    | unknown time zone 'Mars/Olympus'",
        "invalid date              | daily   | " + GYM + " |            | 2026-02-30 |            |            | UTC              | date        | '2026-02-30' is not a date",
        "range on daily            | daily   | " + GYM + " |            |            | 2026-03-01 | 2026-03-02 | UTC              | start_date  | not used by single-day reports",
        "start after end           | weekly  | " + GYM + " |            |            | 2026-03-09 | 2026-03-01 | UTC              | start_date  | 2026-03-09 is after end_date 2026-03-01",
        "half a range              | weekly  | " + GYM + " |            |            | 2026-03-09 |            | UTC              | end_date    | required",
        "range over the maximum    | weekly  | " + GYM + " |            |            | 2025-01-01 | 2026-03-01 | UTC              | end_date    | the maximum is 366",
        "blank zone                | daily   | " + GYM + " |            | 2026-03-08 |            |            | ' '              | timezone    | unknown time zone ''",
        "year out of range         | daily   | " + GYM + " |            | +999999999-12-31 |      |            | UTC              | date        | outside the years 0001 to 9999",
        "date and range            | weekly  | " + GYM + " |            | 2026-03-03 | 2026-03-01 | 2026-03-07 | UTC              | date        | not both",
      })
  void rejectsBadInputNamingTheFieldBeforeReadingAnything(
      String description, String type, String gym, String branch, String date, String start, String end, String zone, String field, String problem) {
    GenerateReportCommand command =
        GenerateReportCommand.builder(type).gymId(gym).branchId(branch).date(date).startDate(start).endDate(end).timezone(zone).build();

    assertThatThrownBy(() -> reporting.generate(command))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.problem()).contains(problem);
        });
    assertThat(repository.queries).isEmpty();
  }

  /** A library user's own report type: its data port, its calculator, its template name. */
  record CallVolume(long calls) {}

  interface CallVolumePort {
    long countCalls(GymScope scope, ReportPeriod period);
  }

  @Test
  void customReportTypeIsRegisteredThroughTheSameCatalogue() {
    CallVolumePort port = (scope, period) -> period.days() * 10L;
    ReportDefinition<CallVolume> callVolume =
        new ReportDefinition<>(
            new ReportType("call-volume"),
            PeriodKind.WEEK,
            true,
            request -> new CallVolume(port.countCalls(request.requiredScope(), request.period())));
    Reporting withCustom = Reporting.builder().clock(CLOCK).leadActivity(repository).register(callVolume).build();

    Report<?> report =
        withCustom.generate(GenerateReportCommand.builder("call-volume").gymId(GYM).startDate("2026-03-01").endDate("2026-03-03").build()).report();

    assertThat(withCustom.reportTypes()).containsExactly("daily", "weekly", "call-volume");
    assertThat(report.body()).isEqualTo(new CallVolume(30));
  }

  @Test
  void unscopedReportTypeRefusesAGym() {
    Reporting unscoped =
        Reporting.builder().clock(CLOCK).register(new ReportDefinition<>(new ReportType("site-wide"), PeriodKind.DAY, false, request -> "ok")).build();

    assertThatThrownBy(() -> unscoped.generate(GenerateReportCommand.builder("site-wide").gymId(GYM).build()))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> assertThat(e.field()).isEqualTo("gym_id"));
    assertThat(unscoped.generate(GenerateReportCommand.builder("site-wide").build()).report().request().scope()).isEmpty();
  }

  @Test
  void aTypeNameCannotBeRegisteredTwice() {
    assertThatThrownBy(() -> Reporting.builder().leadActivity(repository).leadActivity(repository))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("daily");
  }
}
