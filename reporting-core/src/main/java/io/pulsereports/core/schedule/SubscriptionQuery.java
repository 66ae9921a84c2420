package io.pulsereports.core.schedule;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A page of subscriptions, oldest first (created_at, then id), filtered by the gyms a caller may
 * see ({@code gymIds} empty: every gym; with gyms given, {@code withoutGym} adds the subscriptions
 * that have no gym, the learning reports'), by branch and by whether they are active.
 */
public record SubscriptionQuery(
    Optional<Set<UUID>> gymIds,
    boolean withoutGym,
    Optional<UUID> branchId,
    Optional<Boolean> active,
    int limit,
    int offset) {

  /** A query that, with gyms given, leaves out the subscriptions without a gym. */
  public SubscriptionQuery(
      Optional<Set<UUID>> gymIds, Optional<UUID> branchId, Optional<Boolean> active, int limit, int offset) {
    this(gymIds, false, branchId, active, limit, offset);
  }

  public static final int MAX_LIMIT = 500;

  public SubscriptionQuery {
    gymIds = requireNonNull(gymIds, "gymIds").map(Set::copyOf);
    requireNonNull(branchId, "branchId");
    requireNonNull(active, "active");
    checkArgument(limit >= 1 && limit <= MAX_LIMIT, "limit %s is outside 1..%s", limit, MAX_LIMIT);
    checkArgument(offset >= 0, "offset %s is negative", offset);
  }

  /** Every subscription, the first {@code limit}. */
  public static SubscriptionQuery all(int limit) {
    return new SubscriptionQuery(Optional.empty(), Optional.empty(), Optional.empty(), limit, 0);
  }
}
