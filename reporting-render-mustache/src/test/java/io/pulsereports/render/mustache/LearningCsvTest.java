package io.pulsereports.render.mustache;

import static io.pulsereports.render.mustache.Outputs.csv;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.ReportFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearningCsvTest {

  private final MustacheReportRenderer renderer = MustacheReportRenderer.create();
  private final Map<String, String> parts = csv(renderer, LearningReportFixtures.learningDaily());

  @Test
  void splitsTheReportIntoItsFiveTablesInsteadOfTheGenericOnes() {
    assertThat(renderer.render(LearningReportFixtures.learningDaily(), ReportFormat.CSV))
        .extracting(RenderedOutput::part)
        .containsExactly("engagement_7d", "top_mistakes", "mistakes_heatmap", "conversion_candidates", "inactive_users");
    assertThat(renderer.render(LearningReportFixtures.learningDaily(), ReportFormat.CSV))
        .allSatisfy(part -> assertThat(part.format()).isEqualTo(ReportFormat.CSV));
  }

  @Test
  void engagementHasOneRowPerRoleThenTheTotal() {
    assertThat(parts.get("engagement_7d").lines())
        .containsExactly(
            "role,active_users,sessions,avg_confidence,avg_errors,sessions_per_user",
            "<b>vip</b>,1,1,,0.0,1.0",
            "coach,2,9,7.85,1.2222222222222223,4.5",
            "free,5,14,8.342857142857143,2.5,2.8",
            "student,4,11,7.1,3.090909,2.75",
            "total,12,35,7.8125,2.4," + 35.0 / 12);
  }

  @Test
  void topMistakesKeepRankShareAndQuoteTextsThatNeedIt() {
    assertThat(parts.get("top_mistakes").lines())
        .containsExactly(
            "rank,error_type,error_category,error_text,frequency,pct",
            "1,vocabulary,Word choice,do a mistake,9," + 9 / 69.0,
            "2,grammar,Articles,a information,7," + 7 / 69.0,
            "3,grammar,Tenses,I have went,6," + 6 / 69.0,
            "4,vocabulary,Prepositions,\"<i>depend of</i>, \"\"on\"\"\",4," + 4 / 69.0,
            "5,pronunciation,Word choice,,3," + 3 / 69.0);
  }

  @Test
  void heatmapHasACategoryColumnThenOneColumnPerErrorType() {
    assertThat(parts.get("mistakes_heatmap").lines())
        .containsExactly(
            "error_category,grammar,pronunciation,vocabulary",
            "Articles,12,0,3",
            "Prepositions,7,2,9",
            "Subject-verb agreement,4,0,0",
            "Tenses,10,1,2",
            "Word choice,0,5,14");
  }

  @Test
  void conversionCandidatesLeaveUnknownEmailAndLevelEmpty() {
    assertThat(parts.get("conversion_candidates").lines())
        .containsExactly(
            "user_id,email,english_level,sessions,avg_score,recommendation",
            "u-104,ana@example.com,C1,5,9.24,SEND_EXECUTIVE_OFFER",
            "u-017,,B2,3,8.9,SEND_EXECUTIVE_OFFER",
            "u-033,li@example.com,,3,8.9,SEND_EXECUTIVE_OFFER");
  }

  @Test
  void inactiveUsersCarryTheirLastSessionWithItsOffset() {
    assertThat(parts.get("inactive_users").lines())
        .containsExactly(
            "user_id,email,role,last_session",
            "u-900,sam@example.com,free,2026-02-05T18:30:00-05:00",
            "u-901,,student,2026-01-20T09:00:00-05:00",
            "u-077,kim@example.com,coach,2025-12-31T23:59:00-05:00");
  }

  @Test
  void anEmptyReportStillHasEveryTableWithItsHeaderRow() {
    Map<String, String> empty = csv(renderer, LearningReportFixtures.emptyLearningDaily());

    assertThat(empty.keySet())
        .containsExactly("engagement_7d", "top_mistakes", "mistakes_heatmap", "conversion_candidates", "inactive_users");
    assertThat(empty.get("engagement_7d").lines())
        .containsExactly("role,active_users,sessions,avg_confidence,avg_errors,sessions_per_user", "total,0,0,,,");
    assertThat(empty.get("top_mistakes").lines()).containsExactly("rank,error_type,error_category,error_text,frequency,pct");
    assertThat(empty.get("mistakes_heatmap").lines()).containsExactly("error_category");
    assertThat(empty.get("conversion_candidates").lines())
        .containsExactly("user_id,email,english_level,sessions,avg_score,recommendation");
    assertThat(empty.get("inactive_users").lines()).containsExactly("user_id,email,role,last_session");
  }

  @Test
  void leadReportsKeepTheirGenericTables() {
    assertThat(csv(renderer, LeadReportFixtures.daily()).keySet()).containsExactly("summary", "by_hour", "staff");
    assertThat(csv(renderer, LeadReportFixtures.weekly()).keySet())
        .containsExactly("summary", "by_hour", "staff", "funnel_stages", "daily");
  }
}
