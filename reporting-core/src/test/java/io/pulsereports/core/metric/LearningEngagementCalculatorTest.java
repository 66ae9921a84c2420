package io.pulsereports.core.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.pulsereports.core.conversion.ConversionRule;
import io.pulsereports.core.conversion.OfferTerms;
import io.pulsereports.core.conversion.Recommendation;
import io.pulsereports.core.model.HeatmapCell;
import io.pulsereports.core.model.InactiveUser;
import io.pulsereports.core.model.InactiveUsers;
import io.pulsereports.core.model.LearnerSessions;
import io.pulsereports.core.model.LearningActivity;
import io.pulsereports.core.model.MistakeActivity;
import io.pulsereports.core.model.MistakeCount;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.RoleEngagement;
import io.pulsereports.core.model.ScoredSession;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LearningEngagementCalculatorTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final LocalDate D = LocalDate.parse("2026-03-10");
  private static final ReportPeriod DAY = ReportPeriod.day(D, UTC);

  private final LearningEngagementCalculator calculator =
      new LearningEngagementCalculator(LearningMetricsConfig.defaults());

  private static LearningActivity activity(
      List<RoleEngagement> roles, MistakeActivity mistakes, List<LearnerSessions> learners, Set<String> offered, InactiveUsers inactive) {
    return new LearningActivity(roles, mistakes, learners, offered, inactive);
  }

  private static LearningActivity onlyRoles(RoleEngagement... roles) {
    LearningActivity empty = LearningActivity.empty();
    return activity(List.of(roles), empty.mistakes(), List.of(), Set.of(), empty.inactiveUsers());
  }

  private static LearningActivity onlyMistakes(MistakeActivity mistakes) {
    LearningActivity empty = LearningActivity.empty();
    return activity(List.of(), mistakes, List.of(), Set.of(), empty.inactiveUsers());
  }

  private static LearningActivity onlyLearners(Set<String> offered, LearnerSessions... learners) {
    LearningActivity empty = LearningActivity.empty();
    return activity(List.of(), empty.mistakes(), List.of(learners), offered, empty.inactiveUsers());
  }

  private static LearnerSessions learner(String userId, double... newestFirstDailyScores) {
    List<ScoredSession> sessions = new ArrayList<>();
    for (int i = 0; i < newestFirstDailyScores.length; i++) {
      sessions.add(ScoredSession.scored(userId + "-" + i, D.minusDays(i).atTime(10, 0).atZone(UTC).toInstant(), newestFirstDailyScores[i]));
    }
    return new LearnerSessions(userId, Optional.of(userId + "@example.com"), Optional.of("B2"), sessions);
  }

  @Test
  void windowsOfAnOrdinaryUtcDayEndWithTheDayAndCountLocalDays() {
    LearningWindows windows = calculator.daily(DAY, LearningActivity.empty()).windows();

    assertThat(windows.engagement().start()).hasToString("2026-03-04T00:00Z");
    assertThat(windows.engagement().end()).hasToString("2026-03-11T00:00Z");
    assertThat(windows.mistakes().start()).hasToString("2026-02-09T00:00Z");
    assertThat(windows.conversion().start()).hasToString("2026-02-25T00:00Z");
    assertThat(windows.conversion().end()).hasToString("2026-03-11T00:00Z");
    assertThat(windows.inactiveSince()).hasToString("2026-02-09T00:00Z");
  }

  @Test
  void windowLengthsComeFromTheConfiguration() {
    LearningMetricsConfig config =
        LearningMetricsConfig.builder()
            .engagementDays(1)
            .mistakesDays(2)
            .inactivityDays(3)
            .conversionRule(new ConversionRule("executive_offer", 3, 8.0, true, 4, Recommendation.SEND_EXECUTIVE_OFFER))
            .offerCooldownDays(5)
            .build();
    LearningPeriods periods = new LearningEngagementCalculator(config).periods(DAY);

    assertThat(periods.engagement()).isEqualTo(DAY);
    assertThat(periods.mistakes().startDate()).isEqualTo(D.minusDays(1));
    assertThat(periods.inactivity().startDate()).isEqualTo(D.minusDays(2));
    assertThat(periods.conversion().startDate()).isEqualTo(D.minusDays(3));
    assertThat(periods.offerCooldown().startDate()).isEqualTo(D.minusDays(4));
  }

  @Test
  void aReportCoversExactlyOneDay() {
    assertThatThrownBy(() -> calculator.daily(ReportPeriod.range(D, D.plusDays(1), UTC), LearningActivity.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one day");
  }

  @Test
  void engagementPerRoleAndInTotalFromTheSumsAndCounts() {
    Engagement engagement =
        calculator
            .daily(
                DAY,
                onlyRoles(
                    new RoleEngagement("student", 2, 5, 40.5, 4, 12, 5),
                    new RoleEngagement("free", 3, 4, 30.0, 4, 8, 4),
                    new RoleEngagement("coach", 1, 1, 0, 0, 0, 0)))
            .engagement();

    assertThat(engagement.byRole()).containsOnlyKeys("coach", "free", "student");
    assertThat(engagement.byRole().keySet()).containsExactly("coach", "free", "student");
    assertThat(engagement.byRole().get("student"))
        .isEqualTo(new EngagementFigures(2, 5, OptionalDouble.of(40.5 / 4), OptionalDouble.of(12.0 / 5), OptionalDouble.of(2.5)));
    assertThat(engagement.byRole().get("coach"))
        .isEqualTo(new EngagementFigures(1, 1, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(1.0)));
    assertThat(engagement.total())
        .isEqualTo(
            new EngagementFigures(6, 10, OptionalDouble.of(70.5 / 8), OptionalDouble.of(20.0 / 9), OptionalDouble.of(10.0 / 6)));
  }

  @Test
  void aRoleWithoutSessionsHasNoEntry() {
    Engagement engagement =
        calculator.daily(DAY, onlyRoles(new RoleEngagement("coach", 0, 0, 0, 0, 0, 0), new RoleEngagement("free", 1, 1, 9, 1, 0, 1))).engagement();

    assertThat(engagement.byRole()).containsOnlyKeys("free");
  }

  @Test
  void emptyActivityGivesZerosEmptyListsAndUndefinedMeans() {
    LearningDailyReport report = calculator.daily(DAY, LearningActivity.empty());

    assertThat(report.engagement().byRole()).isEmpty();
    assertThat(report.engagement().total())
        .isEqualTo(new EngagementFigures(0, 0, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));
    assertThat(report.mistakes()).isEqualTo(new Mistakes(0, List.of(), Map.of()));
    assertThat(report.conversion().candidates()).isEmpty();
    assertThat(report.conversion().candidateCount()).isZero();
    assertThat(report.conversion().offerPrice()).hasToString("179.00");
    assertThat(report.conversion().currency()).isEqualTo("USD");
    assertThat(report.conversion().revenuePotential()).hasToString("0.00");
    assertThat(report.inactiveUsers()).isEqualTo(new InactiveUsersBlock(0, List.of()));
  }

  @Test
  void topMistakesAreRankedByFrequencyThenTypeCategoryAndTextInCodePointOrderWithTheirShare() {
    MistakeActivity mistakes =
        new MistakeActivity(
            20,
            List.of(
                new MistakeCount("vocabulary", "Word choice", Optional.of("make a photo"), 3),
                new MistakeCount("grammar", "Prepositions", Optional.of("on Monday"), 3),
                new MistakeCount("grammar", "Articles", Optional.of("the"), 3),
                new MistakeCount("grammar", "Articles", Optional.of("a"), 3),
                new MistakeCount("grammar", "Articles", Optional.empty(), 3),
                new MistakeCount("grammar", "Articles", Optional.of("An"), 3),
                new MistakeCount("pronunciation", "Vowels", Optional.of("ship"), 5)),
            List.of());

    List<TopMistake> top = calculator.daily(DAY, onlyMistakes(mistakes)).mistakes().top();

    assertThat(top)
        .extracting(TopMistake::rank, TopMistake::errorType, TopMistake::errorCategory, TopMistake::errorText)
        .containsExactly(
            tuple(1, "pronunciation", "Vowels", Optional.of("ship")),
            tuple(2, "grammar", "Articles", Optional.empty()),
            tuple(3, "grammar", "Articles", Optional.of("An")),
            tuple(4, "grammar", "Articles", Optional.of("a")),
            tuple(5, "grammar", "Articles", Optional.of("the")),
            tuple(6, "grammar", "Prepositions", Optional.of("on Monday")),
            tuple(7, "vocabulary", "Word choice", Optional.of("make a photo")));
    assertThat(top.get(0).pct()).isEqualTo(5.0 / 20);
    assertThat(top.get(1).pct()).isEqualTo(3.0 / 20);
  }

  @Test
  void topMistakesAreCutToTheConfiguredNumber() {
    List<MistakeCount> counts = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      counts.add(new MistakeCount("grammar", "Articles", Optional.of("text-" + (char) ('a' + i)), i));
    }
    MistakeActivity mistakes = new MistakeActivity(78, counts, List.of());

    assertThat(calculator.daily(DAY, onlyMistakes(mistakes)).mistakes().top())
        .hasSize(10)
        .extracting(TopMistake::frequency)
        .containsExactly(12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L);
    LearningEngagementCalculator topThree =
        new LearningEngagementCalculator(LearningMetricsConfig.builder().topMistakes(3).build());
    assertThat(topThree.daily(DAY, onlyMistakes(mistakes)).mistakes().top()).extracting(TopMistake::rank).containsExactly(1, 2, 3);
  }

  @Test
  void heatmapRowsCarryEveryErrorTypeOfTheWindowWithZeros() {
    MistakeActivity mistakes =
        new MistakeActivity(
            9,
            List.of(),
            List.of(
                new HeatmapCell("Articles", "grammar", 4),
                new HeatmapCell("Vowels", "pronunciation", 2),
                new HeatmapCell("Word choice", "vocabulary", 1),
                new HeatmapCell("Articles", "vocabulary", 2)));

    Map<String, Map<String, Long>> heatmap = calculator.daily(DAY, onlyMistakes(mistakes)).mistakes().heatmap();

    assertThat(heatmap.keySet()).containsExactly("Articles", "Vowels", "Word choice");
    assertThat(heatmap.get("Articles")).containsExactly(Map.entry("grammar", 4L), Map.entry("pronunciation", 0L), Map.entry("vocabulary", 2L));
    assertThat(heatmap.get("Vowels")).containsExactly(Map.entry("grammar", 0L), Map.entry("pronunciation", 2L), Map.entry("vocabulary", 0L));
    assertThat(heatmap.get("Word choice")).containsExactly(Map.entry("grammar", 0L), Map.entry("pronunciation", 0L), Map.entry("vocabulary", 1L));
  }

  @Test
  void heatmapHasOnlyTheErrorTypesThatOccur() {
    MistakeActivity mistakes = new MistakeActivity(1, List.of(), List.of(new HeatmapCell("Articles", "grammar", 1)));

    assertThat(calculator.daily(DAY, onlyMistakes(mistakes)).mistakes().heatmap())
        .isEqualTo(Map.of("Articles", Map.of("grammar", 1L)));
  }

  @Test
  void candidatesAreOrderedByAverageScoreThenSessionsThenUserIdInCodePointOrder() {
    Conversion conversion =
        calculator
            .daily(
                DAY,
                onlyLearners(
                    Set.of(),
                    learner("user-b", 9.0, 9.0, 9.0),
                    learner("user-c", 9.0, 9.0, 9.0, 9.0),
                    learner("User-a", 9.0, 9.0, 9.0),
                    learner("user-a", 9.0, 9.0, 9.0),
                    learner("user-d", 9.5, 9.5, 9.5),
                    learner("user-e", 9.5, 9.5, 2.0)))
            .conversion();

    assertThat(conversion.candidates())
        .extracting(ConversionCandidate::userId)
        .containsExactly("user-d", "user-c", "User-a", "user-a", "user-b");
    assertThat(conversion.candidates().get(0))
        .isEqualTo(
            new ConversionCandidate(
                "user-d", Optional.of("user-d@example.com"), Optional.of("B2"), 3, 9.5, "SEND_EXECUTIVE_OFFER"));
    assertThat(conversion.candidateCount()).isEqualTo(5);
    assertThat(conversion.revenuePotential()).isEqualTo(new BigDecimal("895.00"));
    assertThat(conversion.revenuePotential().scale()).isEqualTo(2);
  }

  @Test
  void theQualifiedCandidatesAreTheReportsCandidatesWithTheSessionsThatQualifiedThem() {
    List<LearnerSessions> learners =
        List.of(learner("user-b", 9.0, 8.5, 9.5, 3.0), learner("user-a", 9.5, 9.5, 9.5), learner("user-c", 9.9, 9.9, 9.9));

    List<QualifiedCandidate> qualified = calculator.conversionCandidates(DAY, learners, Set.of("user-c"));

    Conversion conversion = calculator.daily(DAY, onlyLearners(Set.of("user-c"), learners.toArray(LearnerSessions[]::new))).conversion();
    assertThat(qualified).extracting(QualifiedCandidate::candidate).isEqualTo(conversion.candidates());
    assertThat(qualified.get(1).qualification().qualifyingSessions())
        .extracting(session -> session.confidenceScore().getAsDouble())
        .containsExactly(9.0, 8.5, 9.5);
  }

  @Test
  void usersOfferedWithinTheCooldownAreNotCandidates() {
    Conversion conversion =
        calculator.daily(DAY, onlyLearners(Set.of("user-a"), learner("user-a", 9, 9, 9), learner("user-b", 9, 9, 9))).conversion();

    assertThat(conversion.candidates()).extracting(ConversionCandidate::userId).containsExactly("user-b");
  }

  @Test
  void theOfferPriceAndCurrencyAreConfigurable() {
    LearningEngagementCalculator euros =
        new LearningEngagementCalculator(LearningMetricsConfig.builder().offer(OfferTerms.of("49.9", "EUR")).build());

    Conversion conversion = euros.daily(DAY, onlyLearners(Set.of(), learner("a", 9, 9, 9), learner("b", 9, 9, 9))).conversion();

    assertThat(conversion.offerPrice()).hasToString("49.90");
    assertThat(conversion.currency()).isEqualTo("EUR");
    assertThat(conversion.revenuePotential()).hasToString("99.80");
  }

  @Test
  void inactiveUsersAreListedNewestFirstInTheReportsZoneWithinTheLimit() {
    ZoneId newYork = ZoneId.of("America/New_York");
    Instant older = Instant.parse("2026-01-05T15:00:00Z");
    Instant newer = Instant.parse("2026-01-20T03:30:00Z");
    InactiveUsers inactive =
        new InactiveUsers(
            7,
            List.of(
                new InactiveUser("u-3", Optional.empty(), "free", older),
                new InactiveUser("u-2", Optional.of("two@example.com"), "student", newer),
                new InactiveUser("u-1", Optional.of("one@example.com"), "free", newer)));
    LearningEngagementCalculator twoListed =
        new LearningEngagementCalculator(LearningMetricsConfig.builder().inactiveListLimit(2).build());
    LearningActivity empty = LearningActivity.empty();

    InactiveUsersBlock block =
        twoListed
            .daily(ReportPeriod.day(D, newYork), activity(List.of(), empty.mistakes(), List.of(), Set.of(), inactive))
            .inactiveUsers();

    assertThat(block.count()).isEqualTo(7);
    assertThat(block.users())
        .containsExactly(
            new InactiveUserFigures("u-1", Optional.of("one@example.com"), "free", newer.atZone(newYork).toOffsetDateTime()),
            new InactiveUserFigures("u-2", Optional.of("two@example.com"), "student", newer.atZone(newYork).toOffsetDateTime()));
    assertThat(block.users().get(0).lastSession()).hasToString("2026-01-19T22:30-05:00");
  }

  @Test
  void settingsThatCannotWorkAreRefused() {
    assertThatThrownBy(() -> LearningMetricsConfig.builder().engagementDays(0).build()).hasMessageContaining("engagementDays");
    assertThatThrownBy(() -> LearningMetricsConfig.builder().topMistakes(-1).build()).hasMessageContaining("topMistakes");
    assertThatThrownBy(() -> LearningMetricsConfig.builder().inactiveListLimit(-1).build()).hasMessageContaining("inactiveListLimit");
    assertThatThrownBy(() -> LearningMetricsConfig.builder().offerCooldownDays(0).build()).hasMessageContaining("offerCooldownDays");
  }

  @Test
  void theDefaultsAreThoseOfTheSpec() {
    LearningMetricsConfig config = LearningMetricsConfig.defaults();

    assertThat(config.topMistakes()).isEqualTo(10);
    assertThat(config.engagementDays()).isEqualTo(7);
    assertThat(config.mistakesDays()).isEqualTo(30);
    assertThat(config.conversionRule()).isEqualTo(ConversionRule.executiveOffer());
    assertThat(config.inactivityDays()).isEqualTo(30);
    assertThat(config.inactiveListLimit()).isEqualTo(100);
    assertThat(config.offerCooldownDays()).isEqualTo(30);
    assertThat(config.offer()).isEqualTo(OfferTerms.executiveOfferDefault());
  }
}
