package io.pulsereports.core.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.conversion.ConversionOutcome.NotQualified;
import io.pulsereports.core.conversion.ConversionOutcome.Qualified;
import io.pulsereports.core.conversion.ConversionOutcome.Reason;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ScoredSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default rule: 3 consecutive sessions scoring above 8.0 in the 14 days ending with D. */
class ConversionRuleTest {

  private static final ZoneId ZONE = ZoneId.of("UTC");
  private static final LocalDate D = LocalDate.parse("2026-03-10");

  private final ConversionRule rule = ConversionRule.executiveOffer();
  private final ReportPeriod window = rule.windowEndingOn(D, ZONE);

  /** Sessions one per day, newest first: the first starts on D at noon, the next a day earlier… */
  private static List<ScoredSession> dailyNewestFirst(Double... scores) {
    List<ScoredSession> sessions = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      Instant startedAt = D.minusDays(i).atTime(12, 0).atZone(ZONE).toInstant();
      String id = "s" + (scores.length - i);
      sessions.add(
          scores[i] == null ? ScoredSession.unscored(id, startedAt) : ScoredSession.scored(id, startedAt, scores[i]));
    }
    return sessions;
  }

  private ConversionOutcome evaluate(List<ScoredSession> sessions) {
    return rule.evaluate(sessions, window, PriorOffer.NONE);
  }

  @Test
  void theDefaultRuleIsThreeConsecutiveSessionsAboveEightInFourteenDays() {
    assertThat(rule)
        .isEqualTo(new ConversionRule("executive_offer", 3, 8.0, true, 14, Recommendation.SEND_EXECUTIVE_OFFER));
    assertThat(window).isEqualTo(ReportPeriod.range(LocalDate.parse("2026-02-25"), D, ZONE));
  }

  @Test
  void aStreakOfExactlyThreeQualifyingSessionsQualifies() {
    List<ScoredSession> sessions = dailyNewestFirst(9.0, 8.5, 8.1, 4.0);

    assertThat(evaluate(sessions))
        .isEqualTo(
            new Qualified(3, (9.0 + 8.5 + 8.1) / 3, sessions.subList(0, 3), Recommendation.SEND_EXECUTIVE_OFFER));
  }

  @Test
  void aStreakOfTwoDoesNotQualify() {
    assertThat(evaluate(dailyNewestFirst(9.0, 9.5, 3.0, 9.0, 9.0)))
        .isEqualTo(new NotQualified(Reason.TOO_FEW_QUALIFYING_SESSIONS));
  }

  @Test
  void theStreakCountsEveryLeadingQualifyingSessionNotJustTheMinimum() {
    ConversionOutcome outcome = evaluate(dailyNewestFirst(9.0, 10.0, 9.0, 8.5, 9.5, 2.0, 10.0));

    assertThat(outcome).isInstanceOfSatisfying(Qualified.class, qualified -> {
      assertThat(qualified.sessions()).isEqualTo(5);
      assertThat(qualified.avgScore()).isEqualTo((9.0 + 10.0 + 9.0 + 8.5 + 9.5) / 5);
    });
  }

  @Test
  void aScoreOfExactlyTheMinimumConfidenceBreaksTheStreak() {
    assertThat(evaluate(dailyNewestFirst(9.0, 9.0, 8.0, 9.0)))
        .isEqualTo(new NotQualified(Reason.TOO_FEW_QUALIFYING_SESSIONS));
  }

  @Test
  void aScoreOfExactlyTheMinimumConfidenceDoesNotCountWhenSessionsNeedNotBeConsecutive() {
    ConversionRule anyOrder = rule.withConsecutiveRequired(false);

    assertThat(anyOrder.evaluate(dailyNewestFirst(9.0, 8.0, 9.0, 8.0), window, PriorOffer.NONE))
        .isEqualTo(new NotQualified(Reason.TOO_FEW_QUALIFYING_SESSIONS));
  }

  @Test
  void aSessionWithoutAScoreIsIgnoredAndTheStreakContinuesAcrossIt() {
    List<ScoredSession> sessions = dailyNewestFirst(9.0, null, 8.5, null, 9.5, 1.0);

    assertThat(evaluate(sessions))
        .isEqualTo(
            new Qualified(
                3,
                (9.0 + 8.5 + 9.5) / 3,
                List.of(sessions.get(0), sessions.get(2), sessions.get(4)),
                Recommendation.SEND_EXECUTIVE_OFFER));
  }

  @Test
  void onlySessionsWithoutAScoreIsNoScoredSession() {
    assertThat(evaluate(dailyNewestFirst(null, null, null)))
        .isEqualTo(new NotQualified(Reason.NO_SCORED_SESSION_IN_WINDOW));
    assertThat(evaluate(List.of())).isEqualTo(new NotQualified(Reason.NO_SCORED_SESSION_IN_WINDOW));
  }

  @Test
  void anOlderQualifyingRunOutsideTheWindowIsNotCounted() {
    // D, then 14 days before D (the day before the window starts) and older: only D is in the window.
    Instant firstInstantOfWindow = window.start();
    List<ScoredSession> sessions =
        List.of(
            ScoredSession.scored("new", D.atTime(9, 0).atZone(ZONE).toInstant(), 9.0),
            ScoredSession.scored("old-1", firstInstantOfWindow.minusNanos(1), 9.0),
            ScoredSession.scored("old-2", firstInstantOfWindow.minusSeconds(86_400), 9.0),
            ScoredSession.scored("old-3", firstInstantOfWindow.minusSeconds(2 * 86_400), 9.0));

    assertThat(evaluate(sessions)).isEqualTo(new NotQualified(Reason.TOO_FEW_QUALIFYING_SESSIONS));
    assertThat(evaluate(sessions.subList(1, 4))).isEqualTo(new NotQualified(Reason.NO_SCORED_SESSION_IN_WINDOW));
  }

  @Test
  void aSessionAtTheFirstInstantOfTheWindowCountsAndOneAtTheEndDoesNot() {
    List<ScoredSession> sessions =
        List.of(
            ScoredSession.scored("after", window.end(), 9.0),
            ScoredSession.scored("a", D.atTime(9, 0).atZone(ZONE).toInstant(), 9.0),
            ScoredSession.scored("b", D.minusDays(5).atTime(9, 0).atZone(ZONE).toInstant(), 9.0),
            ScoredSession.scored("first", window.start(), 9.0));

    assertThat(evaluate(sessions)).isInstanceOfSatisfying(Qualified.class, qualified ->
        assertThat(qualified.qualifyingSessions()).extracting(ScoredSession::sessionId).containsExactly("a", "b", "first"));
  }

  @Test
  void withoutConsecutiveRequiredEveryQualifyingSessionInTheWindowCounts() {
    ConversionRule anyOrder = rule.withConsecutiveRequired(false);
    List<ScoredSession> sessions = dailyNewestFirst(2.0, 9.0, 5.0, 8.5, null, 7.0, 9.5);

    assertThat(evaluate(sessions)).isEqualTo(new NotQualified(Reason.TOO_FEW_QUALIFYING_SESSIONS));
    assertThat(anyOrder.evaluate(sessions, window, PriorOffer.NONE))
        .isEqualTo(
            new Qualified(
                3,
                (9.0 + 8.5 + 9.5) / 3,
                List.of(sessions.get(1), sessions.get(3), sessions.get(6)),
                Recommendation.SEND_EXECUTIVE_OFFER));
  }

  @Test
  void aUserAlreadyOfferedWithinTheCooldownIsExcluded() {
    assertThat(rule.evaluate(dailyNewestFirst(9.0, 9.0, 9.0), window, PriorOffer.SENT_WITHIN_COOLDOWN))
        .isEqualTo(new NotQualified(Reason.ALREADY_OFFERED));
  }

  @Test
  void sessionsStartingAtTheSameInstantAreOrderedBySessionIdDescendingInCodePointOrder() {
    Instant oldest = D.minusDays(2).atTime(12, 0).atZone(ZONE).toInstant();
    List<ScoredSession> newer = dailyNewestFirst(9.0, 9.0);
    // "s-a" > "s-B" in code point order ('a' is 97, 'B' is 66), so "s-a" comes first and extends
    // the streak to 3 before "s-B" breaks it; a case-insensitive order would put "s-B" first.
    List<ScoredSession> sessions = new ArrayList<>(newer);
    sessions.add(ScoredSession.scored("s-B", oldest, 5.0));
    sessions.add(ScoredSession.scored("s-a", oldest, 9.0));

    assertThat(evaluate(sessions)).isInstanceOfSatisfying(Qualified.class, qualified ->
        assertThat(qualified.qualifyingSessions()).extracting(ScoredSession::sessionId).containsExactly("s2", "s1", "s-a"));

    List<ScoredSession> swapped = new ArrayList<>(newer);
    swapped.add(ScoredSession.scored("s-B", oldest, 9.0));
    swapped.add(ScoredSession.scored("s-a", oldest, 5.0));
    assertThat(evaluate(swapped)).isEqualTo(new NotQualified(Reason.TOO_FEW_QUALIFYING_SESSIONS));
  }

  @Test
  void theHistoryMayComeInAnyOrder() {
    List<ScoredSession> sessions = new ArrayList<>(dailyNewestFirst(9.0, 9.0, 9.0, 1.0));
    Collections.reverse(sessions);

    assertThat(evaluate(sessions)).isInstanceOf(Qualified.class);
  }

  @Test
  void theWindowEndsWithTheReportDateInTheReportsZone() {
    ReportPeriod newYork = rule.windowEndingOn(LocalDate.parse("2026-03-08"), ZoneId.of("America/New_York"));

    assertThat(newYork.startOffsetDateTime()).hasToString("2026-02-23T00:00-05:00");
    assertThat(newYork.endOffsetDateTime()).hasToString("2026-03-09T00:00-04:00");
  }

  @Test
  void aWindowOfAnotherLengthThanTheRulesIsRefused() {
    assertThatThrownBy(() -> rule.evaluate(List.of(), ReportPeriod.day(D, ZONE), PriorOffer.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the rule's is 14");
  }

  @Test
  void thresholdsThatCannotWorkAreRefused() {
    assertThatThrownBy(() -> new ConversionRule("executive_offer", 0, 8.0, true, 14, Recommendation.SEND_EXECUTIVE_OFFER))
        .hasMessageContaining("minSessions");
    assertThatThrownBy(() -> new ConversionRule("executive_offer", 3, Double.NaN, true, 14, Recommendation.SEND_EXECUTIVE_OFFER))
        .hasMessageContaining("minConfidence");
    assertThatThrownBy(() -> new ConversionRule("executive_offer", 3, 8.0, true, 0, Recommendation.SEND_EXECUTIVE_OFFER))
        .hasMessageContaining("windowDays");
    assertThatThrownBy(() -> new ConversionRule("Executive Offer", 3, 8.0, true, 14, Recommendation.SEND_EXECUTIVE_OFFER))
        .hasMessageContaining("rule name");
  }
}
