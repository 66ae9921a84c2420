package io.pulsereports.persistence.jdbc;

import static io.pulsereports.persistence.jdbc.StateColumns.code;
import static java.util.Objects.requireNonNull;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryId;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.DeliveryStatus;
import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * How a {@link Delivery} is written to and read from a report_deliveries row on one dialect: the
 * values as {@link StateColumns} binds and reads them (instants to the microsecond, fixed-width
 * UTC text on SQLite); the JSON columns recipients, recipient_outcomes and report_data as text.
 */
final class DeliveryColumns implements RowMapper<Delivery> {

  private final StateColumns values;

  DeliveryColumns(Dialect dialect) {
    this.values = new StateColumns(requireNonNull(dialect, "dialect"));
  }

  /** Every column of the row, named as in delivery_insert.sql. */
  Map<String, Object> row(Delivery delivery) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id(delivery.id()));
    row.put("subscriptionId", delivery.subscriptionId().map(this::uuid).orElse(null));
    row.put("templateId", delivery.templateId().map(this::uuid).orElse(null));
    row.put("gymId", delivery.scope().map(scope -> uuid(scope.gymId())).orElse(null));
    row.put(
        "branchId",
        delivery.scope().flatMap(GymScope::branchId).map(this::uuid).orElse(null));
    row.put("reportType", delivery.reportType().name());
    row.put("periodStart", date(delivery.period().startDate()));
    row.put("periodEnd", date(delivery.period().endDate()));
    row.put("timezone", delivery.period().zone().getId());
    row.put("deliveryMethod", delivery.method().code());
    row.put("idempotencyKey", delivery.idempotencyKey());
    row.put("reportData", json(delivery.reportData()));
    row.put("createdAt", instant(delivery.createdAt()));
    row.putAll(state(delivery));
    return row;
  }

  /** The columns that make a delivery's state, the ones compareAndSet replaces. */
  Map<String, Object> state(Delivery delivery) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("recipients", json(RecipientsJson.addresses(delivery.recipients())));
    state.put("recipientOutcomes", json(RecipientsJson.outcomes(delivery.recipients())));
    state.put("status", delivery.status().code());
    state.put("attemptCount", delivery.attemptCount());
    state.put("nextAttemptAt", delivery.nextAttemptAt().map(this::instant).orElse(null));
    state.put("lastError", delivery.lastError().orElse(null));
    state.put("lockedBy", delivery.lease().map(Lease::owner).orElse(null));
    state.put("lockedUntil", delivery.lease().map(lease -> instant(lease.until())).orElse(null));
    state.put("updatedAt", instant(delivery.updatedAt()));
    state.put("sentAt", delivery.sentAt().map(this::instant).orElse(null));
    return state;
  }

  Object id(DeliveryId id) {
    return uuid(id.value());
  }

  Object uuid(UUID value) {
    return values.uuid(value);
  }

  /** See {@link StateColumns#gymIn}. */
  String gymIn(Set<UUID> gyms, boolean withoutGym, Map<String, Object> parameters) {
    return values.gymIn(gyms, withoutGym, parameters);
  }

  /** An instant as bound, to the microsecond. */
  Object instant(Instant value) {
    return values.instant(value);
  }

  private Object date(LocalDate value) {
    return values.date(value);
  }

  private Object json(String text) {
    return values.json(text);
  }

  @Override
  public Delivery map(ResultSet rs, StatementContext ctx) throws SQLException {
    UUID id = values.readUuid(rs, "id");
    try {
      Optional<UUID> gymId = Optional.ofNullable(values.readUuid(rs, "gym_id"));
      Optional<UUID> branchId = Optional.ofNullable(values.readUuid(rs, "branch_id"));
      String lockedBy = rs.getString("locked_by");
      Instant lockedUntil = values.readInstant(rs, "locked_until");
      return new Delivery(
          new DeliveryId(id),
          Optional.ofNullable(values.readUuid(rs, "subscription_id")),
          Optional.ofNullable(values.readUuid(rs, "template_id")),
          new ReportType(rs.getString("report_type")),
          gymId.map(gym -> new GymScope(gym, branchId)),
          new ReportPeriod(
              values.readDate(rs, "period_start"),
              values.readDate(rs, "period_end"),
              ZoneId.of(rs.getString("timezone"))),
          code(DeliveryMethod.fromCode(rs.getString("delivery_method")), "delivery_method"),
          RecipientsJson.readOutcomes(rs.getString("recipient_outcomes")),
          code(DeliveryStatus.fromCode(rs.getString("status")), "status"),
          rs.getInt("attempt_count"),
          Optional.ofNullable(values.readInstant(rs, "next_attempt_at")),
          Optional.ofNullable(rs.getString("last_error")),
          lockedBy == null || lockedUntil == null
              ? Optional.empty()
              : Optional.of(new Lease(lockedBy, lockedUntil)),
          rs.getString("idempotency_key"),
          requireNonNull(rs.getString("report_data"), "report_data is null"),
          values.readInstant(rs, "created_at"),
          values.readInstant(rs, "updated_at"),
          Optional.ofNullable(values.readInstant(rs, "sent_at")));
    } catch (RuntimeException e) {
      throw new PersistenceException(
          "Delivery " + id + " in report_deliveries cannot be read: " + e.getMessage(), e);
    }
  }
}
