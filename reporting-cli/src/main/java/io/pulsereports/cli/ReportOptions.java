package io.pulsereports.cli;

import io.pulsereports.core.port.in.GenerateReportCommand;
import picocli.CommandLine.Option;

/** The options that name a report: its type, scope and period (shared by generate and send). */
final class ReportOptions {

  @Option(names = "--type", required = true, paramLabel = "TYPE", description = "daily | weekly | learning-daily")
  String type;

  @Option(names = "--gym-id", paramLabel = "UUID", description = "lead reports: the gym (required)")
  String gymId;

  @Option(names = "--branch-id", paramLabel = "UUID", description = "lead reports: one branch (default the whole gym)")
  String branchId;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "daily, learning-daily: the day (default yesterday); weekly: a day of the ISO week (default last week)")
  String date;

  @Option(names = "--start-date", paramLabel = "YYYY-MM-DD", description = "weekly: first day of an explicit range")
  String startDate;

  @Option(names = "--end-date", paramLabel = "YYYY-MM-DD", description = "weekly: last day of an explicit range (inclusive)")
  String endDate;

  @Option(names = "--timezone", paramLabel = "ZONE", description = "IANA time zone of the report's days and hours (default UTC)")
  String timezone;

  GenerateReportCommand command() {
    return GenerateReportCommand.builder(type)
        .gymId(gymId)
        .branchId(branchId)
        .date(date)
        .startDate(startDate)
        .endDate(endDate)
        .timezone(timezone)
        .build();
  }
}
