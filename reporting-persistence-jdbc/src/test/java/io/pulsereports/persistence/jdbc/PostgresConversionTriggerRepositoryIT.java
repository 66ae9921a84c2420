package io.pulsereports.persistence.jdbc;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.argument.Argument;

/**
 * The contract on a real PostgreSQL whose conversion_triggers was made by hand (no key, jsonb,
 * timestamptz, boolean), in a database with a linguistic default collation and sessions whose time
 * zone is not UTC.
 */
class PostgresConversionTriggerRepositoryIT extends ConversionTriggerRepositoryContract {

  @Override
  protected JdbcPersistence openDatabaseWithTable() throws Exception {
    JdbcPersistence persistence = openDatabaseWithoutTable();
    LearningActivityPortContract.createTables(persistence, tableScript());
    return persistence;
  }

  protected String tableScript() {
    return "/conversion-triggers-postgresql.sql";
  }

  @Override
  protected JdbcPersistence openDatabaseWithoutTable() {
    return JdbcPersistence.postgres(EmbeddedPostgresServer.newLinguisticDatabase("triggers", "Asia/Tokyo"));
  }

  @Override
  protected Argument timestamp(Instant value) {
    return (position, statement, context) ->
        statement.setObject(position, OffsetDateTime.ofInstant(value, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
  }

  @Override
  protected Argument offerSent(boolean value) {
    return (position, statement, context) -> statement.setBoolean(position, value);
  }

  @Override
  protected Argument json(String value) {
    // Into jsonb: text of an unspecified type. "not json" is stored as a JSON string.
    String stored = value == null || value.startsWith("[") || value.startsWith("{") ? value : "\"" + value + "\"";
    return (position, statement, context) -> {
      if (stored == null) {
        statement.setNull(position, Types.OTHER);
      } else {
        statement.setObject(position, stored, Types.OTHER);
      }
    };
  }
}
