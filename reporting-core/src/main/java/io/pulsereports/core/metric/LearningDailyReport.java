package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.PeriodActivity;

/** The metric blocks of a learning engagement daily report (SPEC section 4). */
public record LearningDailyReport(
    LearningWindows windows,
    Engagement engagement,
    Mistakes mistakes,
    Conversion conversion,
    InactiveUsersBlock inactiveUsers) implements PeriodActivity {

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
}
