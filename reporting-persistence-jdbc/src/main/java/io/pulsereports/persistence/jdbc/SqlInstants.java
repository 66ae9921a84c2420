package io.pulsereports.persistence.jdbc;

import static com.google.common.base.Preconditions.checkArgument;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import org.jdbi.v3.core.argument.ObjectArgument;

/**
 * How instants meet SQL on each dialect: the bounds of a half-open window as named parameters,
 * and instants read back from a result.
 *
 * <p>PostgreSQL: bounds are timestamptz; statements run with {@code SET LOCAL TIME ZONE 'UTC'}
 * (see {@link ReadTransactions}), so plain {@code timestamp} columns compare as UTC, and instants
 * are selected as {@code CAST(column AS timestamptz)}.
 *
 * <p>SQLite: instants are ISO-8601 text, {@code YYYY-MM-DD HH:MM:SS} with an optional fraction,
 * optional 'T' and optional offset suffix. A column is range-filtered by a coarse, index-friendly
 * date-prefix range ({@code :coarseFrom}, {@code :coarseTo}: one day wider than the window on the
 * left and two on the right, which covers every form and offset suffix), then compared exactly as
 * an instant with {@code datetime(column)}, which normalises the forms and offsets to UTC
 * {@code 'YYYY-MM-DD HH:MM:SS'}. datetime() truncates the fraction, which is exact because every
 * bound is a whole second.
 */
final class SqlInstants {

  private static final DateTimeFormatter SQLITE_INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /** The ISO-8601 text forms SQLite's date functions read: space or 'T', optional fraction and offset. */
  private static final DateTimeFormatter SQLITE_TEXT =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendPattern("[' ']['T']")
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .toFormatter();

  private SqlInstants() {}

  /**
   * Puts the bounds of [{@code from}, {@code to}) as {@code from<suffix>} and {@code to<suffix>},
   * and on SQLite the coarse text bounds {@code coarseFrom<suffix>} and {@code coarseTo<suffix>}.
   */
  static void putRange(
      Map<String, Object> parameters, Dialect dialect, Instant from, Instant to, String suffix) {
    checkArgument(
        from.getNano() == 0 && to.getNano() == 0,
        "period bounds %s and %s must be whole seconds",
        from,
        to);
    if (dialect == Dialect.SQLITE) {
      parameters.put("coarseFrom" + suffix, sqliteTextLowerBound(from));
      // Any ISO text of an instant before `to` starts with a date before the UTC date of `to`
      // plus two days (an offset suffix moves the written date by at most one day).
      parameters.put(
          "coarseTo" + suffix, LocalDate.ofInstant(to, ZoneOffset.UTC).plusDays(2).toString());
      parameters.put("from" + suffix, SQLITE_INSTANT.format(from));
      parameters.put("to" + suffix, SQLITE_INSTANT.format(to));
    } else {
      parameters.put("from" + suffix, timestamptz(from));
      parameters.put("to" + suffix, timestamptz(to));
    }
  }

  /**
   * SQLite: a date text that every ISO text of an instant at or after {@code instant} is at least
   * (the UTC date minus one day); text below it is surely an instant before {@code instant}.
   */
  static String sqliteTextLowerBound(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).minusDays(1).toString();
  }

  /**
   * The instant in {@code column}: on PostgreSQL a timestamptz (select plain timestamps as {@code
   * CAST(column AS timestamptz)} under the UTC session zone); on SQLite ISO-8601 text, read
   * exactly (fraction and offset suffix included), without a suffix as UTC.
   */
  static Instant read(ResultSet rs, String column, Dialect dialect) throws SQLException {
    if (dialect == Dialect.POSTGRESQL) {
      return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
    return parseSqliteText(rs.getString(column));
  }

  static Instant parseSqliteText(String text) {
    try {
      TemporalAccessor parsed =
          SQLITE_TEXT.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      if (parsed instanceof OffsetDateTime offsetDateTime) {
        return offsetDateTime.toInstant();
      }
      if (parsed instanceof LocalDateTime localDateTime) {
        return localDateTime.toInstant(ZoneOffset.UTC);
      }
      return ((LocalDate) parsed).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new PersistenceException("Not an ISO-8601 timestamp: '" + text + "'", e);
    }
  }

  static ObjectArgument timestamptz(Instant instant) {
    return new ObjectArgument(
        OffsetDateTime.ofInstant(instant, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
  }
}
