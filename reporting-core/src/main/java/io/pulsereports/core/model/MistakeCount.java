package io.pulsereports.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * How often one (error_type, error_category, error_text) triple was detected in a window. A NULL
 * type or category in the source is reported as {@code unknown}; a NULL text stays absent.
 */
public record MistakeCount(String errorType, String errorCategory, Optional<String> errorText, long frequency) {

  public MistakeCount {
    requireNonNull(errorType, "errorType");
    requireNonNull(errorCategory, "errorCategory");
    requireNonNull(errorText, "errorText");
    checkArgument(frequency >= 1, "frequency %s is below 1", frequency);
  }
}
