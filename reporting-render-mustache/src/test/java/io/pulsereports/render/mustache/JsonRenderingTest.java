package io.pulsereports.render.mustache;

import static io.pulsereports.render.mustache.Outputs.fieldNames;
import static io.pulsereports.render.mustache.Outputs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulsereports.core.metric.LeadMetricsConfig;
import io.pulsereports.core.metric.LeadPerformanceCalculator;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportRequest;
import io.pulsereports.core.model.ReportType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class JsonRenderingTest {

  private final MustacheReportRenderer renderer = MustacheReportRenderer.create();

  @Test
  void writesTheHeaderThenTheDailyBlocksInSpecOrder() {
    JsonNode daily = json(renderer, LeadReportFixtures.daily());

    assertThat(fieldNames(daily))
        .containsExactly(
            "report_type", "gym_id", "branch_id", "timezone", "period", "generated_at",
            "leads", "calls", "outcomes", "interest_rate", "by_hour", "best_hour", "staff");
    assertThat(daily.get("report_type").asText()).isEqualTo("daily");
    assertThat(daily.get("gym_id").asText()).isEqualTo("11111111-2222-3333-4444-555555555555");
    assertThat(daily.get("branch_id").asText()).isEqualTo("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    assertThat(daily.get("timezone").asText()).isEqualTo("America/New_York");
    assertThat(daily.get("generated_at").asText()).isEqualTo("2026-03-09T06:00:00Z");
  }

  @Test
  void writesLeadAndCallFiguresUnderTheirSpecNames() {
    JsonNode daily = json(renderer, LeadReportFixtures.daily());

    assertThat(fieldNames(daily.get("leads")))
        .containsExactly("new", "by_status", "conversion_rate", "converted_in_period");
    assertThat(daily.at("/leads/new").asLong()).isEqualTo(8);
    assertThat(daily.at("/leads/conversion_rate").asDouble()).isEqualTo(0.375);
    assertThat(fieldNames(daily.get("calls")))
        .containsExactly("total", "by_status", "success_rate", "avg_duration_seconds", "total_duration_seconds");
    assertThat(daily.at("/calls/by_status/completed").asLong()).isEqualTo(10);
    assertThat(fieldNames(daily.at("/calls/by_status"))).containsExactly("completed", "missed", "failed", "busy");
    assertThat(fieldNames(daily.get("outcomes"))).containsExactly("interested", "not_interested", "wrong_number", "other");
    assertThat(daily.at("/outcomes/other").asLong()).isEqualTo(4);
    assertThat(daily.get("best_hour").asInt()).isEqualTo(10);
    assertThat(daily.get("by_hour")).hasSize(24);
    assertThat(fieldNames(daily.at("/by_hour/10"))).containsExactly("hour", "calls", "completed", "interested", "success_rate");
    assertThat(fieldNames(daily.at("/staff/0")))
        .containsExactly("rank", "user_id", "calls", "completed", "interested", "success_rate", "interest_rate", "avg_duration_seconds");
    assertThat(daily.at("/staff/0/user_id").asText()).isEqualTo("alice");
  }

  @Test
  void keepsMapKeysAsData() {
    JsonNode daily = json(renderer, LeadReportFixtures.daily());

    assertThat(fieldNames(daily.at("/leads/by_status")))
        .containsExactly("new", "contacted", "qualified", "converted", "lost", LeadReportFixtures.SCRIPT_STATUS);
  }

  @Test
  void writesRatesAtFullPrecision() {
    JsonNode daily = json(renderer, LeadReportFixtures.daily());

    assertThat(daily.at("/calls/success_rate").isDouble()).isTrue();
    assertThat(daily.at("/calls/success_rate").asDouble()).isEqualTo(10.0 / 14);
    assertThat(text(LeadReportFixtures.daily())).contains("\"success_rate\": 0.7142857142857143");
    assertThat(text(LeadReportFixtures.daily())).contains("\"avg_duration_seconds\": 129.44444444444446");
  }

  @Test
  void keepsTheZoneOffsetOfEachPeriodBoundAcrossDaylightSavingTime() {
    JsonNode daily = json(renderer, LeadReportFixtures.daily());
    assertThat(daily.at("/period/start").asText()).isEqualTo("2026-03-08T00:00:00-05:00");
    assertThat(daily.at("/period/end").asText()).isEqualTo("2026-03-09T00:00:00-04:00");

    JsonNode sydney =
        json(renderer, LeadReportFixtures.emptyDaily(ZoneId.of("Australia/Sydney"), LocalDate.of(2026, 4, 5)));
    assertThat(sydney.at("/period/start").asText()).isEqualTo("2026-04-05T00:00:00+11:00");
    assertThat(sydney.at("/period/end").asText()).isEqualTo("2026-04-06T00:00:00+10:00");

    JsonNode utc = json(renderer, LeadReportFixtures.emptyDaily(ZoneOffset.UTC, LocalDate.of(2026, 4, 5)));
    assertThat(utc.at("/period/start").asText()).isEqualTo("2026-04-05T00:00:00Z");
    assertThat(utc.get("timezone").asText()).isEqualTo("Z");
  }

  @Test
  void doesNotDependOnTheDefaultTimeZoneOfTheJvm() {
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
      JsonNode daily = json(MustacheReportRenderer.create(), LeadReportFixtures.daily());
      assertThat(daily.at("/period/start").asText()).isEqualTo("2026-03-08T00:00:00-05:00");
      assertThat(daily.get("generated_at").asText()).isEqualTo("2026-03-09T06:00:00Z");
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void writesNullWhereAFigureIsUndefined() {
    JsonNode empty = json(renderer, LeadReportFixtures.emptyDaily(ZoneId.of("Europe/Berlin"), LocalDate.of(2026, 3, 29)));

    assertThat(empty.get("branch_id").isNull()).isTrue();
    assertThat(empty.at("/leads/new").asLong()).isZero();
    assertThat(empty.at("/leads/conversion_rate").isNull()).isTrue();
    assertThat(empty.at("/calls/success_rate").isNull()).isTrue();
    assertThat(empty.at("/calls/avg_duration_seconds").isNull()).isTrue();
    assertThat(empty.at("/calls/total_duration_seconds").asLong()).isZero();
    assertThat(empty.get("interest_rate").isNull()).isTrue();
    assertThat(empty.get("best_hour").isNull()).isTrue();
    assertThat(empty.get("staff")).isEmpty();
    assertThat(empty.at("/by_hour/2/success_rate").isNull()).isTrue();
    assertThat(empty.at("/period/end").asText()).isEqualTo("2026-03-30T00:00:00+02:00");
  }

  @Test
  void writesTheWeeklyBlocksWithNewAsTheLeadCountAndNewLeadsInTheDailySeries() {
    JsonNode weekly = json(renderer, LeadReportFixtures.weekly());

    assertThat(fieldNames(weekly))
        .containsExactly(
            "report_type", "gym_id", "branch_id", "timezone", "period", "generated_at",
            "leads", "calls", "outcomes", "interest_rate", "by_hour", "best_hour", "staff",
            "previous", "changes", "funnel", "daily");
    assertThat(weekly.get("branch_id").isNull()).isTrue();
    assertThat(weekly.at("/period/start").asText()).isEqualTo("2026-03-02T00:00:00-05:00");
    assertThat(weekly.at("/period/end").asText()).isEqualTo("2026-03-09T00:00:00-04:00");

    assertThat(fieldNames(weekly.get("previous")))
        .containsExactly("period", "leads", "calls", "outcomes", "interest_rate");
    assertThat(weekly.at("/previous/period/start").asText()).isEqualTo("2026-02-23T00:00:00-05:00");
    assertThat(weekly.at("/previous/period/end").asText()).isEqualTo("2026-03-02T00:00:00-05:00");
    assertThat(weekly.at("/previous/leads/new").asLong()).isEqualTo(4);

    assertThat(fieldNames(weekly.at("/changes"))).containsExactly("leads", "calls", "interest_rate");
    assertThat(fieldNames(weekly.at("/changes/leads"))).containsExactly("new", "converted_in_period", "conversion_rate");
    assertThat(fieldNames(weekly.at("/changes/calls"))).containsExactly("total", "success_rate", "avg_duration_seconds");
    assertThat(fieldNames(weekly.at("/changes/leads/new")))
        .containsExactly("current", "previous", "change", "pct_change", "trend");
    assertThat(weekly.at("/changes/leads/new/current").isIntegralNumber()).isTrue();
    assertThat(weekly.at("/changes/leads/new/change").asLong()).isEqualTo(7);
    assertThat(weekly.at("/changes/leads/new/pct_change").asDouble()).isEqualTo(1.75);
    assertThat(weekly.at("/changes/leads/new/trend").asText()).isEqualTo("up");
    assertThat(weekly.at("/changes/interest_rate/trend").asText()).isEqualTo("down");

    assertThat(fieldNames(weekly.get("funnel"))).containsExactly("stages", "lost");
    assertThat(fieldNames(weekly.at("/funnel/stages/0"))).containsExactly("stage", "count", "rate_from_previous");
    assertThat(weekly.at("/funnel/stages/0/rate_from_previous").isNull()).isTrue();
    assertThat(weekly.at("/funnel/stages/3/stage").asText()).isEqualTo("converted");

    assertThat(weekly.get("daily")).hasSize(7);
    assertThat(fieldNames(weekly.at("/daily/0")))
        .containsExactly("date", "new_leads", "calls", "completed", "interested");
    assertThat(weekly.at("/daily/6/date").asText()).isEqualTo("2026-03-08");

    assertThat(fieldNames(weekly.at("/staff/0")))
        .endsWith("avg_duration_seconds", "previous_rank", "rank_change");
    assertThat(weekly.at("/staff/0/rank_change").asInt()).isEqualTo(1);
    assertThat(weekly.at("/staff/1/previous_rank").isNull()).isTrue();
    assertThat(weekly.at("/staff/1/rank_change").isNull()).isTrue();
    assertThat(weekly.at("/staff/2/rank_change").asInt()).isEqualTo(-2);
  }

  @Test
  void writesAFlatTrendAndNullChangeWhenAFigureIsUndefined() {
    ReportPeriod week = ReportPeriod.isoWeekContaining(LocalDate.of(2026, 3, 4), ZoneId.of("UTC"));
    Report<?> report = new Report<>(
        new ReportRequest(ReportType.WEEKLY, Optional.of(GymScope.wholeGym(LeadReportFixtures.GYM)), week),
        LeadReportFixtures.GENERATED_AT,
        new LeadPerformanceCalculator(LeadMetricsConfig.defaults())
            .weekly(LeadActivity.empty(), LeadActivity.empty(), week));

    JsonNode weekly = json(renderer, report);

    assertThat(weekly.at("/changes/calls/success_rate/current").isNull()).isTrue();
    assertThat(weekly.at("/changes/calls/success_rate/change").isNull()).isTrue();
    assertThat(weekly.at("/changes/calls/success_rate/pct_change").isNull()).isTrue();
    assertThat(weekly.at("/changes/calls/success_rate/trend").asText()).isEqualTo("flat");
    assertThat(weekly.at("/changes/calls/total/change").asLong()).isZero();
    assertThat(weekly.at("/changes/calls/total/pct_change").isNull()).isTrue();
    assertThat(weekly.at("/changes/calls/total/trend").asText()).isEqualTo("flat");
  }

  @Test
  void leavesOutTheScopeWhenTheRequestHasNone() {
    Report<?> report = new Report<>(
        new ReportRequest(new ReportType("unscoped"), Optional.empty(),
            ReportPeriod.day(LocalDate.of(2026, 3, 8), ZoneId.of("UTC"))),
        LeadReportFixtures.GENERATED_AT,
        LeadReportFixtures.dailyBody());

    assertThat(fieldNames(json(renderer, report)))
        .startsWith("report_type", "timezone", "period", "generated_at", "leads")
        .doesNotContain("gym_id", "branch_id");
  }

  @Test
  void producesOnePrettyPrintedUtf8DocumentNamedReport() {
    List<RenderedOutput> outputs = renderer.render(LeadReportFixtures.daily(), ReportFormat.JSON);

    assertThat(outputs).singleElement().satisfies(output -> {
      assertThat(output.part()).isEqualTo("report");
      assertThat(output.format()).isEqualTo(ReportFormat.JSON);
      String text = new String(output.content(), StandardCharsets.UTF_8);
      assertThat(text).startsWith("{\n  \"report_type\": \"daily\",\n  \"gym_id\"").endsWith("}\n");
      assertThat(text).contains("\"new\": 8,").doesNotContain("new_leads");
    });
  }

  private String text(Report<?> report) {
    return Outputs.text(renderer.render(report, ReportFormat.JSON).get(0));
  }
}
