package io.pulsereports.core.port.in;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.Report;
import java.util.List;

/**
 * One report per branch with activity in the period (leads created, leads converted or calls),
 * ordered by gym id, then branch id. Branches without any activity have no rows to be found by, and
 * so no report.
 */
public record GenerateBranchReportsResult(List<Report<?>> reports) {

  public GenerateBranchReportsResult {
    reports = List.copyOf(requireNonNull(reports, "reports"));
  }
}
