package io.pulsereports.core.metric;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import io.pulsereports.core.model.CodePointOrder;
import java.util.List;
import java.util.Map;

/**
 * SPEC {@code mistakes}: the window's total, the top mistakes, and the heatmap keyed by
 * error_category then error_type (both in code point order), with a 0 for every error_type that
 * occurs in the window.
 */
public record Mistakes(long totalErrors, List<TopMistake> top, Map<String, Map<String, Long>> heatmap) {

  public Mistakes {
    checkArgument(totalErrors >= 0, "totalErrors %s is negative", totalErrors);
    top = List.copyOf(requireNonNull(top, "top"));
    ImmutableSortedMap.Builder<String, Map<String, Long>> rows =
        ImmutableSortedMap.orderedBy(CodePointOrder.INSTANCE);
    requireNonNull(heatmap, "heatmap")
        .forEach((category, row) -> rows.put(category, ImmutableSortedMap.copyOf(row, CodePointOrder.INSTANCE)));
    heatmap = rows.build();
  }
}
