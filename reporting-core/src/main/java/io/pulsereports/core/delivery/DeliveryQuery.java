package io.pulsereports.core.delivery;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.ReportType;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A page of the delivery log, newest first (created_at descending, then id), filtered by status,
 * report type, branch, the gyms a caller may see, and a created_at range [createdFrom, createdTo).
 * {@code gymIds} empty means no gym filter (a caller who sees every gym); with gyms given, {@code
 * withoutGym} adds the deliveries that have no gym (learning reports) for a caller who sees those.
 */
public record DeliveryQuery(
    Optional<DeliveryStatus> status,
    Optional<ReportType> reportType,
    Optional<UUID> branchId,
    Optional<Set<UUID>> gymIds,
    Optional<Instant> createdFrom,
    Optional<Instant> createdTo,
    boolean withoutGym,
    int limit,
    int offset) {

  public static final int MAX_LIMIT = 500;

  /** A query that, with gyms given, leaves out the deliveries without a gym. */
  public DeliveryQuery(
      Optional<DeliveryStatus> status,
      Optional<ReportType> reportType,
      Optional<UUID> branchId,
      Optional<Set<UUID>> gymIds,
      Optional<Instant> createdFrom,
      Optional<Instant> createdTo,
      int limit,
      int offset) {
    this(status, reportType, branchId, gymIds, createdFrom, createdTo, false, limit, offset);
  }

  public DeliveryQuery {
    requireNonNull(status, "status");
    requireNonNull(reportType, "reportType");
    requireNonNull(branchId, "branchId");
    gymIds = requireNonNull(gymIds, "gymIds").map(Set::copyOf);
    requireNonNull(createdFrom, "createdFrom");
    requireNonNull(createdTo, "createdTo");
    checkArgument(limit >= 1 && limit <= MAX_LIMIT, "limit %s is outside 1..%s", limit, MAX_LIMIT);
    checkArgument(offset >= 0, "offset %s is negative", offset);
  }

  /** Every delivery, the first {@code limit}. */
  public static DeliveryQuery latest(int limit) {
    return new DeliveryQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), limit, 0);
  }
}
