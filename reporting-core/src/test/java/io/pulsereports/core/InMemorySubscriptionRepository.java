package io.pulsereports.core;

import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.port.out.SubscriptionRepository;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.schedule.SubscriptionId;
import io.pulsereports.core.schedule.SubscriptionPage;
import io.pulsereports.core.schedule.SubscriptionQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The subscription repository's contract, in memory, for the core's tests. */
final class InMemorySubscriptionRepository implements SubscriptionRepository {

  private final Map<SubscriptionId, Subscription> subscriptions = new LinkedHashMap<>();
  final Set<UUID> templates = new java.util.HashSet<>();

  @Override
  public synchronized void insert(Subscription subscription) {
    if (subscriptions.putIfAbsent(subscription.id(), subscription) != null) {
      throw new IllegalStateException("duplicate id " + subscription.id());
    }
  }

  @Override
  public synchronized Optional<Subscription> find(SubscriptionId id) {
    return Optional.ofNullable(subscriptions.get(id));
  }

  @Override
  public synchronized SubscriptionPage list(SubscriptionQuery query) {
    List<Subscription> matching = subscriptions.values().stream()
        .filter(s -> query.gymIds().map(gyms -> s.scope().map(scope -> gyms.contains(scope.gymId())).orElse(false))
            .orElse(true))
        .filter(s -> query.active().map(active -> s.active() == active).orElse(true))
        .sorted(Comparator.comparing(Subscription::createdAt).thenComparing(s -> s.id().toString()))
        .toList();
    return new SubscriptionPage(
        matching.stream().skip(query.offset()).limit(query.limit()).toList(), matching.size());
  }

  @Override
  public synchronized boolean update(Subscription expected, Subscription updated) {
    Subscription stored = subscriptions.get(expected.id());
    if (stored == null || !stored.updatedAt().equals(expected.updatedAt())) {
      return false;
    }
    subscriptions.put(expected.id(), new Subscription(updated.id(), updated.name(), updated.reportType(),
        updated.scope(), updated.method(), updated.recipients(), updated.schedule(), updated.templateId(),
        updated.active(), updated.skipIfEmpty(), stored.createdAt(), updated.updatedAt(), updated.nextRunAt(),
        stored.failedAttempts(), stored.lastRun(), stored.lease()));
    return true;
  }

  @Override
  public synchronized boolean delete(SubscriptionId id) {
    return subscriptions.remove(id) != null;
  }

  @Override
  public synchronized boolean templateExists(UUID templateId, Optional<UUID> gymId) {
    return templates.contains(templateId);
  }

  @Override
  public synchronized List<Subscription> unscheduled(int limit) {
    return subscriptions.values().stream().filter(s -> s.active() && s.nextRunAt().isEmpty()).limit(limit).toList();
  }

  /** As a row written by an earlier version: active, with no next run. */
  synchronized void forgetNextRun(Subscription subscription) {
    Subscription stored = subscriptions.get(subscription.id());
    subscriptions.put(stored.id(), stored.withRunState(Optional.empty(), 0, stored.lastRun(), stored.lease()));
  }

  @Override
  public synchronized List<Subscription> claimDue(Instant now, Lease lease, int limit) {
    List<Subscription> claimed = new ArrayList<>();
    subscriptions.values().stream()
        .filter(s -> s.active() && s.nextRunAt().map(next -> !next.isAfter(now)).orElse(false))
        .filter(s -> s.lease().map(held -> !held.until().isAfter(now)).orElse(true))
        .sorted(Comparator.comparing((Subscription s) -> s.nextRunAt().orElseThrow()))
        .limit(limit)
        .toList()
        .forEach(s -> {
          Subscription leased = s.withRunState(s.nextRunAt(), s.failedAttempts(), s.lastRun(), Optional.of(lease));
          subscriptions.put(s.id(), leased);
          claimed.add(leased);
        });
    return claimed;
  }

  @Override
  public synchronized boolean finishRun(Subscription claimed, Subscription updated) {
    Subscription stored = subscriptions.get(claimed.id());
    if (stored == null || !stored.lease().map(Lease::owner).equals(claimed.lease().map(Lease::owner))) {
      return false;
    }
    boolean unchanged = stored.updatedAt().equals(claimed.updatedAt());
    subscriptions.put(claimed.id(), stored.withRunState(unchanged ? updated.nextRunAt() : stored.nextRunAt(),
        updated.failedAttempts(), updated.lastRun(), Optional.empty()));
    return true;
  }

  @Override
  public synchronized boolean release(Subscription claimed) {
    Subscription stored = subscriptions.get(claimed.id());
    if (stored == null || !stored.lease().map(Lease::owner).equals(claimed.lease().map(Lease::owner))) {
      return false;
    }
    subscriptions.put(claimed.id(),
        stored.withRunState(stored.nextRunAt(), stored.failedAttempts(), stored.lastRun(), Optional.empty()));
    return true;
  }

  synchronized List<Subscription> all() {
    return List.copyOf(subscriptions.values());
  }
}
