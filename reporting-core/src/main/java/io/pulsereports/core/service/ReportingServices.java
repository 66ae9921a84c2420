package io.pulsereports.core.service;

import com.google.common.collect.ImmutableMap;
import io.pulsereports.core.ReportDefinition;
import io.pulsereports.core.port.in.GenerateReportUseCase;
import java.time.Clock;

/** Builds the use case services. Called by the {@code Reporting} facade only. */
public final class ReportingServices {

  private ReportingServices() {}

  public static GenerateReportUseCase generateReport(
      ImmutableMap<String, ReportDefinition<?>> catalogue, Clock clock, int maxRangeDays) {
    return new GenerateReportService(catalogue, clock, maxRangeDays);
  }
}
