package io.pulsereports.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** How many leads were created on a local date that now have {@code status}. */
public record LeadCount(LocalDate createdDate, String status, long count) {

  public LeadCount {
    requireNonNull(createdDate, "createdDate");
    requireNonNull(status, "status");
    checkArgument(count >= 0, "count %s is negative", count);
  }
}
