package io.pulsereports.persistence.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.argument.ObjectArgument;

/**
 * How the values of Pulse Reports' own state tables (the state migrations: report_deliveries,
 * report_subscriptions, report_templates, api_tokens) are bound and read on one dialect; {@link
 * DeliveryColumns}, {@link SubscriptionColumns}, {@link TemplateColumns} and {@link TokenColumns}
 * map their rows with it.
 *
 * <ul>
 *   <li>Instants are kept to the microsecond (what PostgreSQL keeps; finer digits are dropped on
 *       both engines alike): timestamptz on PostgreSQL, bound as UTC offset date-times so the
 *       session time zone never matters; on SQLite fixed-width UTC text {@code
 *       YYYY-MM-DDTHH:MM:SS.ffffffZ}, so comparing and sorting the text compares the instants.
 *   <li>Ids: uuid on PostgreSQL, lower-case canonical text on SQLite ({@link
 *       Dialect#uuidParameter}).
 *   <li>Local dates: date on PostgreSQL, {@code YYYY-MM-DD} on SQLite.
 *   <li>JSON: bound as text; on PostgreSQL as an untyped parameter, which the server reads as the
 *       json or jsonb of the target column (one SQL text for both engines, where a {@code CAST(… AS
 *       jsonb)} would mean something else on SQLite).
 * </ul>
 */
final class StateColumns {

  private static final DateTimeFormatter SQLITE_INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final Instant SQLITE_MIN = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant SQLITE_MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

  private final Dialect dialect;

  StateColumns(Dialect dialect) {
    this.dialect = requireNonNull(dialect, "dialect");
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

  Object date(LocalDate value) {
    return dialect == Dialect.POSTGRESQL ? value : value.toString();
  }

  Object json(String text) {
    return dialect == Dialect.POSTGRESQL ? new ObjectArgument(text, Types.OTHER) : text;
  }

  /**
   * The condition that a row's {@code gym_id} is one of {@code gyms}, putting their values into
   * {@code parameters} as {@code gym0}, {@code gym1}…, or, with {@code withoutGym}, that the row
   * has no gym. A caller scoped to no gym sees only the rows without one (if any).
   */
  String gymIn(Set<UUID> gyms, boolean withoutGym, Map<String, Object> parameters) {
    List<String> names = new ArrayList<>();
    for (UUID gym : gyms.stream().sorted().toList()) {
      String name = "gym" + names.size();
      names.add(":" + name);
      parameters.put(name, uuid(gym));
    }
    String inGyms = names.isEmpty() ? "1 = 0" : "gym_id IN (" + String.join(", ", names) + ")";
    return withoutGym ? "(gym_id IS NULL OR " + inGyms + ")" : inGyms;
  }

  UUID readUuid(ResultSet rs, String column) throws SQLException {
    if (dialect == Dialect.POSTGRESQL) {
      return rs.getObject(column, UUID.class);
    }
    String text = rs.getString(column);
    return text == null ? null : UUID.fromString(text);
  }

  Instant readInstant(ResultSet rs, String column) throws SQLException {
    if (dialect == Dialect.POSTGRESQL) {
      OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
      return value == null ? null : value.toInstant();
    }
    String text = rs.getString(column);
    return text == null ? null : Instant.parse(text);
  }

  LocalDate readDate(ResultSet rs, String column) throws SQLException {
    if (dialect == Dialect.POSTGRESQL) {
      return rs.getObject(column, LocalDate.class);
    }
    String text = rs.getString(column);
    return text == null ? null : LocalDate.parse(text);
  }

  /** A stored code's value, or an error naming the column (never the unknown text). */
  static <T> T code(Optional<T> value, String column) {
    return value.orElseThrow(() -> new IllegalArgumentException("unknown " + column));
  }
}
