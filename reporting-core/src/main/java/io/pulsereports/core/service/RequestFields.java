package io.pulsereports.core.service;

import io.pulsereports.core.InvalidReportRequestException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Validation of the raw text fields the use cases share, with the same messages everywhere. */
final class RequestFields {

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
