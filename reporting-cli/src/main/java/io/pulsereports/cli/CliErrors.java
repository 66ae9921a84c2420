package io.pulsereports.cli;

import io.pulsereports.core.InvalidReportRequestException;
import java.util.Map;

/** One readable line for a failure, naming the option where there is one. */
final class CliErrors {

  /** Request fields as the CLI spells them. */
  private static final Map<String, String> OPTIONS =
      Map.of("report_type", "--type", "gym_id", "--gym-id", "branch_id", "--branch-id", "date", "--date",
          "start_date", "--start-date", "end_date", "--end-date", "timezone", "--timezone");

  private CliErrors() {}

  static boolean isBadInput(Exception exception) {
    return exception instanceof BadInputException || exception instanceof InvalidReportRequestException;
  }

  static String describe(Exception exception) {
    if (exception instanceof InvalidReportRequestException invalid) {
      return OPTIONS.getOrDefault(invalid.field(), invalid.field()) + ": " + invalid.problem();
    }
    StringBuilder message = new StringBuilder(String.valueOf(exception.getMessage()));
    Throwable cause = exception.getCause();
    // The root cause usually says what is wrong in the database ("no such table: leads").
    while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    if (cause != null && cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
      message.append(": ").append(cause.getMessage().lines().findFirst().orElse(""));
    }
    return message.toString();
  }
}
