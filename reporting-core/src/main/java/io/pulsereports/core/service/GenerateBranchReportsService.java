package io.pulsereports.core.service;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.pulsereports.core.InvalidReportRequestException;
import io.pulsereports.core.ReportDefinition;
import io.pulsereports.core.metric.LeadMetricsConfig;
import io.pulsereports.core.metric.LeadPerformanceCalculator;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportRequest;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.in.GenerateBranchReportsResult;
import io.pulsereports.core.port.in.GenerateBranchReportsUseCase;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.core.port.out.BranchActivityPort;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The daily or weekly report of every branch with activity, from one grouped read per period
 * ({@link BranchActivityPort}) and the same calculator as a single report, so each branch's report
 * equals the one generated for that branch alone.
 */
final class GenerateBranchReportsService implements GenerateBranchReportsUseCase {

  private static final Comparator<GymScope> SCOPE_ORDER =
      Comparator.comparing((GymScope s) -> s.gymId().toString())
          .thenComparing(s -> s.branchId().map(Object::toString).orElse(""));

  private final ImmutableMap<String, ReportDefinition<?>> catalogue;
  private final GenerateReportService periods;
  private final BranchActivityPort port;
  private final LeadPerformanceCalculator calculator;
  private final Clock clock;

  GenerateBranchReportsService(
      ImmutableMap<String, ReportDefinition<?>> catalogue,
      GenerateReportService periods,
      BranchActivityPort port,
      LeadMetricsConfig config,
      Clock clock) {
    this.catalogue = requireNonNull(catalogue, "catalogue");
    this.periods = requireNonNull(periods, "periods");
    this.port = requireNonNull(port, "port");
    this.calculator = new LeadPerformanceCalculator(requireNonNull(config, "config"));
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public GenerateBranchReportsResult generateEveryBranch(GenerateReportCommand command) {
    ReportDefinition<?> definition = RequestFields.definition(catalogue, command.reportType());
    ReportType type = definition.type();
    if (!type.equals(ReportType.DAILY) && !type.equals(ReportType.WEEKLY)) {
      throw new InvalidReportRequestException(
          "report_type", "every branch at once is for daily and weekly reports, not " + type);
    }
    if (command.gymId().isPresent() || command.branchId().isPresent()) {
      String field = command.gymId().isPresent() ? "gym_id" : "branch_id";
      throw new InvalidReportRequestException(field, "not used when generating every branch's report");
    }
    ReportPeriod period = periods.period(definition, command);
    Map<GymScope, LeadActivity> current = port.loadEveryBranch(period);
    Instant generatedAt = clock.instant();
    List<Report<?>> reports = new ArrayList<>();
    if (type.equals(ReportType.DAILY)) {
      current.forEach((scope, activity) ->
          reports.add(new Report<>(request(type, scope, period), generatedAt, calculator.daily(activity))));
    } else {
      Map<GymScope, LeadActivity> previous = port.loadEveryBranch(period.previous());
      TreeSet<GymScope> scopes = new TreeSet<>(SCOPE_ORDER);
      scopes.addAll(current.keySet());
      scopes.addAll(previous.keySet());
      for (GymScope scope : scopes) {
        reports.add(new Report<>(request(type, scope, period), generatedAt, calculator.weekly(
            current.getOrDefault(scope, LeadActivity.empty()),
            previous.getOrDefault(scope, LeadActivity.empty()),
            period)));
      }
    }
    return new GenerateBranchReportsResult(reports);
  }

  private static ReportRequest request(ReportType type, GymScope scope, ReportPeriod period) {
    return new ReportRequest(type, Optional.of(scope), period);
  }
}
