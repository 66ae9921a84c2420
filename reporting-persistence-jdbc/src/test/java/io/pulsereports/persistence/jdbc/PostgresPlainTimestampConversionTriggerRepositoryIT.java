package io.pulsereports.persistence.jdbc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.argument.Argument;

/**
 * The contract on a PostgreSQL conversion_triggers with a timestamp WITHOUT time zone holding UTC
 * and text columns for the JSON and offer_sent (a schema a user may already have), in sessions
 * whose time zone is not UTC.
 */
class PostgresPlainTimestampConversionTriggerRepositoryIT extends PostgresConversionTriggerRepositoryIT {

  @Override
  protected String tableScript() {
    return "/conversion-triggers-plain-timestamp.sql";
  }

  @Override
  protected JdbcPersistence openDatabaseWithoutTable() {
    return JdbcPersistence.postgres(EmbeddedPostgresServer.newLinguisticDatabase("triggers_plain", "America/Los_Angeles"));
  }

  @Override
  protected Argument timestamp(Instant value) {
    return (position, statement, context) -> statement.setObject(position, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
  }

  @Override
  protected Argument offerSent(boolean value) {
    return (position, statement, context) -> statement.setString(position, value ? "t" : "f");
  }

  @Override
  protected Argument json(String value) {
    return (position, statement, context) -> statement.setString(position, value);
  }
}
