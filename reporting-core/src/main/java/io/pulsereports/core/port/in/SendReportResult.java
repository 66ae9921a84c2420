package io.pulsereports.core.port.in;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.delivery.Delivery;

/**
 * The delivery as it stands after the first attempt; when {@code duplicate} is true the request
 * had already been delivered (or is being delivered) and nothing new was generated or sent.
 */
public record SendReportResult(Delivery delivery, boolean duplicate) {

  public SendReportResult {
    requireNonNull(delivery, "delivery");
  }
}
