package io.pulsereports.core;

import io.pulsereports.core.metric.DailyLeadReport;
import io.pulsereports.core.metric.LeadMetricsConfig;
import io.pulsereports.core.metric.LeadPerformanceCalculator;
import io.pulsereports.core.metric.WeeklyLeadReport;
import io.pulsereports.core.model.PeriodKind;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.out.LeadActivityPort;

/** The built-in lead performance report types, daily and weekly, as catalogue entries. */
public final class LeadReports {

  private LeadReports() {}

  public static ReportDefinition<DailyLeadReport> daily(LeadActivityPort port, LeadMetricsConfig config) {
    LeadPerformanceCalculator calculator = new LeadPerformanceCalculator(config);
    return new ReportDefinition<>(
        ReportType.DAILY,
        PeriodKind.DAY,
        true,
        request -> calculator.daily(port.loadLeadActivity(request.requiredScope(), request.period())));
  }

  public static ReportDefinition<WeeklyLeadReport> weekly(LeadActivityPort port, LeadMetricsConfig config) {
    LeadPerformanceCalculator calculator = new LeadPerformanceCalculator(config);
    return new ReportDefinition<>(
        ReportType.WEEKLY,
        PeriodKind.WEEK,
        true,
        request ->
            calculator.weekly(
                port.loadLeadActivity(request.requiredScope(), request.period()),
                port.loadLeadActivity(request.requiredScope(), request.period().previous()),
                request.period()));
  }
}
