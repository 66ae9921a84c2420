package io.pulsereports.core.delivery;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of the delivery log: which report (type, scope, period in its time zone) goes to whom
 * through which channel, the report data as generated (the SPEC JSON, sent on every attempt so a
 * retry delivers exactly what was generated), and where the delivery stands.
 *
 * @param templateId the custom template the message is rendered with (a subscription's); empty for
 *     the built-in one, and when the template was deleted since
 * @param idempotencyKey unique in the log: the same key is never delivered twice
 * @param attemptCount the attempts started so far (a claim starts one)
 */
public record Delivery(
    DeliveryId id,
    Optional<UUID> subscriptionId,
    Optional<UUID> templateId,
    ReportType reportType,
    Optional<GymScope> scope,
    ReportPeriod period,
    DeliveryMethod method,
    List<RecipientOutcome> recipients,
    DeliveryStatus status,
    int attemptCount,
    Optional<Instant> nextAttemptAt,
    Optional<String> lastError,
    Optional<Lease> lease,
    String idempotencyKey,
    String reportData,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> sentAt) {

  public Delivery {
    requireNonNull(id, "id");
    requireNonNull(subscriptionId, "subscriptionId");
    requireNonNull(templateId, "templateId");
    requireNonNull(reportType, "reportType");
    requireNonNull(scope, "scope");
    requireNonNull(period, "period");
    requireNonNull(method, "method");
    recipients = List.copyOf(requireNonNull(recipients, "recipients"));
    requireNonNull(status, "status");
    checkArgument(
        recipients.isEmpty() == (status == DeliveryStatus.PREVIEW),
        "a preview has no recipients and every other delivery at least one (status %s, %s recipients)",
        status, recipients.size());
    checkArgument(attemptCount >= 0, "attemptCount %s is negative", attemptCount);
    requireNonNull(nextAttemptAt, "nextAttemptAt");
    requireNonNull(lastError, "lastError");
    requireNonNull(lease, "lease");
    requireNonNull(idempotencyKey, "idempotencyKey");
    requireNonNull(reportData, "reportData");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
    requireNonNull(sentAt, "sentAt");
  }

  /** A new pending delivery, due at {@code now}. */
  public static Delivery pending(
      DeliveryId id,
      Optional<UUID> subscriptionId,
      Optional<UUID> templateId,
      ReportType reportType,
      Optional<GymScope> scope,
      ReportPeriod period,
      DeliveryMethod method,
      List<String> recipients,
      String idempotencyKey,
      String reportData,
      Instant now) {
    return new Delivery(id, subscriptionId, templateId, reportType, scope, period, method,
        recipients.stream().map(RecipientOutcome::pending).toList(), DeliveryStatus.PENDING, 0,
        Optional.of(now), Optional.empty(), Optional.empty(), idempotencyKey, reportData, now, now,
        Optional.empty());
  }

  /** The same delivery with another state; the identity and the report never change. */
  /** A generated report kept for reading only: no recipients, never sent, nothing due. */
  public static Delivery preview(
      DeliveryId id,
      ReportType reportType,
      Optional<GymScope> scope,
      ReportPeriod period,
      DeliveryMethod method,
      String reportData,
      Instant now) {
    return new Delivery(id, Optional.empty(), Optional.empty(), reportType, scope, period, method, List.of(),
        DeliveryStatus.PREVIEW,
        0, Optional.empty(), Optional.empty(), Optional.empty(), "preview:" + id.value(), reportData, now, now,
        Optional.empty());
  }

  public Delivery withState(
      List<RecipientOutcome> recipients,
      DeliveryStatus status,
      int attemptCount,
      Optional<Instant> nextAttemptAt,
      Optional<String> lastError,
      Optional<Lease> lease,
      Instant updatedAt,
      Optional<Instant> sentAt) {
    return new Delivery(id, subscriptionId, templateId, reportType, scope, period, method, recipients, status,
        attemptCount, nextAttemptAt, lastError, lease, idempotencyKey, reportData, createdAt,
        updatedAt, sentAt);
  }
}
