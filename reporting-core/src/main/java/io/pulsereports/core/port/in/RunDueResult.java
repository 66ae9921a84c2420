package io.pulsereports.core.port.in;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryStatus;
import java.util.List;

/** The deliveries one run of the worker attempted, as they stand afterwards. */
public record RunDueResult(List<Delivery> attempted) {

  public RunDueResult {
    attempted = List.copyOf(requireNonNull(attempted, "attempted"));
  }

  public long count(DeliveryStatus status) {
    return attempted.stream().filter(delivery -> delivery.status() == status).count();
  }
}
