package io.pulsereports.persistence.jdbc;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryId;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.DeliveryStatus;
import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.delivery.RecipientOutcome;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Deliveries for the repository tests: {@code aDelivery()…build()}, pending and due at NOW. */
final class DeliveryFixture {

  static final Instant NOW = Instant.parse("2026-03-09T07:00:00.123456Z");
  static final UUID GYM_A = UUID.fromString("aaaaaaaa-0000-4000-8000-000000000001");
  static final UUID GYM_B = UUID.fromString("bbbbbbbb-0000-4000-8000-000000000002");
  static final UUID GYM_C = UUID.fromString("cccccccc-0000-4000-8000-000000000003");
  static final UUID BRANCH_1 = UUID.fromString("11111111-0000-4000-8000-000000000001");
  static final UUID BRANCH_2 = UUID.fromString("22222222-0000-4000-8000-000000000002");

  private DeliveryId id = new DeliveryId(UUID.randomUUID());
  private Optional<UUID> subscriptionId = Optional.empty();
  private Optional<UUID> templateId = Optional.empty();
  private ReportType reportType = ReportType.DAILY;
  private Optional<GymScope> scope = Optional.of(GymScope.branch(GYM_A, BRANCH_1));
  private ReportPeriod period = ReportPeriod.day(LocalDate.of(2026, 3, 8), ZoneOffset.UTC);
  private DeliveryMethod method = DeliveryMethod.EMAIL;
  private List<RecipientOutcome> recipients = List.of(RecipientOutcome.pending("ops@example.com"));
  private DeliveryStatus status = DeliveryStatus.PENDING;
  private int attemptCount;
  private Optional<Instant> nextAttemptAt = Optional.of(NOW);
  private Optional<String> lastError = Optional.empty();
  private Optional<Lease> lease = Optional.empty();
  private String idempotencyKey = "key-" + id;
  private String reportData = "{\"report_type\":\"daily\"}";
  private Instant createdAt = NOW;
  private Instant updatedAt = NOW;
  private Optional<Instant> sentAt = Optional.empty();

  private DeliveryFixture() {}

  static DeliveryFixture aDelivery() {
    return new DeliveryFixture();
  }

  DeliveryFixture id(DeliveryId value) {
    id = value;
    return this;
  }

  DeliveryFixture subscription(UUID value) {
    subscriptionId = Optional.of(value);
    return this;
  }

  DeliveryFixture template(UUID value) {
    templateId = Optional.of(value);
    return this;
  }

  DeliveryFixture reportType(ReportType value) {
    reportType = value;
    return this;
  }

  DeliveryFixture scope(Optional<GymScope> value) {
    scope = value;
    return this;
  }

  DeliveryFixture gym(UUID gym) {
    scope = Optional.of(GymScope.wholeGym(gym));
    return this;
  }

  DeliveryFixture branch(UUID gym, UUID branch) {
    scope = Optional.of(GymScope.branch(gym, branch));
    return this;
  }

  DeliveryFixture period(ReportPeriod value) {
    period = value;
    return this;
  }

  DeliveryFixture method(DeliveryMethod value) {
    method = value;
    return this;
  }

  DeliveryFixture recipients(RecipientOutcome... values) {
    recipients = List.of(values);
    return this;
  }

  DeliveryFixture status(DeliveryStatus value) {
    status = value;
    return this;
  }

  DeliveryFixture attempts(int value) {
    attemptCount = value;
    return this;
  }

  DeliveryFixture dueAt(Instant value) {
    nextAttemptAt = Optional.of(value);
    return this;
  }

  DeliveryFixture notScheduled() {
    nextAttemptAt = Optional.empty();
    return this;
  }

  DeliveryFixture lastError(String value) {
    lastError = Optional.of(value);
    return this;
  }

  /** Sending under {@code owner}'s lease until {@code until}, one attempt started. */
  DeliveryFixture sendingUnder(String owner, Instant until) {
    status = DeliveryStatus.SENDING;
    attemptCount = Math.max(attemptCount, 1);
    lease = Optional.of(new Lease(owner, until));
    return this;
  }

  DeliveryFixture key(String value) {
    idempotencyKey = value;
    return this;
  }

  DeliveryFixture reportData(String value) {
    reportData = value;
    return this;
  }

  DeliveryFixture createdAt(Instant value) {
    createdAt = value;
    updatedAt = value;
    return this;
  }

  DeliveryFixture updatedAt(Instant value) {
    updatedAt = value;
    return this;
  }

  DeliveryFixture sentAt(Instant value) {
    sentAt = Optional.of(value);
    return this;
  }

  Delivery build() {
    return new Delivery(id, subscriptionId, templateId, reportType, scope, period, method, recipients, status,
        attemptCount, nextAttemptAt, lastError, lease, idempotencyKey, reportData, createdAt,
        updatedAt, sentAt);
  }

  static Lease leaseOf(String owner, Duration length) {
    return new Lease(owner, NOW.plus(length));
  }
}
