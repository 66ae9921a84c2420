package io.pulsereports.persistence.jdbc;

import static io.pulsereports.persistence.jdbc.DeliveryFixture.BRANCH_1;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.GYM_A;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.NOW;

import io.pulsereports.core.delivery.DeliveryId;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.schedule.DeliverySchedule;
import io.pulsereports.core.schedule.RunOutcome;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.schedule.SubscriptionId;
import io.pulsereports.core.schedule.SubscriptionRun;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Subscriptions for the repository tests: {@code aSubscription()…build()}, a daily report of
 * branch 1 of gym A by email at 07:00 UTC, active and due at NOW (see {@link DeliveryFixture} for
 * NOW and the gyms).
 */
final class SubscriptionFixture {

  static final LocalTime SEVEN = LocalTime.of(7, 0);

  private SubscriptionId id = new SubscriptionId(UUID.randomUUID());
  private Optional<String> name = Optional.empty();
  private ReportType reportType = ReportType.DAILY;
  private Optional<GymScope> scope = Optional.of(GymScope.branch(GYM_A, BRANCH_1));
  private DeliveryMethod method = DeliveryMethod.EMAIL;
  private List<String> recipients = List.of("ops@example.com");
  private DeliverySchedule schedule = DeliverySchedule.daily(SEVEN, ZoneOffset.UTC);
  private Optional<UUID> templateId = Optional.empty();
  private boolean active = true;
  private boolean skipIfEmpty;
  private Instant createdAt = NOW;
  private Instant updatedAt = NOW;
  private Optional<Instant> nextRunAt = Optional.of(NOW);
  private int failedAttempts;
  private Optional<SubscriptionRun> lastRun = Optional.empty();
  private Optional<Lease> lease = Optional.empty();

  private SubscriptionFixture() {}

  static SubscriptionFixture aSubscription() {
    return new SubscriptionFixture();
  }

  SubscriptionFixture id(SubscriptionId value) {
    id = value;
    return this;
  }

  SubscriptionFixture name(String value) {
    name = Optional.of(value);
    return this;
  }

  /** The report type and a schedule of its kind: weekly on Mondays, daily every day (07:00 UTC). */
  SubscriptionFixture reportType(ReportType value) {
    reportType = value;
    schedule =
        ReportType.WEEKLY.equals(value)
            ? DeliverySchedule.weekly(SEVEN, Set.of(DayOfWeek.MONDAY), ZoneOffset.UTC)
            : DeliverySchedule.daily(SEVEN, ZoneOffset.UTC);
    return this;
  }

  SubscriptionFixture scope(Optional<GymScope> value) {
    scope = value;
    return this;
  }

  SubscriptionFixture gym(UUID gym) {
    scope = Optional.of(GymScope.wholeGym(gym));
    return this;
  }

  SubscriptionFixture branch(UUID gym, UUID branch) {
    scope = Optional.of(GymScope.branch(gym, branch));
    return this;
  }

  SubscriptionFixture method(DeliveryMethod value) {
    method = value;
    return this;
  }

  SubscriptionFixture recipients(String... values) {
    recipients = List.of(values);
    return this;
  }

  SubscriptionFixture schedule(DeliverySchedule value) {
    schedule = value;
    return this;
  }

  SubscriptionFixture template(UUID value) {
    templateId = Optional.of(value);
    return this;
  }

  SubscriptionFixture paused() {
    active = false;
    return this;
  }

  SubscriptionFixture skipIfEmpty() {
    skipIfEmpty = true;
    return this;
  }

  SubscriptionFixture createdAt(Instant value) {
    createdAt = value;
    updatedAt = value;
    return this;
  }

  SubscriptionFixture updatedAt(Instant value) {
    updatedAt = value;
    return this;
  }

  SubscriptionFixture dueAt(Instant value) {
    nextRunAt = Optional.of(value);
    return this;
  }

  SubscriptionFixture notScheduled() {
    nextRunAt = Optional.empty();
    return this;
  }

  SubscriptionFixture failedAttempts(int value) {
    failedAttempts = value;
    return this;
  }

  SubscriptionFixture lastRun(SubscriptionRun value) {
    lastRun = Optional.of(value);
    return this;
  }

  SubscriptionFixture leasedTo(String owner, Instant until) {
    lease = Optional.of(new Lease(owner, until));
    return this;
  }

  Subscription build() {
    return new Subscription(id, name, reportType, scope, method, recipients, schedule, templateId,
        active, skipIfEmpty, createdAt, updatedAt, nextRunAt, failedAttempts, lastRun, lease);
  }

  /** A run of the day before NOW's, due at 07:00 UTC on NOW's day, with the given outcome. */
  static SubscriptionRun run(
      RunOutcome outcome, Optional<DeliveryId> delivery, Optional<String> error) {
    LocalDate day = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    return new SubscriptionRun(
        day.atTime(SEVEN).toInstant(ZoneOffset.UTC), NOW, day.minusDays(1), day.minusDays(1),
        outcome, delivery, error);
  }
}
