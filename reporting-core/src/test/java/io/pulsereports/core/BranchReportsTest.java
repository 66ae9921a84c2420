package io.pulsereports.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.LeadActivityTestData;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.port.in.GenerateReportCommand;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every branch's report in one batch equals the report generated for that branch alone. */
class BranchReportsTest {

  private static final UUID GYM_A = UUID.fromString("0000000a-0000-4000-8000-000000000000");
  private static final UUID GYM_B = UUID.fromString("0000000b-0000-4000-8000-000000000000");
  private static final UUID BRANCH_1 = UUID.fromString("00000001-0000-4000-8000-000000000000");
  private static final UUID BRANCH_2 = UUID.fromString("00000002-0000-4000-8000-000000000000");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-11T06:30:00Z"), ZoneOffset.UTC);

  private final InMemoryLeadActivityRepository repository = new InMemoryLeadActivityRepository();
  private final Reporting reporting =
      Reporting.builder().clock(CLOCK).leadActivity(repository).branchActivity(repository).build();

  @Test
  void dailyReportsOfEveryBranchEqualTheSingleBranchReportsFromOneRead() {
    ReportPeriod day = ReportPeriod.day(LocalDate.parse("2026-03-08"), NEW_YORK);
    List<GymScope> branches =
        List.of(GymScope.branch(GYM_B, BRANCH_1), GymScope.branch(GYM_A, BRANCH_2), GymScope.branch(GYM_A, BRANCH_1));
    for (int i = 0; i < branches.size(); i++) {
      repository.with(branches.get(i), day, LeadActivityTestData.on("2026-03-08").leads("new", i + 1).build());
    }

    List<Report<?>> batch =
        reporting.generateEveryBranch(GenerateReportCommand.builder("daily").date("2026-03-08").timezone("America/New_York").build())
            .reports();

    assertThat(repository.everyBranchQueries).containsExactly(day);
    assertThat(batch).extracting(report -> report.request().requiredScope())
        .containsExactly(GymScope.branch(GYM_A, BRANCH_1), GymScope.branch(GYM_A, BRANCH_2), GymScope.branch(GYM_B, BRANCH_1));
    assertThat(batch).containsExactlyElementsOf(
        batch.stream().map(report -> single("daily", report.request().requiredScope(), "2026-03-08")).toList());
  }

  @Test
  void weeklyReportsCoverBranchesActiveInTheWeekOrTheWeekBefore() {
    ReportPeriod week = ReportPeriod.isoWeekContaining(LocalDate.parse("2026-03-04"), NEW_YORK);
    GymScope thisWeek = GymScope.branch(GYM_A, BRANCH_1);
    GymScope weekBefore = GymScope.branch(GYM_A, BRANCH_2);
    repository.with(thisWeek, week, LeadActivityTestData.on("2026-03-03").leads("new", 4).build());
    repository.with(weekBefore, week.previous(), LeadActivityTestData.on("2026-02-24").leads("converted", 2).build());

    List<Report<?>> batch =
        reporting.generateEveryBranch(GenerateReportCommand.builder("weekly").date("2026-03-04").timezone("America/New_York").build())
            .reports();

    assertThat(repository.everyBranchQueries).containsExactly(week, week.previous());
    assertThat(batch).containsExactly(single("weekly", thisWeek, "2026-03-04"), single("weekly", weekBefore, "2026-03-04"));
  }

  @Test
  void refusesAGymOrAReportTypeThatIsNotALeadReport() {
    assertThatThrownBy(() -> reporting.generateEveryBranch(
            GenerateReportCommand.builder("daily").gymId(GYM_A.toString()).date("2026-03-08").build()))
        .isInstanceOf(InvalidReportRequestException.class)
        .hasMessageContaining("gym_id");
    assertThatThrownBy(() -> reporting.generateEveryBranch(GenerateReportCommand.builder("monthly").build()))
        .isInstanceOf(InvalidReportRequestException.class)
        .hasMessageContaining("report_type");
    assertThat(repository.everyBranchQueries).isEmpty();
  }

  private Report<?> single(String type, GymScope scope, String date) {
    return reporting.generate(GenerateReportCommand.builder(type)
            .gymId(scope.gymId().toString()).branchId(scope.branchId().orElseThrow().toString()).date(date).timezone("America/New_York").build())
        .report();
  }
}
