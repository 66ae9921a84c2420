package io.pulsereports.render.mustache;

import static io.pulsereports.render.mustache.Outputs.csv;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.ReportFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvRenderingTest {

  private final MustacheReportRenderer renderer = MustacheReportRenderer.create();

  @Test
  void splitsADailyReportIntoSummaryByHourAndStaff() {
    assertThat(renderer.render(LeadReportFixtures.daily(), ReportFormat.CSV))
        .extracting(RenderedOutput::part)
        .containsExactly("summary", "by_hour", "staff");
    assertThat(renderer.render(LeadReportFixtures.daily(), ReportFormat.CSV))
        .allSatisfy(part -> assertThat(part.format()).isEqualTo(ReportFormat.CSV));
  }

  @Test
  void splitsAWeeklyReportIntoSummaryAndOneTablePerList() {
    assertThat(csv(renderer, LeadReportFixtures.weekly()).keySet())
        .containsExactly("summary", "by_hour", "staff", "funnel_stages", "daily");
  }

  @Test
  void summaryHasOneRowPerScalarByDottedPath() {
    String summary = csv(renderer, LeadReportFixtures.daily()).get("summary");

    assertThat(summary.lines())
        .startsWith(
            "metric,value",
            "report_type,daily",
            "gym_id,11111111-2222-3333-4444-555555555555",
            "branch_id,aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
            "timezone,America/New_York",
            "period.start,2026-03-08T00:00:00-05:00",
            "period.end,2026-03-09T00:00:00-04:00",
            "generated_at,2026-03-09T06:00:00Z",
            "leads.new,8",
            "leads.by_status.new,2")
        .contains(
            "leads.by_status.converted,3",
            "leads.conversion_rate,0.375",
            "calls.total,14",
            "calls.by_status.busy,1",
            "calls.success_rate,0.7142857142857143",
            "calls.avg_duration_seconds,129.44444444444446",
            "outcomes.other,4",
            "interest_rate,0.4",
            "best_hour,10")
        .noneMatch(line -> line.startsWith("by_hour") || line.startsWith("staff"));
  }

  @Test
  void summaryLeavesUndefinedFiguresEmpty() {
    String summary =
        csv(renderer, LeadReportFixtures.emptyDaily(ZoneId.of("UTC"), LocalDate.of(2026, 3, 8))).get("summary");

    assertThat(summary.lines())
        .contains("branch_id,", "leads.conversion_rate,", "calls.success_rate,", "interest_rate,", "best_hour,",
            "calls.total_duration_seconds,0");
  }

  @Test
  void weeklySummaryCarriesPreviousAndChangesButNotTheLists() {
    String summary = csv(renderer, LeadReportFixtures.weekly()).get("summary");

    assertThat(summary.lines())
        .contains(
            "previous.period.start,2026-02-23T00:00:00-05:00",
            "previous.leads.new,4",
            "changes.leads.new.current,11",
            "changes.leads.new.pct_change,1.75",
            "changes.leads.new.trend,up",
            "changes.calls.total.pct_change,0.5",
            "changes.interest_rate.trend,down",
            "funnel.lost,1")
        .noneMatch(line -> line.startsWith("funnel.stages") || line.startsWith("daily"));
  }

  @Test
  void keepsAnUndocumentedStatusAsItsOwnRow() {
    String summary = csv(renderer, LeadReportFixtures.daily()).get("summary");

    assertThat(summary.lines()).contains("leads.by_status.<script>alert('x')</script>,1");
  }

  @Test
  void byHourHasAHeaderAndTwentyFourRows() {
    String byHour = csv(renderer, LeadReportFixtures.daily()).get("by_hour");

    assertThat(byHour.lines()).hasSize(25);
    assertThat(byHour.lines()).first().isEqualTo("hour,calls,completed,interested,success_rate");
    assertThat(byHour.lines()).contains("0,0,0,0,", "9,1,0,0,0.0", "10,6,5,3,0.8333333333333334");
  }

  @Test
  void staffTableHasTheRankingInOrder() {
    String staff = csv(renderer, LeadReportFixtures.daily()).get("staff");

    assertThat(staff.lines())
        .containsExactly(
            "rank,user_id,calls,completed,interested,success_rate,interest_rate,avg_duration_seconds",
            "1,alice,5,5,3,1.0,0.6,148.0",
            "2,carol,1,1,1,1.0,1.0,125.0",
            "3,bob,6,4,0,0.6666666666666666,0.0,100.0");
  }

  @Test
  void anEmptyListStillHasItsHeaderRow() {
    Map<String, String> parts = csv(renderer, LeadReportFixtures.emptyDaily(ZoneId.of("UTC"), LocalDate.of(2026, 3, 8)));

    assertThat(parts.get("staff").lines())
        .containsExactly("rank,user_id,calls,completed,interested,success_rate,interest_rate,avg_duration_seconds");
  }

  @Test
  void weeklyTablesCarryRankChangesFunnelAndDailySeries() {
    Map<String, String> parts = csv(renderer, LeadReportFixtures.weekly());

    assertThat(parts.get("staff").lines())
        .containsExactly(
            "rank,user_id,calls,completed,interested,success_rate,interest_rate,avg_duration_seconds,previous_rank,rank_change",
            "1,alice,6,6,3,1.0,0.5,128.33333333333334,2,1",
            "2,carol,1,1,1,1.0,1.0,125.0,,",
            "3,bob,6,4,0,0.6666666666666666,0.0,100.0,1,-2");
    assertThat(parts.get("funnel_stages").lines())
        .containsExactly(
            "stage,count,rate_from_previous",
            "new,11,",
            "contacted,7,0.6363636363636364",
            "qualified,4,0.5714285714285714",
            "converted,3,0.75");
    assertThat(parts.get("daily").lines())
        .hasSize(8)
        .startsWith("date,new_leads,calls,completed,interested", "2026-03-02,3,1,1,0")
        .endsWith("2026-03-08,8,14,10,4");
  }
}
