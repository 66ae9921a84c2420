package io.pulsereports.core.delivery;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;

/** One page of deliveries and the number matching the query in all. */
public record DeliveryPage(List<Delivery> items, long total) {

  public DeliveryPage {
    items = List.copyOf(requireNonNull(items, "items"));
    checkArgument(total >= items.size(), "total %s is below the %s items", total, items.size());
  }
}
