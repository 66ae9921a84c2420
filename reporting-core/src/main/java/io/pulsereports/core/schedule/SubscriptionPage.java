package io.pulsereports.core.schedule;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;

/** One page of subscriptions and the number matching the query in all. */
public record SubscriptionPage(List<Subscription> items, long total) {

  public SubscriptionPage {
    items = List.copyOf(requireNonNull(items, "items"));
    checkArgument(total >= items.size(), "total %s is below the %s items", total, items.size());
  }
}
