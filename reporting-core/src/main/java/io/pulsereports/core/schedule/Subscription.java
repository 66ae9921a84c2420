package io.pulsereports.core.schedule;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.ReportType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A standing order for a report: which report (type, scope), to whom (channel, recipients), when
 * (its {@link DeliverySchedule}, in its own time zone), and where its schedule stands.
 *
 * <p>The configuration changes only through the management use case, which bumps {@code
 * updatedAt}; the run state ({@code nextRunAt}, {@code failedAttempts}, {@code lastRun}, {@code
 * lease}) changes only through the scheduler.
 *
 * @param nextRunAt when the scheduler next runs it; empty while paused
 * @param failedAttempts consecutive failures to generate the due run's report (reset by a run)
 * @param lease the scheduler instance running it right now, if any
 */
public record Subscription(
    SubscriptionId id,
    Optional<String> name,
    ReportType reportType,
    Optional<GymScope> scope,
    DeliveryMethod method,
    List<String> recipients,
    DeliverySchedule schedule,
    Optional<UUID> templateId,
    boolean active,
    boolean skipIfEmpty,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> nextRunAt,
    int failedAttempts,
    Optional<SubscriptionRun> lastRun,
    Optional<Lease> lease) {

  public Subscription {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(reportType, "reportType");
    requireNonNull(scope, "scope");
    requireNonNull(method, "method");
    recipients = List.copyOf(requireNonNull(recipients, "recipients"));
    checkArgument(!recipients.isEmpty(), "a subscription needs at least one recipient");
    requireNonNull(schedule, "schedule");
    requireNonNull(templateId, "templateId");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
    requireNonNull(nextRunAt, "nextRunAt");
    checkArgument(failedAttempts >= 0, "failedAttempts %s is negative", failedAttempts);
    requireNonNull(lastRun, "lastRun");
    requireNonNull(lease, "lease");
  }

  /** The same subscription with another run state; its configuration and updatedAt stay. */
  public Subscription withRunState(
      Optional<Instant> nextRunAt, int failedAttempts, Optional<SubscriptionRun> lastRun, Optional<Lease> lease) {
    return new Subscription(id, name, reportType, scope, method, recipients, schedule, templateId, active,
        skipIfEmpty, createdAt, updatedAt, nextRunAt, failedAttempts, lastRun, lease);
  }
}
