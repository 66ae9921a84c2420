package io.pulsereports.core.conversion;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.pulsereports.core.conversion.ConversionOutcome.NotQualified;
import io.pulsereports.core.conversion.ConversionOutcome.Qualified;
import io.pulsereports.core.conversion.ConversionOutcome.Reason;
import io.pulsereports.core.model.CodePointOrder;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ScoredSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A conversion rule as a value (SPEC section 4, {@code conversion.candidates}): a user qualifies
 * when their scored sessions of the last {@code windowDays} local days, newest first, begin with
 * a streak of at least {@code minSessions} sessions each scoring strictly more than {@code
 * minConfidence}. Without {@code consecutiveRequired} the streak is replaced by every session of
 * the window that scores more than {@code minConfidence}. Sessions without a confidence score are
 * ignored (they neither count nor break a streak). A user already offered within the cooldown
 * does not qualify.
 *
 * <p>Stateless and deterministic: {@link #evaluate} reads nothing but its arguments.
 *
 * @param name the trigger type this rule records when it fires, such as {@code executive_offer}
 */
public record ConversionRule(
    String name,
    int minSessions,
    double minConfidence,
    boolean consecutiveRequired,
    int windowDays,
    Recommendation recommendation) {

  public static final String EXECUTIVE_OFFER = "executive_offer";
  public static final int DEFAULT_MIN_SESSIONS = 3;
  public static final double DEFAULT_MIN_CONFIDENCE = 8.0;
  public static final int DEFAULT_WINDOW_DAYS = 14;

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  /** Newest started_at first; equal started_at by session_id descending in code point order. */
  public static final Comparator<ScoredSession> NEWEST_FIRST =
      Comparator.comparing(ScoredSession::startedAt)
          .reversed()
          .thenComparing(ScoredSession::sessionId, CodePointOrder.INSTANCE.reversed());

  public ConversionRule {
    requireNonNull(name, "name");
    checkArgument(NAME.matcher(name).matches(), "rule name '%s' must match %s", name, NAME);
    checkArgument(minSessions >= 1, "minSessions %s is below 1", minSessions);
    checkArgument(Double.isFinite(minConfidence), "minConfidence %s is not finite", minConfidence);
    checkArgument(windowDays >= 1, "windowDays %s is below 1", windowDays);
    requireNonNull(recommendation, "recommendation");
  }

  /**
   * The default rule: three consecutive sessions scoring above 8.0 in the last 14 days → send the
   * executive offer.
   */
  public static ConversionRule executiveOffer() {
    return new ConversionRule(
        EXECUTIVE_OFFER,
        DEFAULT_MIN_SESSIONS,
        DEFAULT_MIN_CONFIDENCE,
        true,
        DEFAULT_WINDOW_DAYS,
        Recommendation.SEND_EXECUTIVE_OFFER);
  }

  public ConversionRule withConsecutiveRequired(boolean required) {
    return new ConversionRule(name, minSessions, minConfidence, required, windowDays, recommendation);
  }

  /** The rule's window for a report on {@code date}: the {@code windowDays} local days ending with it. */
  public ReportPeriod windowEndingOn(LocalDate date, ZoneId zone) {
    requireNonNull(date, "date");
    return ReportPeriod.range(date.minusDays(windowDays - 1L), date, zone);
  }

  /**
   * Decides for one user.
   *
   * @param history the user's sessions in any order; those that did not start in {@code window}
   *     are ignored
   * @param window the rule's window, {@code windowDays} local days long (see {@link #windowEndingOn})
   * @param priorOffer whether the user was already offered within the cooldown
   */
  public ConversionOutcome evaluate(List<ScoredSession> history, ReportPeriod window, PriorOffer priorOffer) {
    requireNonNull(history, "history");
    requireNonNull(window, "window");
    requireNonNull(priorOffer, "priorOffer");
    checkArgument(
        window.days() == windowDays, "window %s is %s days long, the rule's is %s", window, window.days(), windowDays);
    if (priorOffer == PriorOffer.SENT_WITHIN_COOLDOWN) {
      return new NotQualified(Reason.ALREADY_OFFERED);
    }
    List<ScoredSession> scored =
        history.stream()
            .filter(session -> session.confidenceScore().isPresent())
            .filter(session -> window.contains(session.startedAt()))
            .sorted(NEWEST_FIRST)
            .toList();
    if (scored.isEmpty()) {
      return new NotQualified(Reason.NO_SCORED_SESSION_IN_WINDOW);
    }
    List<ScoredSession> qualifying = consecutiveRequired ? leadingStreak(scored) : allQualifying(scored);
    if (qualifying.size() < minSessions) {
      return new NotQualified(Reason.TOO_FEW_QUALIFYING_SESSIONS);
    }
    return new Qualified(qualifying.size(), mean(qualifying), qualifying, recommendation);
  }

  private boolean qualifies(ScoredSession session) {
    return session.confidenceScore().getAsDouble() > minConfidence;
  }

  private List<ScoredSession> leadingStreak(List<ScoredSession> newestFirst) {
    ImmutableList.Builder<ScoredSession> streak = ImmutableList.builder();
    for (ScoredSession session : newestFirst) {
      if (!qualifies(session)) {
        break;
      }
      streak.add(session);
    }
    return streak.build();
  }

  private List<ScoredSession> allQualifying(List<ScoredSession> newestFirst) {
    return newestFirst.stream().filter(this::qualifies).collect(ImmutableList.toImmutableList());
  }

  /** The plain mean, summed newest first. */
  private static double mean(List<ScoredSession> sessions) {
    double sum = 0;
    for (ScoredSession session : sessions) {
      sum += session.confidenceScore().getAsDouble();
    }
    return sum / sessions.size();
  }
}
