package io.pulsereports.core.port.out;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryId;
import io.pulsereports.core.delivery.DeliveryPage;
import io.pulsereports.core.delivery.DeliveryQuery;
import io.pulsereports.core.delivery.Lease;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable delivery log (report_deliveries). Its guarantees are what make delivery
 * exactly-once in practice: a unique idempotency key, claims that only one worker can win, and
 * compare-and-set updates so a worker that lost its lease cannot overwrite the new owner's work.
 */
public interface DeliveryRepository {

  /**
   * Stores {@code delivery} unless one with the same idempotency key exists (under concurrency
   * too: the key is unique in the database). Returns the stored delivery: the new one, or the
   * existing one with {@code created} false.
   */
  Stored insertIfAbsent(Delivery delivery);

  /** The result of {@link #insertIfAbsent}. */
  record Stored(Delivery delivery, boolean created) {}

  Optional<Delivery> find(DeliveryId id);

  DeliveryPage list(DeliveryQuery query);

  /**
   * Claims up to {@code limit} deliveries that are due at {@code now}: pending or retrying with
   * next_attempt_at at or before now, or sending with a lease that ended at or before now (its
   * worker died). Each claimed delivery becomes sending under {@code lease} with its attempt count
   * increased by one. Parallel callers never claim the same delivery; oldest due first.
   */
  List<Delivery> claimDue(Instant now, Lease lease, int limit);

  /** Claims one delivery like {@link #claimDue}, if it is due at {@code now}. */
  Optional<Delivery> claim(DeliveryId id, Instant now, Lease lease);

  /**
   * Replaces the state of {@code expected} (status, recipients, attempts, next attempt, last error,
   * lease, updated_at, sent_at) with {@code updated}'s, only if the stored row still has {@code
   * expected}'s status, attempt count and lease owner. Returns false, changing nothing, when it
   * does not (another worker took the delivery over).
   */
  boolean compareAndSet(Delivery expected, Delivery updated);
}
