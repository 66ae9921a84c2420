package io.pulsereports.persistence.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
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
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.argument.ObjectArgument;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * How a {@link Delivery} is written to and read from a report_deliveries row on one dialect.
 *
 * <ul>
 *   <li>Instants are kept to the microsecond (what PostgreSQL keeps; finer digits are dropped on
 *       both engines alike): timestamptz on PostgreSQL, bound as UTC offset date-times so the
 *       session time zone never matters; on SQLite fixed-width UTC text {@code
 *       YYYY-MM-DDTHH:MM:SS.ffffffZ}, so comparing and sorting the text compares the instants.
 *   <li>Ids: uuid on PostgreSQL, lower-case canonical text on SQLite ({@link
 *       Dialect#uuidParameter}).
 *   <li>Local dates: date on PostgreSQL, {@code YYYY-MM-DD} on SQLite.
 *   <li>JSON (recipients, recipient_outcomes, report_data): bound as text; on PostgreSQL as an
 *       untyped parameter, which the server reads as the json or jsonb of the target column (one
 *       SQL text for both engines, where a {@code CAST(… AS jsonb)} would mean something else on
 *       SQLite).
 * </ul>
 */
final class DeliveryColumns implements RowMapper<Delivery> {

  private static final DateTimeFormatter SQLITE_INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final Instant SQLITE_MIN = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant SQLITE_MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

  private final Dialect dialect;

  DeliveryColumns(Dialect dialect) {
    this.dialect = requireNonNull(dialect, "dialect");
  }

  /** Every column of the row, named as in delivery_insert.sql. */
  Map<String, Object> row(Delivery delivery) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id(delivery.id()));
    row.put("subscriptionId", delivery.subscriptionId().map(this::uuid).orElse(null));
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
    return dialect.uuidParameter(value);
  }

  /** An instant as bound, to the microsecond. */
  Object instant(Instant value) {
    Instant micros = value.truncatedTo(ChronoUnit.MICROS);
    if (dialect == Dialect.POSTGRESQL) {
      return new ObjectArgument(
          OffsetDateTime.ofInstant(micros, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
    checkArgument(
        !micros.isBefore(SQLITE_MIN) && !micros.isAfter(SQLITE_MAX),
        "instant %s is outside the years 0000-9999 that SQLite text timestamps sort",
        value);
    return SQLITE_INSTANT.format(micros);
  }

  private Object date(LocalDate value) {
    return dialect == Dialect.POSTGRESQL ? value : value.toString();
  }

  private Object json(String text) {
    return dialect == Dialect.POSTGRESQL ? new ObjectArgument(text, Types.OTHER) : text;
  }

  @Override
  public Delivery map(ResultSet rs, StatementContext ctx) throws SQLException {
    UUID id = readUuid(rs, "id");
    try {
      Optional<UUID> gymId = Optional.ofNullable(readUuid(rs, "gym_id"));
      Optional<UUID> branchId = Optional.ofNullable(readUuid(rs, "branch_id"));
      String lockedBy = rs.getString("locked_by");
      Instant lockedUntil = readInstant(rs, "locked_until");
      return new Delivery(
          new DeliveryId(id),
          Optional.ofNullable(readUuid(rs, "subscription_id")),
          new ReportType(rs.getString("report_type")),
          gymId.map(gym -> new GymScope(gym, branchId)),
          new ReportPeriod(
              readDate(rs, "period_start"),
              readDate(rs, "period_end"),
              ZoneId.of(rs.getString("timezone"))),
          code(DeliveryMethod.fromCode(rs.getString("delivery_method")), "delivery_method"),
          RecipientsJson.readOutcomes(rs.getString("recipient_outcomes")),
          code(DeliveryStatus.fromCode(rs.getString("status")), "status"),
          rs.getInt("attempt_count"),
          Optional.ofNullable(readInstant(rs, "next_attempt_at")),
          Optional.ofNullable(rs.getString("last_error")),
          lockedBy == null || lockedUntil == null
              ? Optional.empty()
              : Optional.of(new Lease(lockedBy, lockedUntil)),
          rs.getString("idempotency_key"),
          requireNonNull(rs.getString("report_data"), "report_data is null"),
          readInstant(rs, "created_at"),
          readInstant(rs, "updated_at"),
          Optional.ofNullable(readInstant(rs, "sent_at")));
    } catch (RuntimeException e) {
      throw new PersistenceException(
          "Delivery " + id + " in report_deliveries cannot be read: " + e.getMessage(), e);
    }
  }

  private static <T> T code(Optional<T> value, String column) {
    return value.orElseThrow(() -> new IllegalArgumentException("unknown " + column));
  }

  private UUID readUuid(ResultSet rs, String column) throws SQLException {
    if (dialect == Dialect.POSTGRESQL) {
      return rs.getObject(column, UUID.class);
    }
    String text = rs.getString(column);
    return text == null ? null : UUID.fromString(text);
  }

  private Instant readInstant(ResultSet rs, String column) throws SQLException {
    if (dialect == Dialect.POSTGRESQL) {
      OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
      return value == null ? null : value.toInstant();
    }
    String text = rs.getString(column);
    return text == null ? null : Instant.parse(text);
  }

  private LocalDate readDate(ResultSet rs, String column) throws SQLException {
    if (dialect == Dialect.POSTGRESQL) {
      return rs.getObject(column, LocalDate.class);
    }
    return LocalDate.parse(rs.getString(column));
  }
}
