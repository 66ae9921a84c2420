package io.pulsereports.persistence.jdbc;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jdbi.v3.core.argument.Argument;

/**
 * The contract on a real PostgreSQL whose lead tables use plain {@code timestamp} columns holding
 * UTC (a schema the user may already have), in sessions whose time zone is not UTC
 * (Asia/Tokyo, see the failsafe argLine). Ids are uuid, bound as in the timestamptz contract.
 */
class PostgresPlainTimestampLeadActivityIT extends PostgresLeadActivityIT {

  @Override
  protected JdbcPersistence openDatabaseWithLeadTables() throws Exception {
    JdbcPersistence persistence =
        JdbcPersistence.postgres(
            EmbeddedPostgresServer.newDatabase("contract_plain", "America/Los_Angeles"));
    String ddl;
    try (InputStream in = getClass().getResourceAsStream("/plain-timestamp-lead-tables.sql")) {
      ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    persistence.jdbi().useHandle(handle -> handle.createScript(ddl).execute());
    return persistence;
  }

  @Override
  protected Argument timestamp(Stamp value) {
    return value.asPlainTimestamp();
  }
}
