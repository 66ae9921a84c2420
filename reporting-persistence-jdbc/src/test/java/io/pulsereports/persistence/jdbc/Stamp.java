package io.pulsereports.persistence.jdbc;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import org.jdbi.v3.core.argument.Argument;

/**
 * A fixture timestamp written as SQLite would hold it (space or 'T', fractions, 'Z' or offset
 * suffixes); {@link #instant()} is its meaning (no suffix = UTC), which PostgreSQL stores.
 */
record Stamp(String text) {

  Instant instant() {
    TemporalAccessor parsed =
        DateTimeFormatter.ISO_DATE_TIME.parseBest(
            text.replace(' ', 'T'), OffsetDateTime::from, LocalDateTime::from);
    return parsed instanceof OffsetDateTime odt
        ? odt.toInstant()
        : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
  }

  /** SQLite: the text as written. */
  Argument asText() {
    return (position, statement, context) -> statement.setString(position, text);
  }

  /** PostgreSQL timestamptz. */
  Argument asTimestamptz() {
    return (position, statement, context) ->
        statement.setObject(
            position,
            OffsetDateTime.ofInstant(instant(), ZoneOffset.UTC),
            Types.TIMESTAMP_WITH_TIMEZONE);
  }

  /** PostgreSQL timestamp without time zone, holding UTC. */
  Argument asPlainTimestamp() {
    return (position, statement, context) ->
        statement.setObject(position, LocalDateTime.ofInstant(instant(), ZoneOffset.UTC));
  }
}
