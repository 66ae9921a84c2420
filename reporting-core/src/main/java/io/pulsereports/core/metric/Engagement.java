package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import io.pulsereports.core.model.CodePointOrder;
import java.util.Map;

/** SPEC {@code engagement}: figures per users.role (keyed by role, code point order) and in total. */
public record Engagement(Map<String, EngagementFigures> byRole, EngagementFigures total) {

  public Engagement {
    byRole = ImmutableSortedMap.copyOf(requireNonNull(byRole, "byRole"), CodePointOrder.INSTANCE);
    requireNonNull(total, "total");
  }
}
