package io.pulsereports.cli;

import io.pulsereports.core.InvalidReportRequestException;
import java.util.Map;

/** One readable line for a failure, naming the option where there is one. */
final class CliErrors {

  /** Request fields as the CLI spells them. */
  private static final Map<String, String> OPTIONS =
      Map.ofEntries(
          Map.entry("report_type", "--type"),
          Map.entry("gym_id", "--gym-id"),
          Map.entry("branch_id", "--branch-id"),
          Map.entry("date", "--date"),
          Map.entry("start_date", "--start-date"),
          Map.entry("end_date", "--end-date"),
          Map.entry("timezone", "--timezone"),
          Map.entry("recipients", "--recipients"),
          Map.entry("delivery_method", "--method"),
          Map.entry("idempotency_key", "--idempotency-key"),
          Map.entry("delivery_id", "ID"),
          Map.entry("subscription_id", "ID"),
          Map.entry("delivery_time", "--time"),
          Map.entry("delivery_days", "--days"),
          Map.entry("template_id", "--template-id"),
          Map.entry("name", "--name"),
          Map.entry("content", "--file"),
          Map.entry("subject", "--subject"),
          Map.entry("description", "--description"),
          Map.entry("token_id", "ID"));

  private CliErrors() {}

  static boolean isBadInput(Exception exception) {
    return exception instanceof BadInputException || exception instanceof InvalidReportRequestException;
  }

  static String describe(Exception exception) {
    if (exception instanceof InvalidReportRequestException invalid) {
      return OPTIONS.getOrDefault(invalid.field(), invalid.field()) + ": " + invalid.problem();
    }
    String message = firstLine(exception.getMessage());
    Throwable cause = exception.getCause();
    // The root cause usually says what is wrong in the database ("no such table: leads").
    while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String reason = cause == null ? "" : firstLine(cause.getMessage());
    if (!reason.isEmpty() && !message.contains(reason)) {
      message += ": " + reason;
    }
    if (message.startsWith("Could not connect to PostgreSQL")) {
      message += " (check the host, port and credentials in --db or REPORTING_DB_URL)";
    }
    return redact(message);
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.strip().lines().findFirst().orElse("");
  }

  /** Removes credentials a driver may echo back: user-info in a URL or host, password parameters. */
  static String redact(String text) {
    return text.replaceAll("//[^/@\\s]*@", "//")
        .replaceAll("[^\\s/:@]+:[^\\s/@]+@", "")
        .replaceAll("(?i)(password=)[^&;\\s]*", "$1***");
  }

}
