package io.pulsereports.core.metric;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** One of the most frequent mistakes: its 1-based rank, the triple, its frequency and share. */
public record TopMistake(
    int rank, String errorType, String errorCategory, Optional<String> errorText, long frequency, double pct) {

  public TopMistake {
    checkArgument(rank >= 1, "rank %s is below 1", rank);
    requireNonNull(errorType, "errorType");
    requireNonNull(errorCategory, "errorCategory");
    requireNonNull(errorText, "errorText");
    checkArgument(frequency >= 1, "frequency %s is below 1", frequency);
    checkArgument(pct > 0 && pct <= 1, "pct %s is outside (0, 1]", pct);
  }
}
