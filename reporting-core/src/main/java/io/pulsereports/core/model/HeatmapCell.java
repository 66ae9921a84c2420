package io.pulsereports.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/** The detected errors of one error_category × error_type pair in a window (never zero). */
public record HeatmapCell(String errorCategory, String errorType, long count) {

  public HeatmapCell {
    requireNonNull(errorCategory, "errorCategory");
    requireNonNull(errorType, "errorType");
    checkArgument(count >= 1, "count %s is below 1", count);
  }
}
