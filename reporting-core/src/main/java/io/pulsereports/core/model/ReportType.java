package io.pulsereports.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** The name of a report type, such as {@code daily}: lower-case letters, digits and dashes. */
public record ReportType(String name) {

  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  public static final ReportType DAILY = new ReportType("daily");
  public static final ReportType WEEKLY = new ReportType("weekly");
  public static final ReportType LEARNING_DAILY = new ReportType("learning-daily");

  public ReportType {
    requireNonNull(name, "name");
    checkArgument(VALID.matcher(name).matches(), "report type name '%s' must match %s", name, VALID);
  }

  @Override
  public String toString() {
    return name;
  }
}
