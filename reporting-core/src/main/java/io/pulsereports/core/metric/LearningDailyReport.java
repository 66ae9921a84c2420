package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

/** The metric blocks of a learning engagement daily report (SPEC section 4). */
public record LearningDailyReport(
    LearningWindows windows,
    Engagement engagement,
    Mistakes mistakes,
    Conversion conversion,
    InactiveUsersBlock inactiveUsers) {

  public LearningDailyReport {
    requireNonNull(windows, "windows");
    requireNonNull(engagement, "engagement");
    requireNonNull(mistakes, "mistakes");
    requireNonNull(conversion, "conversion");
    requireNonNull(inactiveUsers, "inactiveUsers");
  }
}
