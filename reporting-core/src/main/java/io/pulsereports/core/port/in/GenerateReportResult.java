package io.pulsereports.core.port.in;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.Report;

/** The generated report. */
public record GenerateReportResult(Report<?> report) {

  public GenerateReportResult {
    requireNonNull(report, "report");
  }
}
