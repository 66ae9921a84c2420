package io.pulsereports.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.pulsereports.core.InMemoryLearningActivityRepository.Query;
import io.pulsereports.core.conversion.ConversionRule;
import io.pulsereports.core.metric.ConversionCandidate;
import io.pulsereports.core.metric.Conversion;
import io.pulsereports.core.metric.EngagementFigures;
import io.pulsereports.core.metric.InactiveUserFigures;
import io.pulsereports.core.metric.InactiveUsersBlock;
import io.pulsereports.core.metric.LearningDailyReport;
import io.pulsereports.core.metric.LearningMetricsConfig;
import io.pulsereports.core.metric.LearningWindows;
import io.pulsereports.core.metric.Mistakes;
import io.pulsereports.core.metric.TopMistake;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.in.GenerateReportCommand;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The learning-daily report end to end through the facade: raw rows in an in-memory repository
 * that filters by the windows' instants, so the windows, the calculator and the conversion rule
 * are checked together. Unless a test says otherwise, D is 2026-03-10 in UTC: engagement
 * [03-04, 03-11), conversion [02-25, 03-11), mistakes, offer cooldown and inactivity [02-09, 03-11).
 */
class LearningReportingTest {

  private static final String GYM = "6f1c2a4e-0b7d-4c52-9a8e-1d2b3c4d5e6f";
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId UTC = ZoneId.of("UTC");
  // Wednesday 2026-03-11 02:30 in New York.
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-11T06:30:00Z"), ZoneOffset.UTC);

  private final InMemoryLearningActivityRepository repository = new InMemoryLearningActivityRepository();

  private Reporting reporting(LearningMetricsConfig config) {
    return Reporting.builder().clock(CLOCK).learningMetrics(config).learningActivity(repository).build();
  }

  private Report<?> generate(LearningMetricsConfig config, String date, String zone) {
    return reporting(config)
        .generate(GenerateReportCommand.builder("learning-daily").date(date).timezone(zone).build())
        .report();
  }

  private LearningDailyReport learningDaily(LearningMetricsConfig config, String date, String zone) {
    return (LearningDailyReport) generate(config, date, zone).body();
  }

  private LearningDailyReport onTheTenthInUtc() {
    return learningDaily(LearningMetricsConfig.defaults(), "2026-03-10", "UTC");
  }

  @Test
  void learningDailyIsRegisteredBesideTheLeadReports() {
    Reporting both =
        Reporting.builder().leadActivity(new InMemoryLeadActivityRepository()).learningActivity(repository).build();

    assertThat(both.reportTypes()).containsExactly("daily", "weekly", "learning-daily");
  }

  @Test
  void learningDailyCannotBeRegisteredTwice() {
    assertThatThrownBy(() -> Reporting.builder().learningActivity(repository).learningActivity(repository))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("learning-daily");
  }

  @Test
  void defaultsToYesterdayInTheReportsZoneWithoutAScopeAndReadsEachWindowOnce() {
    Report<?> report =
        reporting(LearningMetricsConfig.defaults())
            .generate(GenerateReportCommand.builder("learning-daily").timezone("America/New_York").build())
            .report();

    // 06:30 UTC on the 11th is still the 11th in New York, so yesterday is the 10th.
    LocalDate d = LocalDate.parse("2026-03-10");
    assertThat(report.type()).isEqualTo(ReportType.LEARNING_DAILY);
    assertThat(report.request().period()).isEqualTo(ReportPeriod.day(d, NEW_YORK));
    assertThat(report.request().scope()).isEmpty();
    assertThat(report.generatedAt()).isEqualTo(CLOCK.instant());
    ReportPeriod thirtyDays = ReportPeriod.range(d.minusDays(29), d, NEW_YORK);
    assertThat(repository.queries)
        .containsExactly(
            new Query("engagementByRole", ReportPeriod.range(d.minusDays(6), d, NEW_YORK)),
            new Query("mistakes", thirtyDays),
            new Query("freeLearnerSessions", ReportPeriod.range(d.minusDays(13), d, NEW_YORK)),
            new Query("usersOfferedIn", thirtyDays),
            new Query("inactiveUsers", thirtyDays));
  }

  @Test
  void windowsOfASpringForwardDayInNewYorkCarryEachEndsOwnOffset() {
    repository
        .user("u1", "student")
        .session("before-window", "u1", "2026-03-02T04:59:59Z", 9.0, 1) // 2026-03-01 23:59:59 EST
        .session("first-instant", "u1", "2026-03-02T05:00:00Z", 9.0, 1) // 2026-03-02 00:00 EST
        .session("last-instant", "u1", "2026-03-09T03:59:59Z", 9.0, 1) // 2026-03-08 23:59:59 EDT
        .session("after-window", "u1", "2026-03-09T04:00:00Z", 9.0, 1); // 2026-03-09 00:00 EDT

    Report<?> report = generate(LearningMetricsConfig.defaults(), "2026-03-08", "America/New_York");
    LearningWindows windows = ((LearningDailyReport) report.body()).windows();

    assertThat(report.request().period().startOffsetDateTime()).hasToString("2026-03-08T00:00-05:00");
    assertThat(report.request().period().endOffsetDateTime()).hasToString("2026-03-09T00:00-04:00");
    assertThat(windows.engagement().start()).hasToString("2026-03-02T00:00-05:00");
    assertThat(windows.engagement().end()).hasToString("2026-03-09T00:00-04:00");
    assertThat(windows.mistakes().start()).hasToString("2026-02-07T00:00-05:00");
    assertThat(windows.mistakes().end()).hasToString("2026-03-09T00:00-04:00");
    assertThat(windows.conversion().start()).hasToString("2026-02-23T00:00-05:00");
    assertThat(windows.conversion().end()).hasToString("2026-03-09T00:00-04:00");
    assertThat(windows.inactiveSince()).hasToString("2026-02-07T00:00-05:00");
    assertThat(((LearningDailyReport) report.body()).engagement().total().sessions()).isEqualTo(2);
  }

  @Test
  void windowsOfAFallBackDayInNewYorkCarryEachEndsOwnOffset() {
    LearningWindows windows = learningDaily(LearningMetricsConfig.defaults(), "2026-11-01", "America/New_York").windows();

    assertThat(windows.engagement().start()).hasToString("2026-10-26T00:00-04:00");
    assertThat(windows.engagement().end()).hasToString("2026-11-02T00:00-05:00");
    assertThat(windows.mistakes().start()).hasToString("2026-10-03T00:00-04:00");
    assertThat(windows.conversion().start()).hasToString("2026-10-19T00:00-04:00");
    assertThat(windows.inactiveSince()).hasToString("2026-10-03T00:00-04:00");
  }

  @Test
  void aRoleThatIsNotDocumentedGetsItsOwnEntryAndAMissingRoleCountsAsUnknown() {
    repository
        .user("s", "student")
        .user("t", "teacher")
        .user("n", null)
        .session("1", "s", "2026-03-05T10:00:00Z", 7.0, 1)
        .session("2", "t", "2026-03-05T10:00:00Z", 7.0, 1)
        .session("3", "t", "2026-03-06T10:00:00Z", 7.0, 1)
        .session("4", "n", "2026-03-06T10:00:00Z", 7.0, 1);

    Map<String, EngagementFigures> byRole = onTheTenthInUtc().engagement().byRole();

    assertThat(byRole.keySet()).containsExactly("student", "teacher", "unknown");
    assertThat(byRole.get("teacher").sessions()).isEqualTo(2);
    assertThat(byRole.get("teacher").sessionsPerUser()).hasValue(2.0);
  }

  @Test
  void sessionsWithoutAConfidenceScoreCountButAreLeftOutOfTheAverage() {
    repository
        .user("s", "student")
        .user("f", "free")
        .session("1", "s", "2026-03-05T10:00:00Z", 9.0, 2)
        .session("2", "s", "2026-03-06T10:00:00Z", null, 4)
        .session("3", "s", "2026-03-07T10:00:00Z", 6.0, null)
        .session("4", "f", "2026-03-10T23:59:59Z", 5.0, 1)
        .session("old", "f", "2026-03-03T23:59:59Z", 1.0, 99);

    LearningDailyReport report = onTheTenthInUtc();

    assertThat(report.engagement().byRole().get("student"))
        .isEqualTo(new EngagementFigures(1, 3, OptionalDouble.of(7.5), OptionalDouble.of(3.0), OptionalDouble.of(3.0)));
    assertThat(report.engagement().total())
        .isEqualTo(
            new EngagementFigures(
                2, 4, OptionalDouble.of((9.0 + 6.0 + 5.0) / 3), OptionalDouble.of(7.0 / 3), OptionalDouble.of(2.0)));
  }

  @Test
  void topMistakeTiesAreOrderedByTypeCategoryAndTextInCodePointOrderWithTheirShareOfAllErrors() {
    String inWindow = "2026-02-20T12:00:00Z";
    repository
        .errors(3, "grammar", "Articles", "the", inWindow)
        .errors(3, "grammar", "Articles", "a", inWindow)
        .errors(3, "grammar", "Articles", "The", inWindow)
        .errors(3, "grammar", "articles", "a", inWindow)
        .errors(3, "Grammar", "Articles", "a", inWindow)
        .errors(1, "vocabulary", "Word choice", null, "2026-02-09T00:00:00Z") // first instant of the window
        .errors(5, "vocabulary", "Word choice", "old", "2026-02-08T23:59:59Z"); // before the window

    Mistakes mistakes = onTheTenthInUtc().mistakes();

    assertThat(mistakes.totalErrors()).isEqualTo(16);
    assertThat(mistakes.top())
        .extracting(TopMistake::rank, TopMistake::errorType, TopMistake::errorCategory, TopMistake::errorText, TopMistake::frequency)
        .containsExactly(
            tuple(1, "Grammar", "Articles", Optional.of("a"), 3L),
            tuple(2, "grammar", "Articles", Optional.of("The"), 3L),
            tuple(3, "grammar", "Articles", Optional.of("a"), 3L),
            tuple(4, "grammar", "Articles", Optional.of("the"), 3L),
            tuple(5, "grammar", "articles", Optional.of("a"), 3L),
            tuple(6, "vocabulary", "Word choice", Optional.empty(), 1L));
    assertThat(mistakes.top()).extracting(TopMistake::pct).containsExactly(
        3.0 / 16, 3.0 / 16, 3.0 / 16, 3.0 / 16, 3.0 / 16, 1.0 / 16);
  }

  @Test
  void heatmapRowsHaveEveryErrorTypeOfTheWindowWithZerosFilledIn() {
    repository
        .errors(2, "grammar", "Articles", "a", "2026-03-01T12:00:00Z")
        .errors(1, "vocabulary", "Articles", "the", "2026-03-01T12:00:00Z")
        .errors(1, "pronunciation", "Vowels", "ship", "2026-03-01T12:00:00Z")
        .errors(1, "spelling", "Consonants", "x", "2026-01-01T12:00:00Z") // outside the window
        .errors(1, null, null, null, "2026-03-02T12:00:00Z");

    Map<String, Map<String, Long>> heatmap = onTheTenthInUtc().mistakes().heatmap();

    assertThat(heatmap)
        .isEqualTo(
            Map.of(
                "Articles", Map.of("grammar", 2L, "pronunciation", 0L, "unknown", 0L, "vocabulary", 1L),
                "Vowels", Map.of("grammar", 0L, "pronunciation", 1L, "unknown", 0L, "vocabulary", 0L),
                "unknown", Map.of("grammar", 0L, "pronunciation", 0L, "unknown", 1L, "vocabulary", 0L)));
    assertThat(heatmap.keySet()).containsExactly("Articles", "Vowels", "unknown");
  }

  @Test
  void topMistakesAreCutToTheConfiguredNumberWhileTheTotalCountsThemAll() {
    String inWindow = "2026-03-01T12:00:00Z";
    repository
        .errors(4, "grammar", "Articles", "a", inWindow)
        .errors(3, "grammar", "Prepositions", "on", inWindow)
        .errors(2, "vocabulary", "Word choice", "do", inWindow)
        .errors(1, "pronunciation", "Vowels", "ship", inWindow);

    Mistakes mistakes = learningDaily(LearningMetricsConfig.builder().topMistakes(2).build(), "2026-03-10", "UTC").mistakes();

    assertThat(mistakes.totalErrors()).isEqualTo(10);
    assertThat(mistakes.top()).extracting(TopMistake::errorCategory).containsExactly("Articles", "Prepositions");
    assertThat(mistakes.top()).extracting(TopMistake::pct).containsExactly(0.4, 0.3);
    assertThat(mistakes.heatmap()).hasSize(4);
  }

  @Test
  void inactiveUsersAreNewestFirstTiesByUserIdAndListedUpToTheLimit() {
    repository
        .user("active", "free")
        .session("a1", "active", "2026-01-01T10:00:00Z", null, null)
        .session("a2", "active", "2026-03-05T10:00:00Z", null, null)
        .user("at-window-start", "free")
        .session("w1", "at-window-start", "2026-02-09T00:00:00Z", null, null)
        .user("just-before", "student")
        .session("j1", "just-before", "2026-02-08T23:59:59Z", null, null)
        .user("u-b", "u-b@example.com", null, "C1")
        .session("b1", "u-b", "2026-02-01T10:00:00Z", null, null)
        .user("u-a", "free")
        .session("ua1", "u-a", "2026-01-20T10:00:00Z", null, null)
        .session("ua2", "u-a", "2026-02-01T10:00:00Z", null, null)
        .user("u-c", "free")
        .session("c1", "u-c", "2026-01-15T10:00:00Z", null, null)
        .user("never", "free")
        .user("only-after-d", "free")
        .session("f1", "only-after-d", "2026-03-11T00:00:00Z", null, null);

    InactiveUsersBlock inactive =
        learningDaily(LearningMetricsConfig.builder().inactiveListLimit(3).build(), "2026-03-10", "UTC").inactiveUsers();

    assertThat(inactive.count()).isEqualTo(4);
    assertThat(inactive.users())
        .containsExactly(
            new InactiveUserFigures(
                "just-before", Optional.of("just-before@example.com"), "student", Instant.parse("2026-02-08T23:59:59Z").atOffset(ZoneOffset.UTC)),
            new InactiveUserFigures(
                "u-a", Optional.of("u-a@example.com"), "free", Instant.parse("2026-02-01T10:00:00Z").atOffset(ZoneOffset.UTC)),
            new InactiveUserFigures(
                "u-b", Optional.of("u-b@example.com"), "unknown", Instant.parse("2026-02-01T10:00:00Z").atOffset(ZoneOffset.UTC)));
  }

  @Test
  void inactiveUsersLastSessionIsShownInTheReportsZone() {
    repository.user("u", "free").session("s", "u", "2026-01-20T03:30:00Z", null, null);

    InactiveUsersBlock inactive = learningDaily(LearningMetricsConfig.defaults(), "2026-03-10", "America/New_York").inactiveUsers();

    assertThat(inactive.users()).extracting(InactiveUserFigures::lastSession).extracting(Object::toString)
        .containsExactly("2026-01-19T22:30-05:00");
  }

  @Test
  void conversionCandidatesAreFreeUsersWithAStreakNotOfferedInTheLastThirtyDays() {
    repository
        // 9.0, 8.5, NULL, 9.5, 4.0: the NULL is skipped, the streak is 3 with mean 9.0.
        .user("free-streak", "free-streak@example.com", "free", "B1")
        .session("fs1", "free-streak", "2026-03-10T09:00:00Z", 9.0, 0)
        .session("fs2", "free-streak", "2026-03-09T09:00:00Z", 8.5, 0)
        .session("fs3", "free-streak", "2026-03-08T09:00:00Z", null, 0)
        .session("fs4", "free-streak", "2026-03-07T09:00:00Z", 9.5, 0)
        .session("fs5", "free-streak", "2026-03-06T09:00:00Z", 4.0, 0)
        // Offered at the first instant of the 30 days ending with D: excluded.
        .user("free-offered", "free")
        .session("fo1", "free-offered", "2026-03-10T09:00:00Z", 9.9, 0)
        .session("fo2", "free-offered", "2026-03-09T09:00:00Z", 9.9, 0)
        .session("fo3", "free-offered", "2026-03-08T09:00:00Z", 9.9, 0)
        .trigger("free-offered", "2026-02-09T00:00:00Z", true)
        // Offered just before those 30 days: a candidate again.
        .user("free-offered-long-ago", "free")
        .session("fl1", "free-offered-long-ago", "2026-03-10T09:00:00Z", 9.5, 0)
        .session("fl2", "free-offered-long-ago", "2026-03-09T09:00:00Z", 9.5, 0)
        .session("fl3", "free-offered-long-ago", "2026-03-08T09:00:00Z", 9.5, 0)
        .trigger("free-offered-long-ago", "2026-02-08T23:59:59Z", true)
        // A trigger whose offer was not sent does not exclude; 4 sessions of 9.0 outrank 3.
        .user("free-not-sent", "free")
        .session("fn1", "free-not-sent", "2026-03-10T09:00:00Z", 9.0, 0)
        .session("fn2", "free-not-sent", "2026-03-09T09:00:00Z", 9.0, 0)
        .session("fn3", "free-not-sent", "2026-03-08T09:00:00Z", 9.0, 0)
        .session("fn4", "free-not-sent", "2026-03-07T09:00:00Z", 9.0, 0)
        .trigger("free-not-sent", "2026-03-01T09:00:00Z", false)
        // An offer sent after D does not count for a report on D.
        .user("free-offered-after-d", "free")
        .session("fa1", "free-offered-after-d", "2026-03-10T09:00:00Z", 8.5, 0)
        .session("fa2", "free-offered-after-d", "2026-03-09T09:00:00Z", 8.5, 0)
        .session("fa3", "free-offered-after-d", "2026-03-08T09:00:00Z", 8.5, 0)
        .trigger("free-offered-after-d", "2026-03-11T01:00:00Z", true)
        // Not free.
        .user("student-streak", "student")
        .session("ss1", "student-streak", "2026-03-10T09:00:00Z", 9.9, 0)
        .session("ss2", "student-streak", "2026-03-09T09:00:00Z", 9.9, 0)
        .session("ss3", "student-streak", "2026-03-08T09:00:00Z", 9.9, 0)
        // Its qualifying run is older than the 14-day window [02-25, 03-11).
        .user("free-old-run", "free")
        .session("fr1", "free-old-run", "2026-03-10T09:00:00Z", 9.9, 0)
        .session("fr2", "free-old-run", "2026-02-24T23:59:59Z", 9.9, 0)
        .session("fr3", "free-old-run", "2026-02-23T09:00:00Z", 9.9, 0)
        .session("fr4", "free-old-run", "2026-02-22T09:00:00Z", 9.9, 0);

    Conversion conversion = onTheTenthInUtc().conversion();

    assertThat(conversion.candidates())
        .containsExactly(
            new ConversionCandidate("free-offered-long-ago", Optional.of("free-offered-long-ago@example.com"), Optional.of("B2"), 3, 9.5, "SEND_EXECUTIVE_OFFER"),
            new ConversionCandidate("free-not-sent", Optional.of("free-not-sent@example.com"), Optional.of("B2"), 4, 9.0, "SEND_EXECUTIVE_OFFER"),
            new ConversionCandidate("free-streak", Optional.of("free-streak@example.com"), Optional.of("B1"), 3, 9.0, "SEND_EXECUTIVE_OFFER"),
            new ConversionCandidate("free-offered-after-d", Optional.of("free-offered-after-d@example.com"), Optional.of("B2"), 3, 8.5, "SEND_EXECUTIVE_OFFER"));
    assertThat(conversion.candidateCount()).isEqualTo(4);
    assertThat(conversion.offerPrice()).isEqualTo(new BigDecimal("179.00"));
    assertThat(conversion.currency()).isEqualTo("USD");
    assertThat(conversion.revenuePotential()).isEqualTo(new BigDecimal("716.00"));
    assertThat(conversion.revenuePotential().scale()).isEqualTo(2);
  }

  @Test
  void withoutConsecutiveRequiredNonConsecutiveQualifyingSessionsMakeACandidate() {
    repository
        .user("f", "free")
        .session("1", "f", "2026-03-10T09:00:00Z", 9.0, 0)
        .session("2", "f", "2026-03-09T09:00:00Z", 3.0, 0)
        .session("3", "f", "2026-03-08T09:00:00Z", 9.0, 0)
        .session("4", "f", "2026-03-07T09:00:00Z", 8.0, 0)
        .session("5", "f", "2026-03-06T09:00:00Z", 9.0, 0);
    LearningMetricsConfig anyOrder =
        LearningMetricsConfig.builder()
            .conversionRule(ConversionRule.executiveOffer().withConsecutiveRequired(false))
            .build();

    assertThat(onTheTenthInUtc().conversion().candidates()).isEmpty();
    assertThat(learningDaily(anyOrder, "2026-03-10", "UTC").conversion().candidates())
        .extracting(ConversionCandidate::userId, ConversionCandidate::sessions, ConversionCandidate::avgScore)
        .containsExactly(tuple("f", 3, 9.0));
  }

  @Test
  void anEmptyDatabaseGivesZerosAndUndefinedFiguresWithoutFailing() {
    LearningDailyReport report = onTheTenthInUtc();

    assertThat(report.engagement().byRole()).isEmpty();
    assertThat(report.engagement().total())
        .isEqualTo(new EngagementFigures(0, 0, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));
    assertThat(report.mistakes()).isEqualTo(new Mistakes(0, List.of(), Map.of()));
    assertThat(report.conversion())
        .isEqualTo(new Conversion(List.of(), 0, new BigDecimal("179.00"), "USD", new BigDecimal("0.00")));
    assertThat(report.inactiveUsers()).isEqualTo(new InactiveUsersBlock(0, List.of()));
    assertThat(report.windows().engagement().start()).hasToString("2026-03-04T00:00Z");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a gym           | " + GYM + " |            | 2026-03-08 |            | UTC          | gym_id     | not scoped to a gym",
        "a branch        |             | " + GYM + " | 2026-03-08 |        | UTC          | branch_id  | not scoped to a gym",
        "a date range    |             |            |            | 2026-03-01 | UTC          | start_date | not used by single-day reports",
        "a bad zone      |             |            | 2026-03-08 |            | Mars/Olympus | timezone   | unknown time zone",
        "a bad date      |             |            | 2026-02-30 |            | UTC          | date       | is not a date",
      })
  void rejectsBadInputNamingTheFieldBeforeReadingAnything(
      String description, String gym, String branch, String date, String start, String zone, String field, String problem) {
    GenerateReportCommand command =
        GenerateReportCommand.builder("learning-daily").gymId(gym).branchId(branch).date(date).startDate(start).timezone(zone).build();

    assertThatThrownBy(() -> reporting(LearningMetricsConfig.defaults()).generate(command))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.problem()).contains(problem);
          assertThat(e.getMessage()).startsWith(field + ": ");
        });
    assertThat(repository.queries).isEmpty();
  }
}
