package io.pulsereports.core.port.out;

import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.schedule.SubscriptionId;
import io.pulsereports.core.schedule.SubscriptionPage;
import io.pulsereports.core.schedule.SubscriptionQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The subscriptions (report_subscriptions) and their schedule state. Claims work like the delivery
 * log's: only one scheduler instance wins a due subscription, and a lease that runs out (its
 * instance died) lets another take it over.
 */
public interface SubscriptionRepository {

  void insert(Subscription subscription);

  Optional<Subscription> find(SubscriptionId id);

  SubscriptionPage list(SubscriptionQuery query);

  /**
   * Replaces the configuration, {@code updated_at} and {@code next_run_at} of {@code expected}
   * with {@code updated}'s, only if the stored row's {@code updated_at} still equals {@code
   * expected}'s (nobody changed it meanwhile). The lease and the last run are left alone.
   */
  boolean update(Subscription expected, Subscription updated);

  /** Deletes a subscription; returns false when there was none. */
  boolean delete(SubscriptionId id);

  /** Whether a template with this id exists and is usable by {@code gymId} (its own or a shared one). */
  boolean templateExists(UUID templateId, Optional<UUID> gymId);

  /**
   * Up to {@code limit} active subscriptions without a next run (rows written by an earlier
   * version, or by hand), oldest first: the scheduler computes their next run.
   */
  List<Subscription> unscheduled(int limit);

  /**
   * Claims up to {@code limit} active subscriptions with {@code next_run_at} at or before {@code
   * now} whose lease is absent or ended at or before now, earliest due first, under {@code
   * lease}. Parallel callers never claim the same subscription.
   */
  List<Subscription> claimDue(Instant now, Lease lease, int limit);

  /**
   * Ends a run: writes {@code updated}'s last run and failed attempts and clears the lease, if the
   * row is still leased to {@code claimed}'s lease owner. Writes {@code updated}'s next run too,
   * unless the configuration changed since the claim ({@code updated_at} differs), in which case
   * the change already set it. Returns false, writing nothing, when the lease was lost.
   */
  boolean finishRun(Subscription claimed, Subscription updated);

  /** Clears the lease of a claimed subscription that was not run, if it is still ours. */
  boolean release(Subscription claimed);
}
