package io.pulsereports.core.port.in;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A report request as a user typed it (CLI options, HTTP fields): raw text, validated by the use
 * case so that every launcher reports bad input the same way, naming the field.
 */
public record GenerateReportCommand(
    String reportType,
    Optional<String> gymId,
    Optional<String> branchId,
    Optional<String> date,
    Optional<String> startDate,
    Optional<String> endDate,
    Optional<String> timezone) {

  public GenerateReportCommand {
    requireNonNull(reportType, "reportType");
    requireNonNull(gymId, "gymId");
    requireNonNull(branchId, "branchId");
    requireNonNull(date, "date");
    requireNonNull(startDate, "startDate");
    requireNonNull(endDate, "endDate");
    requireNonNull(timezone, "timezone");
  }

  public static Builder builder(String reportType) {
    return new Builder(reportType);
  }

  /** Fluent construction; a null value leaves the field absent, a blank one is validated (and refused). */
  public static final class Builder {
    private final String reportType;
    private Optional<String> gymId = Optional.empty();
    private Optional<String> branchId = Optional.empty();
    private Optional<String> date = Optional.empty();
    private Optional<String> startDate = Optional.empty();
    private Optional<String> endDate = Optional.empty();
    private Optional<String> timezone = Optional.empty();

    private Builder(String reportType) {
      this.reportType = requireNonNull(reportType, "reportType");
    }

    public Builder gymId(String value) {
      gymId = present(value);
      return this;
    }

    public Builder branchId(String value) {
      branchId = present(value);
      return this;
    }

    public Builder date(String value) {
      date = present(value);
      return this;
    }

    public Builder startDate(String value) {
      startDate = present(value);
      return this;
    }

    public Builder endDate(String value) {
      endDate = present(value);
      return this;
    }

    public Builder timezone(String value) {
      timezone = present(value);
      return this;
    }

    public GenerateReportCommand build() {
      return new GenerateReportCommand(reportType, gymId, branchId, date, startDate, endDate, timezone);
    }

    private static Optional<String> present(String value) {
      return Optional.ofNullable(value).map(String::strip);
    }
  }
}
