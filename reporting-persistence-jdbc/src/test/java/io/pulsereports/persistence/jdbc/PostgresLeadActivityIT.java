package io.pulsereports.persistence.jdbc;

import java.sql.Types;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;

/**
 * The contract on a real PostgreSQL with the demo schema (uuid ids, timestamptz columns), in a
 * session whose time zone is not UTC (Asia/Tokyo, see the failsafe argLine).
 */
class PostgresLeadActivityIT extends LeadActivityPortContract {

  @Override
  protected JdbcPersistence openDatabaseWithLeadTables() throws Exception {
    JdbcPersistence persistence =
        JdbcPersistence.postgres(EmbeddedPostgresServer.newDatabase("contract_tz", "Asia/Tokyo"));
    persistence.installDemoSchema();
    return persistence;
  }

  @Override
  protected Argument uuid(UUID value) {
    return (position, statement, context) -> {
      if (value == null) {
        statement.setNull(position, Types.OTHER);
      } else {
        statement.setObject(position, value);
      }
    };
  }

  @Override
  protected Argument timestamp(Stamp value) {
    return value.asTimestamptz();
  }
}
