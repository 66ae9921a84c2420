package io.pulsereports.core.metric;

import static java.util.Comparator.comparing;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.pulsereports.core.conversion.ConversionOutcome;
import io.pulsereports.core.conversion.ConversionRule;
import io.pulsereports.core.conversion.PriorOffer;
import io.pulsereports.core.model.CodePointOrder;
import io.pulsereports.core.model.HeatmapCell;
import io.pulsereports.core.model.InactiveUser;
import io.pulsereports.core.model.LearnerSessions;
import io.pulsereports.core.model.LearningActivity;
import io.pulsereports.core.model.MistakeActivity;
import io.pulsereports.core.model.MistakeCount;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.RoleEngagement;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the learning engagement metrics of SPEC section 4 for one local date from what the
 * learning activity port returned for the date's windows ({@link #periods}). Stateless and
 * deterministic: the same activity always gives the same report. Lists are re-ordered and cut
 * here, so the report does not depend on how carefully an adapter ordered them.
 */
public final class LearningEngagementCalculator {

  /** Frequency descending, then error_type, error_category, error_text (absent first) by code point. */
  static final Comparator<MistakeCount> MISTAKE_ORDER =
      Comparator.comparingLong(MistakeCount::frequency)
          .reversed()
          .thenComparing(MistakeCount::errorType, CodePointOrder.INSTANCE)
          .thenComparing(MistakeCount::errorCategory, CodePointOrder.INSTANCE)
          .thenComparing(MistakeCount::errorText, Comparator.comparing(
              (Optional<String> text) -> text.orElse(null), Comparator.nullsFirst(CodePointOrder.INSTANCE)));

  /** avg_score descending, sessions descending, user_id ascending by code point. */
  static final Comparator<ConversionCandidate> CANDIDATE_ORDER =
      comparing(ConversionCandidate::avgScore, Comparator.reverseOrder())
          .thenComparing(ConversionCandidate::sessions, Comparator.reverseOrder())
          .thenComparing(ConversionCandidate::userId, CodePointOrder.INSTANCE);

  /** Newest last session first, ties by user_id ascending by code point. */
  static final Comparator<InactiveUser> INACTIVE_ORDER =
      comparing(InactiveUser::lastSession, Comparator.reverseOrder())
          .thenComparing(InactiveUser::userId, CodePointOrder.INSTANCE);

  private final LearningMetricsConfig config;

  public LearningEngagementCalculator(LearningMetricsConfig config) {
    this.config = requireNonNull(config, "config");
  }

  /** The windows to read for a report on {@code day} (one local date). */
  public LearningPeriods periods(ReportPeriod day) {
    return LearningPeriods.of(day, config);
  }

  /**
   * The report on {@code day} (one local date in the report's zone).
   *
   * @param activity what the port returned for {@link #periods periods(day)}
   */
  public LearningDailyReport daily(ReportPeriod day, LearningActivity activity) {
    requireNonNull(activity, "activity");
    LearningPeriods periods = periods(day);
    return new LearningDailyReport(
        periods.windows(),
        engagement(activity.engagementByRole()),
        mistakes(activity.mistakes()),
        conversion(activity, periods.conversion()),
        inactiveUsers(activity, day.zone()));
  }

  private static Engagement engagement(List<RoleEngagement> roles) {
    Map<String, Sums> byRole = new TreeMap<>(CodePointOrder.INSTANCE);
    for (RoleEngagement role : roles) {
      if (role.sessions() > 0) { // SPEC: one entry per role with at least one session
        byRole.computeIfAbsent(role.role(), key -> new Sums()).add(role);
      }
    }
    Sums total = new Sums();
    Map<String, EngagementFigures> figures = new LinkedHashMap<>();
    byRole.forEach((role, sums) -> {
      figures.put(role, sums.figures());
      total.add(sums);
    });
    return new Engagement(figures, total.figures());
  }

  private Mistakes mistakes(MistakeActivity activity) {
    long total = activity.totalErrors();
    List<MistakeCount> ordered =
        activity.top().stream().sorted(MISTAKE_ORDER).limit(config.topMistakes()).toList();
    ImmutableList.Builder<TopMistake> top = ImmutableList.builder();
    for (int i = 0; i < ordered.size(); i++) {
      MistakeCount count = ordered.get(i);
      top.add(
          new TopMistake(
              i + 1,
              count.errorType(),
              count.errorCategory(),
              count.errorText(),
              count.frequency(),
              (double) count.frequency() / total));
    }
    return new Mistakes(total, top.build(), heatmap(activity.heatmap()));
  }

  /** Rows by error_category; every row has every error_type that occurs in the window, 0 when absent. */
  private static Map<String, Map<String, Long>> heatmap(List<HeatmapCell> cells) {
    TreeSet<String> types = new TreeSet<>(CodePointOrder.INSTANCE);
    cells.forEach(cell -> types.add(cell.errorType()));
    Map<String, Map<String, Long>> rows = new TreeMap<>(CodePointOrder.INSTANCE);
    for (HeatmapCell cell : cells) {
      rows.computeIfAbsent(cell.errorCategory(), category -> zeroRow(types))
          .merge(cell.errorType(), cell.count(), Long::sum);
    }
    return rows;
  }

  private static Map<String, Long> zeroRow(TreeSet<String> types) {
    Map<String, Long> row = new TreeMap<>(CodePointOrder.INSTANCE);
    types.forEach(type -> row.put(type, 0L));
    return row;
  }

  /**
   * The conversion candidates of the report on {@code day}, in the report's order ({@code
   * conversion.candidates}), each with the sessions that qualified it.
   *
   * @param freeLearners what the port returned for {@link LearningPeriods#conversion()} of {@link
   *     #periods periods(day)}
   * @param offeredWithinCooldown the users with an offer sent in {@link
   *     LearningPeriods#offerCooldown()}
   */
  public List<QualifiedCandidate> conversionCandidates(
      ReportPeriod day, List<LearnerSessions> freeLearners, Set<String> offeredWithinCooldown) {
    requireNonNull(freeLearners, "freeLearners");
    requireNonNull(offeredWithinCooldown, "offeredWithinCooldown");
    return candidates(freeLearners, offeredWithinCooldown, periods(day).conversion());
  }

  private List<QualifiedCandidate> candidates(
      List<LearnerSessions> freeLearners, Set<String> offeredWithinCooldown, ReportPeriod window) {
    ConversionRule rule = config.conversionRule();
    ImmutableList.Builder<QualifiedCandidate> candidates = ImmutableList.builder();
    for (LearnerSessions learner : freeLearners) {
      PriorOffer prior =
          offeredWithinCooldown.contains(learner.userId())
              ? PriorOffer.SENT_WITHIN_COOLDOWN
              : PriorOffer.NONE;
      if (rule.evaluate(learner.sessions(), window, prior) instanceof ConversionOutcome.Qualified qualified) {
        candidates.add(
            new QualifiedCandidate(
                new ConversionCandidate(
                    learner.userId(),
                    learner.email(),
                    learner.englishLevel(),
                    qualified.sessions(),
                    qualified.avgScore(),
                    qualified.recommendation().name()),
                qualified));
      }
    }
    return candidates.build().stream()
        .sorted(comparing(QualifiedCandidate::candidate, CANDIDATE_ORDER))
        .toList();
  }

  private Conversion conversion(LearningActivity activity, ReportPeriod window) {
    List<ConversionCandidate> ordered =
        candidates(activity.freeLearners(), activity.offeredWithinCooldown(), window).stream()
            .map(QualifiedCandidate::candidate)
            .toList();
    return new Conversion(
        ordered,
        ordered.size(),
        config.offer().price(),
        config.offer().currencyCode(),
        config.offer().revenueFor(ordered.size()));
  }

  private InactiveUsersBlock inactiveUsers(LearningActivity activity, ZoneId zone) {
    List<InactiveUserFigures> users =
        activity.inactiveUsers().users().stream()
            .sorted(INACTIVE_ORDER)
            .limit(config.inactiveListLimit())
            .map(
                user ->
                    new InactiveUserFigures(
                        user.userId(), user.email(), user.role(), user.lastSession().atZone(zone).toOffsetDateTime()))
            .toList();
    return new InactiveUsersBlock(activity.inactiveUsers().count(), users);
  }

  private static OptionalDouble ratio(double numerator, long denominator) {
    return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of(numerator / denominator);
  }

  /** Running sums of one role, or of all roles. */
  private static final class Sums {
    long activeUsers;
    long sessions;
    double confidenceSum;
    long confidenceCount;
    long errorCountSum;
    long errorCountCount;

    void add(RoleEngagement role) {
      activeUsers += role.activeUsers();
      sessions += role.sessions();
      confidenceSum += role.confidenceSum();
      confidenceCount += role.confidenceCount();
      errorCountSum += role.errorCountSum();
      errorCountCount += role.errorCountCount();
    }

    void add(Sums other) {
      activeUsers += other.activeUsers;
      sessions += other.sessions;
      confidenceSum += other.confidenceSum;
      confidenceCount += other.confidenceCount;
      errorCountSum += other.errorCountSum;
      errorCountCount += other.errorCountCount;
    }

    EngagementFigures figures() {
      return new EngagementFigures(
          activeUsers,
          sessions,
          ratio(confidenceSum, confidenceCount),
          ratio(errorCountSum, errorCountCount),
          ratio(sessions, activeUsers));
    }
  }
}
