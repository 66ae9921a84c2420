package io.pulsereports.core.delivery;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** The identity of a delivery in the delivery log. */
public record DeliveryId(UUID value) {

  public DeliveryId {
    requireNonNull(value, "value");
  }

  public static DeliveryId of(String text) {
    return new DeliveryId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
