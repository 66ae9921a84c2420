package io.pulsereports.core;

import io.pulsereports.core.metric.LearningDailyReport;
import io.pulsereports.core.metric.LearningEngagementCalculator;
import io.pulsereports.core.metric.LearningMetricsConfig;
import io.pulsereports.core.metric.LearningPeriods;
import io.pulsereports.core.model.LearningActivity;
import io.pulsereports.core.model.PeriodKind;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.out.LearningActivityPort;

/** The built-in learning engagement report type, {@code learning-daily}, as a catalogue entry. */
public final class LearningReports {

  private LearningReports() {}

  /**
   * One local date, not scoped to a gym: engagement by role, the mistakes heatmap, conversion
   * candidates and inactive users, each over its own window ending with that date.
   */
  public static ReportDefinition<LearningDailyReport> daily(LearningActivityPort port, LearningMetricsConfig config) {
    LearningEngagementCalculator calculator = new LearningEngagementCalculator(config);
    return new ReportDefinition<>(
        ReportType.LEARNING_DAILY,
        PeriodKind.DAY,
        false,
        request -> {
          LearningPeriods periods = calculator.periods(request.period());
          return calculator.daily(request.period(), load(port, periods, config));
        });
  }

  private static LearningActivity load(LearningActivityPort port, LearningPeriods periods, LearningMetricsConfig config) {
    return new LearningActivity(
        port.engagementByRole(periods.engagement()),
        port.mistakes(periods.mistakes(), config.topMistakes()),
        port.freeLearnerSessions(periods.conversion()),
        port.usersOfferedIn(periods.offerCooldown()),
        port.inactiveUsers(periods.inactivity(), config.inactiveListLimit()));
  }
}
