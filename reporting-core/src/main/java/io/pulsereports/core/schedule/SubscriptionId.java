package io.pulsereports.core.schedule;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** The identity of a subscription. */
public record SubscriptionId(UUID value) {

  public SubscriptionId {
    requireNonNull(value, "value");
  }

  public static SubscriptionId of(String text) {
    return new SubscriptionId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
