package io.pulsereports.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The detected errors of a window: their total, the most frequent triples already ordered (frequency
 * descending, then error_type, error_category, error_text ascending by code point, absent text
 * first) and cut to the requested number, and every non-zero heatmap cell.
 */
public record MistakeActivity(long totalErrors, List<MistakeCount> top, List<HeatmapCell> heatmap) {

  public MistakeActivity {
    checkArgument(totalErrors >= 0, "totalErrors %s is negative", totalErrors);
    top = List.copyOf(requireNonNull(top, "top"));
    heatmap = List.copyOf(requireNonNull(heatmap, "heatmap"));
  }
}
