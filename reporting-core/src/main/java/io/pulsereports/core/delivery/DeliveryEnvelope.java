package io.pulsereports.core.delivery;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;

/**
 * What a deliverer needs to know about the delivery it sends, besides the content: its identity
 * and idempotency key (an email's Message-ID is derived from them, so a rare resend after a crash
 * is recognisable as the same message), and the subscription it belongs to (for unsubscribe links).
 */
public record DeliveryEnvelope(DeliveryId deliveryId, String idempotencyKey, Optional<UUID> subscriptionId) {

  public DeliveryEnvelope {
    requireNonNull(deliveryId, "deliveryId");
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(subscriptionId, "subscriptionId");
  }

  public static DeliveryEnvelope of(Delivery delivery) {
    return new DeliveryEnvelope(delivery.id(), delivery.idempotencyKey(), delivery.subscriptionId());
  }
}
