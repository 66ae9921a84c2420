package io.pulsereports.render.mustache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportType;
import org.junit.jupiter.api.Test;

class SampleReportsTest {

  private final MustacheReportRenderer renderer = MustacheReportRenderer.create();

  @Test
  void theSamplesAreTheSameOnEveryCall() {
    for (ReportType type : SampleReports.types()) {
      assertThat(renderer.render(SampleReports.of(type), ReportFormat.JSON).get(0).content()).as(type.name())
          .isEqualTo(renderer.render(SampleReports.of(type), ReportFormat.JSON).get(0).content());
    }
  }

  @Test
  void theDailySampleIsABusyBranchDay() {
    Report<?> daily = SampleReports.of(ReportType.DAILY);
    JsonNode json = Outputs.json(renderer, daily);

    assertThat(daily.type()).isEqualTo(ReportType.DAILY);
    assertThat(json.at("/period/start").asText()).isEqualTo("2026-03-10T00:00:00-04:00");
    assertThat(json.at("/branch_id").asText()).isEqualTo("0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d");
    assertThat(json.at("/calls/total").asLong()).isBetween(35L, 50L);
    assertThat(json.at("/leads/new").asLong()).isBetween(8L, 13L);
    assertThat(json.at("/calls/by_status/voicemail").asLong()).as("an undocumented status").isPositive();
    assertThat(json.at("/best_hour").isNumber()).isTrue();
    assertThat(json.at("/staff")).hasSize(6);
  }

  @Test
  void theWeeklySampleComparesWithTheWeekBefore() {
    JsonNode json = Outputs.json(renderer, SampleReports.of(ReportType.WEEKLY));

    assertThat(json.at("/period/start").asText()).isEqualTo("2026-03-02T00:00:00-05:00");
    assertThat(json.at("/daily")).hasSize(7);
    assertThat(json.at("/funnel/stages")).hasSize(4);
    assertThat(json.at("/changes/calls/total/trend").asText()).isIn("up", "down");
    assertThat(json.at("/staff/0/previous_rank").isNumber()).isTrue();
  }

  @Test
  void theLearningSampleHasCandidatesMistakesAndInactiveUsers() {
    JsonNode json = Outputs.json(renderer, SampleReports.of(ReportType.LEARNING_DAILY));

    assertThat(json.at("/conversion/candidates")).extracting(candidate -> candidate.get("user_id").asText())
        .containsExactly("learner-0127", "learner-0088", "learner-0342", "learner-0205");
    assertThat(json.at("/mistakes/top")).hasSize(10);
    assertThat(json.at("/mistakes/heatmap/Articles/grammar").asLong()).isEqualTo(412);
    assertThat(json.at("/engagement/by_role/free/active_users").asLong()).isEqualTo(142);
    assertThat(json.at("/inactive_users/count").asLong()).isEqualTo(6);
    assertThat(renderer.render(SampleReports.of(ReportType.LEARNING_DAILY), ReportFormat.PNG)).hasSize(1);
  }

  @Test
  void thereIsNoSampleOfAnotherType() {
    assertThatIllegalArgumentException().isThrownBy(() -> SampleReports.of(new ReportType("churn")))
        .withMessageContaining("'churn'");
  }
}
