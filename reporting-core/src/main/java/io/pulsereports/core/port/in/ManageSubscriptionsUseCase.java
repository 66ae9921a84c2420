package io.pulsereports.core.port.in;

import io.pulsereports.core.schedule.ScheduledRun;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.schedule.SubscriptionPage;
import io.pulsereports.core.schedule.SubscriptionQuery;
import java.util.List;
import java.util.Optional;

/**
 * Creates, reads, changes and removes subscriptions. Every write validates the whole
 * subscription first and stores nothing when a field is bad.
 *
 * <p>Errors are {@link io.pulsereports.core.InvalidReportRequestException}s naming the field
 * ({@code subscription_id} for an id that is malformed or unknown).
 */
public interface ManageSubscriptionsUseCase {

  /** Stores a new subscription; an active one is scheduled from now (nothing already due fires). */
  Subscription createSubscription(SubscriptionFields fields);

  /**
   * Replaces a subscription's configuration with {@code fields}. A changed schedule takes effect
   * from now: the next run is recomputed.
   */
  Subscription updateSubscription(String subscriptionId, SubscriptionFields fields);

  /** Stops a subscription's runs until it is resumed. Pausing a paused one changes nothing. */
  Subscription pauseSubscription(String subscriptionId);

  /** Runs a paused subscription again from its next run after now; periods missed while paused are not delivered. */
  Subscription resumeSubscription(String subscriptionId);

  /** Removes a subscription; its deliveries stay in the log. */
  void removeSubscription(String subscriptionId);

  Optional<Subscription> findSubscription(String subscriptionId);

  SubscriptionPage listSubscriptions(SubscriptionQuery query);

  /** The next {@code count} runs of an active subscription after now (none for a paused one). */
  List<ScheduledRun> nextRuns(Subscription subscription, int count);
}
