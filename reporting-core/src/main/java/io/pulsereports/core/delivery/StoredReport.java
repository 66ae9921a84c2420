package io.pulsereports.core.delivery;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.ReportType;

/** A report as the delivery log keeps it: its type and its report data (the SPEC JSON document). */
public record StoredReport(ReportType type, String reportData) {

  public StoredReport {
    requireNonNull(type, "type");
    requireNonNull(reportData, "reportData");
  }
}
