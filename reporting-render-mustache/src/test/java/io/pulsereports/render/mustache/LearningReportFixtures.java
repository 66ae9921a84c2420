package io.pulsereports.render.mustache;

import io.pulsereports.core.metric.Conversion;
import io.pulsereports.core.metric.ConversionCandidate;
import io.pulsereports.core.metric.Engagement;
import io.pulsereports.core.metric.EngagementFigures;
import io.pulsereports.core.metric.InactiveUserFigures;
import io.pulsereports.core.metric.InactiveUsersBlock;
import io.pulsereports.core.metric.LearningDailyReport;
import io.pulsereports.core.metric.LearningWindows;
import io.pulsereports.core.metric.Mistakes;
import io.pulsereports.core.metric.TopMistake;
import io.pulsereports.core.model.PeriodBounds;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportRequest;
import io.pulsereports.core.model.ReportType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Learning daily reports built by hand from the core's records. D is Sunday 8 March 2026 in New
 * York, the day clocks move from -05:00 to -04:00, so every window starts at -05:00 and ends at
 * -04:00. One role and one mistake carry markup, one mistake text a comma and quotes.
 */
final class LearningReportFixtures {

  static final ZoneId NEW_YORK = LeadReportFixtures.NEW_YORK;
  static final LocalDate D = LeadReportFixtures.DST_SUNDAY;
  static final String HOSTILE_ROLE = "<b>vip</b>";
  static final String QUOTED_TEXT = "<i>depend of</i>, \"on\"";

  private LearningReportFixtures() {}

  static LearningWindows windows() {
    return new LearningWindows(
        window(6), window(29), window(13), ReportPeriod.day(D.minusDays(29), NEW_YORK).startOffsetDateTime());
  }

  private static PeriodBounds window(int daysBefore) {
    return PeriodBounds.of(ReportPeriod.range(D.minusDays(daysBefore), D, NEW_YORK));
  }

  static Engagement engagement() {
    Map<String, EngagementFigures> byRole = new LinkedHashMap<>();
    byRole.put("student", figures(4, 11, 7.1, 3.090909, 2.75));
    byRole.put("free", figures(5, 14, 8.342857142857143, 2.5, 2.8));
    byRole.put("coach", figures(2, 9, 7.85, 1.2222222222222223, 4.5));
    byRole.put(HOSTILE_ROLE,
        new EngagementFigures(1, 1, OptionalDouble.empty(), OptionalDouble.of(0), OptionalDouble.of(1)));
    return new Engagement(byRole, figures(12, 35, 7.8125, 2.4, 35.0 / 12));
  }

  private static EngagementFigures figures(long users, long sessions, double confidence, double errors, double perUser) {
    return new EngagementFigures(
        users, sessions, OptionalDouble.of(confidence), OptionalDouble.of(errors), OptionalDouble.of(perUser));
  }

  /** 69 errors over five categories and three types. */
  static Mistakes mistakes() {
    Map<String, Map<String, Long>> heatmap = new LinkedHashMap<>();
    heatmap.put("Word choice", Map.of("grammar", 0L, "pronunciation", 5L, "vocabulary", 14L));
    heatmap.put("Articles", Map.of("grammar", 12L, "pronunciation", 0L, "vocabulary", 3L));
    heatmap.put("Prepositions", Map.of("grammar", 7L, "pronunciation", 2L, "vocabulary", 9L));
    heatmap.put("Subject-verb agreement", Map.of("grammar", 4L, "pronunciation", 0L, "vocabulary", 0L));
    heatmap.put("Tenses", Map.of("grammar", 10L, "pronunciation", 1L, "vocabulary", 2L));
    return new Mistakes(
        69,
        List.of(
            top(1, "vocabulary", "Word choice", "do a mistake", 9),
            top(2, "grammar", "Articles", "a information", 7),
            top(3, "grammar", "Tenses", "I have went", 6),
            top(4, "vocabulary", "Prepositions", QUOTED_TEXT, 4),
            new TopMistake(5, "pronunciation", "Word choice", Optional.empty(), 3, 3.0 / 69)),
        heatmap);
  }

  private static TopMistake top(int rank, String type, String category, String text, long frequency) {
    return new TopMistake(rank, type, category, Optional.of(text), frequency, frequency / 69.0);
  }

  static Conversion conversion() {
    return new Conversion(
        List.of(
            candidate("u-104", Optional.of("ana@example.com"), Optional.of("C1"), 5, 9.24),
            candidate("u-017", Optional.empty(), Optional.of("B2"), 3, 8.9),
            candidate("u-033", Optional.of("li@example.com"), Optional.empty(), 3, 8.9)),
        3,
        new BigDecimal("179.00"),
        "USD",
        new BigDecimal("537.00"));
  }

  private static ConversionCandidate candidate(
      String user, Optional<String> email, Optional<String> level, int sessions, double score) {
    return new ConversionCandidate(user, email, level, sessions, score, ConversionCandidate.SEND_EXECUTIVE_OFFER);
  }

  static InactiveUsersBlock inactiveUsers() {
    return new InactiveUsersBlock(
        3,
        List.of(
            new InactiveUserFigures("u-900", Optional.of("sam@example.com"), "free",
                OffsetDateTime.parse("2026-02-05T18:30:00-05:00")),
            new InactiveUserFigures("u-901", Optional.empty(), "student",
                OffsetDateTime.parse("2026-01-20T09:00:00-05:00")),
            new InactiveUserFigures("u-077", Optional.of("kim@example.com"), "coach",
                OffsetDateTime.parse("2025-12-31T23:59:00-05:00"))));
  }

  static LearningDailyReport body() {
    return new LearningDailyReport(windows(), engagement(), mistakes(), conversion(), inactiveUsers());
  }

  /** No session, no error, no candidate, nobody inactive. */
  static LearningDailyReport emptyBody() {
    EngagementFigures none =
        new EngagementFigures(0, 0, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    return new LearningDailyReport(
        windows(),
        new Engagement(Map.of(), none),
        new Mistakes(0, List.of(), Map.of()),
        new Conversion(List.of(), 0, new BigDecimal("179.00"), "USD", new BigDecimal("0.00")),
        new InactiveUsersBlock(0, List.of()));
  }

  static Report<LearningDailyReport> learningDaily() {
    return report(body());
  }

  static Report<LearningDailyReport> emptyLearningDaily() {
    return report(emptyBody());
  }

  static Report<LearningDailyReport> report(LearningDailyReport body) {
    return new Report<>(
        new ReportRequest(ReportType.LEARNING_DAILY, Optional.empty(), ReportPeriod.day(D, NEW_YORK)),
        LeadReportFixtures.GENERATED_AT,
        body);
  }
}
