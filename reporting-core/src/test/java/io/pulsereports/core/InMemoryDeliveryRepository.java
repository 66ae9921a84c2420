package io.pulsereports.core;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryId;
import io.pulsereports.core.delivery.DeliveryPage;
import io.pulsereports.core.delivery.DeliveryQuery;
import io.pulsereports.core.delivery.DeliveryStatus;
import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.port.out.DeliveryRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The delivery log in a map, with the claim and compare-and-set rules of the real one. */
final class InMemoryDeliveryRepository implements DeliveryRepository {

  private final Map<DeliveryId, Delivery> deliveries = new LinkedHashMap<>();

  @Override
  public synchronized Stored insertIfAbsent(Delivery delivery) {
    for (Delivery existing : deliveries.values()) {
      if (existing.idempotencyKey().equals(delivery.idempotencyKey())) {
        return new Stored(existing, false);
      }
    }
    deliveries.put(delivery.id(), delivery);
    return new Stored(delivery, true);
  }

  @Override
  public synchronized Optional<Delivery> find(DeliveryId id) {
    return Optional.ofNullable(deliveries.get(id));
  }

  @Override
  public synchronized DeliveryPage list(DeliveryQuery query) {
    List<Delivery> matching =
        deliveries.values().stream()
            .filter(d -> query.status().map(s -> s == d.status()).orElse(true))
            .sorted(Comparator.comparing(Delivery::createdAt).reversed())
            .toList();
    List<Delivery> page =
        matching.stream().skip(query.offset()).limit(query.limit()).toList();
    return new DeliveryPage(page, matching.size());
  }

  @Override
  public synchronized List<Delivery> claimDue(Instant now, Lease lease, int limit) {
    List<Delivery> claimed = new ArrayList<>();
    for (Delivery delivery : List.copyOf(deliveries.values())) {
      if (claimed.size() < limit && isDue(delivery, now)) {
        claimed.add(claimNow(delivery, now, lease));
      }
    }
    return claimed;
  }

  @Override
  public synchronized Optional<Delivery> claim(DeliveryId id, Instant now, Lease lease) {
    return find(id).filter(d -> isDue(d, now)).map(d -> claimNow(d, now, lease));
  }

  @Override
  public synchronized boolean compareAndSet(Delivery expected, Delivery updated) {
    Delivery stored = deliveries.get(expected.id());
    if (stored == null
        || stored.status() != expected.status()
        || stored.attemptCount() != expected.attemptCount()
        || !Objects.equals(stored.lease().map(Lease::owner), expected.lease().map(Lease::owner))) {
      return false;
    }
    deliveries.put(updated.id(), updated);
    return true;
  }

  /** Lets a test play a worker that crashed while sending. */
  synchronized void put(Delivery delivery) {
    deliveries.put(delivery.id(), delivery);
  }

  synchronized List<Delivery> all() {
    return List.copyOf(deliveries.values());
  }

  private static boolean isDue(Delivery delivery, Instant now) {
    return switch (delivery.status()) {
      case PENDING, RETRYING -> delivery.nextAttemptAt().map(at -> !at.isAfter(now)).orElse(false);
      case SENDING -> delivery.lease().map(lease -> !lease.until().isAfter(now)).orElse(true);
      default -> false;
    };
  }

  private Delivery claimNow(Delivery delivery, Instant now, Lease lease) {
    Delivery claimed =
        delivery.withState(delivery.recipients(), DeliveryStatus.SENDING, delivery.attemptCount() + 1,
            delivery.nextAttemptAt(), delivery.lastError(), Optional.of(lease), now, delivery.sentAt());
    deliveries.put(claimed.id(), claimed);
    return claimed;
  }
}
