package io.pulsereports.core.service;

import com.google.common.collect.ImmutableMap;
import io.pulsereports.core.ReportDefinition;
import java.util.UUID;
import java.util.regex.Pattern;
import io.pulsereports.core.InvalidReportRequestException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Validation of the raw text fields the use cases share, with the same messages everywhere. */
final class RequestFields {

  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private RequestFields() {}

  /** The IANA zone named {@code timezone} (field {@code timezone}), UTC when absent. */
  static ZoneId zone(Optional<String> timezone) {
    if (timezone.isEmpty()) {
      return ZoneId.of("UTC");
    }
    String name = timezone.get();
    try {
      // Region ids (America/New_York) and UTC; a bare offset such as +02:00 has no DST rules a
      // business period could follow, but is a valid fixed zone.
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw new InvalidReportRequestException(
          "timezone", "unknown time zone '" + name + "' (use an IANA name such as America/New_York)");
    }
  }

  /** A UUID in its canonical text form (surrounding blanks ignored), named {@code field} in errors. */
  static UUID uuid(String field, String value) {
    if (value == null || !UUID_TEXT.matcher(value.strip()).matches()) {
      throw new InvalidReportRequestException(field, "'" + value + "' is not a UUID");
    }
    return UUID.fromString(value.strip());
  }

  /** A text field that must be given and not blank, stripped. */
  static String required(String field, Optional<String> value) {
    return value.map(String::strip).filter(text -> !text.isEmpty())
        .orElseThrow(() -> new InvalidReportRequestException(field, "required"));
  }

  /** The registered definition of {@code reportType} (field {@code report_type}). */
  static ReportDefinition<?> definition(ImmutableMap<String, ReportDefinition<?>> catalogue, String reportType) {
    ReportDefinition<?> definition = catalogue.get(reportType);
    if (definition == null) {
      throw new InvalidReportRequestException(
          "report_type",
          "unknown report type '" + reportType + "' (known: " + String.join(", ", catalogue.keySet()) + ")");
    }
    return definition;
  }

  /** A YYYY-MM-DD date of the years 0001 to 9999. */
  static LocalDate date(String field, String value) {
    LocalDate date;
    try {
      date = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidReportRequestException(field, "'" + value + "' is not a date (expected YYYY-MM-DD)");
    }
    if (date.getYear() < 1 || date.getYear() > 9999) {
      throw new InvalidReportRequestException(field, "'" + value + "' is outside the years 0001 to 9999");
    }
    return date;
  }
}
