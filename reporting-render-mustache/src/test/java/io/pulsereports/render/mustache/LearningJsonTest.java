package io.pulsereports.render.mustache;

import static io.pulsereports.render.mustache.Outputs.fieldNames;
import static io.pulsereports.render.mustache.Outputs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulsereports.core.metric.Conversion;
import io.pulsereports.core.metric.LearningDailyReport;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learning daily report data has exactly the field names and nesting of SPEC sections 4 and 5. */
class LearningJsonTest {

  private final MustacheReportRenderer renderer = MustacheReportRenderer.create();
  private final JsonNode report = json(renderer, LearningReportFixtures.learningDaily());

  @Test
  void hasTheHeaderWithoutAGymScopeThenTheLearningBlocks() {
    assertThat(fieldNames(report))
        .containsExactly(
            "report_type", "timezone", "period", "generated_at",
            "windows", "engagement", "mistakes", "conversion", "inactive_users");
    assertThat(report.get("report_type").asText()).isEqualTo("learning-daily");
    assertThat(report.at("/period/start").asText()).isEqualTo("2026-03-08T00:00:00-05:00");
    assertThat(report.at("/period/end").asText()).isEqualTo("2026-03-09T00:00:00-04:00");
  }

  @Test
  void writesTheWindowsAsStartAndEndWithTheirOwnOffsets() {
    assertThat(fieldNames(report.get("windows")))
        .containsExactly("engagement", "mistakes", "conversion", "inactive_since");
    for (String window : List.of("engagement", "mistakes", "conversion")) {
      assertThat(fieldNames(report.at("/windows/" + window))).containsExactly("start", "end");
      assertThat(report.at("/windows/" + window + "/end").asText()).isEqualTo("2026-03-09T00:00:00-04:00");
    }
    assertThat(report.at("/windows/engagement/start").asText()).isEqualTo("2026-03-02T00:00:00-05:00");
    assertThat(report.at("/windows/mistakes/start").asText()).isEqualTo("2026-02-07T00:00:00-05:00");
    assertThat(report.at("/windows/conversion/start").asText()).isEqualTo("2026-02-23T00:00:00-05:00");
    assertThat(report.at("/windows/inactive_since").asText()).isEqualTo("2026-02-07T00:00:00-05:00");
  }

  @Test
  void writesEngagementByRoleKeyedByRoleAndInTotal() {
    assertThat(fieldNames(report.get("engagement"))).containsExactly("by_role", "total");
    assertThat(fieldNames(report.at("/engagement/by_role")))
        .containsExactly(LearningReportFixtures.HOSTILE_ROLE, "coach", "free", "student");
    for (JsonNode figures : List.of(report.at("/engagement/by_role/free"), report.at("/engagement/total"))) {
      assertThat(fieldNames(figures))
          .containsExactly("active_users", "sessions", "avg_confidence", "avg_errors", "sessions_per_user");
    }
    assertThat(report.at("/engagement/by_role/free/active_users").asLong()).isEqualTo(5);
    assertThat(report.at("/engagement/by_role/free/avg_confidence").asDouble()).isEqualTo(8.342857142857143);
    assertThat(report.at("/engagement/by_role/<b>vip<~1b>/avg_confidence").isNull()).isTrue();
    assertThat(report.at("/engagement/total/sessions_per_user").asDouble()).isEqualTo(35.0 / 12);
  }

  @Test
  void writesMistakesWithTopTriplesAndTheHeatmapByCategoryThenType() {
    assertThat(fieldNames(report.get("mistakes"))).containsExactly("total_errors", "top", "heatmap");
    assertThat(report.at("/mistakes/total_errors").asLong()).isEqualTo(69);
    assertThat(fieldNames(report.at("/mistakes/top/0")))
        .containsExactly("rank", "error_type", "error_category", "error_text", "frequency", "pct");
    assertThat(report.at("/mistakes/top/0/rank").asInt()).isEqualTo(1);
    assertThat(report.at("/mistakes/top/0/pct").asDouble()).isEqualTo(9 / 69.0);
    assertThat(report.at("/mistakes/top/4/error_text").isNull()).isTrue();

    assertThat(fieldNames(report.at("/mistakes/heatmap")))
        .containsExactly("Articles", "Prepositions", "Subject-verb agreement", "Tenses", "Word choice");
    assertThat(fieldNames(report.at("/mistakes/heatmap/Articles")))
        .containsExactly("grammar", "pronunciation", "vocabulary");
    assertThat(report.at("/mistakes/heatmap/Articles/grammar").asLong()).isEqualTo(12);
    assertThat(report.at("/mistakes/heatmap/Articles/pronunciation").asLong()).isZero();
  }

  @Test
  void writesConversionCandidatesPriceAndRevenuePotential() {
    assertThat(fieldNames(report.get("conversion")))
        .containsExactly("candidates", "candidate_count", "offer_price", "currency", "revenue_potential");
    assertThat(fieldNames(report.at("/conversion/candidates/0")))
        .containsExactly("user_id", "email", "english_level", "sessions", "avg_score", "recommendation");
    assertThat(report.at("/conversion/candidates/0/recommendation").asText()).isEqualTo("SEND_EXECUTIVE_OFFER");
    assertThat(report.at("/conversion/candidates/1/email").isNull()).isTrue();
    assertThat(report.at("/conversion/candidates/2/english_level").isNull()).isTrue();
    assertThat(report.at("/conversion/candidate_count").asInt()).isEqualTo(3);
    assertThat(report.at("/conversion/currency").asText()).isEqualTo("USD");
    assertThat(report.at("/conversion/revenue_potential").decimalValue()).isEqualByComparingTo("537");
  }

  @Test
  void writesInactiveUsersAsCountAndList() {
    assertThat(fieldNames(report.get("inactive_users"))).containsExactly("count", "users");
    assertThat(report.at("/inactive_users/count").asLong()).isEqualTo(3);
    assertThat(fieldNames(report.at("/inactive_users/users/0")))
        .containsExactly("user_id", "email", "role", "last_session");
    assertThat(report.at("/inactive_users/users/0/last_session").asText()).isEqualTo("2026-02-05T18:30:00-05:00");
    assertThat(report.at("/inactive_users/users/1/email").isNull()).isTrue();
  }

  @Test
  void writesMoneyAsAPlainDecimalWithItsScale() {
    assertThat(text(LearningReportFixtures.learningDaily()))
        .contains("\"offer_price\": 179.00,", "\"revenue_potential\": 537.00\n");

    LearningDailyReport body = LearningReportFixtures.body();
    // BigDecimal.toString() writes 5E+2 for an amount stripped of its trailing zeros.
    LearningDailyReport stripped = new LearningDailyReport(body.windows(), body.engagement(), body.mistakes(),
        new Conversion(body.conversion().candidates(), 3, new BigDecimal("179"), "USD", new BigDecimal("5E+2")),
        body.inactiveUsers());
    assertThat(text(LearningReportFixtures.report(stripped)))
        .contains("\"offer_price\": 179,", "\"revenue_potential\": 500\n")
        .doesNotContain("E+");
  }

  private String text(Report<?> report) {
    return new String(renderer.render(report, ReportFormat.JSON).get(0).content(), StandardCharsets.UTF_8);
  }
}
