package io.pulsereports.core.schedule;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.delivery.DeliveryId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The record a scheduled run leaves on its subscription: when it was due, when it ran, the period
 * it delivered (local dates, both inclusive), what became of it, the delivery it created (when the
 * report could be generated) and the reason of a failure.
 */
public record SubscriptionRun(
    Instant dueAt,
    Instant ranAt,
    LocalDate periodStart,
    LocalDate periodEnd,
    RunOutcome outcome,
    Optional<DeliveryId> deliveryId,
    Optional<String> error) {

  public SubscriptionRun {
    requireNonNull(dueAt, "dueAt");
    requireNonNull(ranAt, "ranAt");
    requireNonNull(periodStart, "periodStart");
    requireNonNull(periodEnd, "periodEnd");
    requireNonNull(outcome, "outcome");
    requireNonNull(deliveryId, "deliveryId");
    requireNonNull(error, "error");
  }
}
