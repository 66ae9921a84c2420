package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.Anonymizable;
import io.pulsereports.core.model.PeriodActivity;
import io.pulsereports.core.model.Pseudonyms;

/** The metric blocks of a learning engagement daily report (SPEC section 4). */
public record LearningDailyReport(
    LearningWindows windows,
    Engagement engagement,
    Mistakes mistakes,
    Conversion conversion,
    InactiveUsersBlock inactiveUsers) implements PeriodActivity, Anonymizable<LearningDailyReport> {

  public LearningDailyReport {
    requireNonNull(windows, "windows");
    requireNonNull(engagement, "engagement");
    requireNonNull(mistakes, "mistakes");
    requireNonNull(conversion, "conversion");
    requireNonNull(inactiveUsers, "inactiveUsers");
  }

  /** Whether anything happened in the period (used to skip empty deliveries). */
  @Override
  public boolean hasActivity() {
    return engagement.total().sessions() > 0 || mistakes.totalErrors() > 0;
  }

  /** User ids and emails of candidates and inactive users replaced by keyed pseudonyms. */
  @Override
  public LearningDailyReport anonymized(Pseudonyms pseudonyms) {
    Conversion anonymousConversion =
        new Conversion(
            conversion.candidates().stream()
                .map(c -> new ConversionCandidate(pseudonyms.userId(c.userId()), c.email().map(pseudonyms::email),
                    c.englishLevel(), c.sessions(), c.avgScore(), c.recommendation()))
                .toList(),
            conversion.candidateCount(),
            conversion.offerPrice(),
            conversion.currency(),
            conversion.revenuePotential());
    InactiveUsersBlock anonymousInactive =
        new InactiveUsersBlock(
            inactiveUsers.count(),
            inactiveUsers.users().stream()
                .map(u -> new InactiveUserFigures(pseudonyms.userId(u.userId()), u.email().map(pseudonyms::email),
                    u.role(), u.lastSession()))
                .toList());
    return new LearningDailyReport(windows, engagement, mistakes, anonymousConversion, anonymousInactive);
  }
}
