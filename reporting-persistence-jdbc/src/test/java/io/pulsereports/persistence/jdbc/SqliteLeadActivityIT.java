package io.pulsereports.persistence.jdbc;

import java.nio.file.Path;
import java.sql.Types;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a real SQLite file with the demo schema; timestamps as mixed ISO text. */
class SqliteLeadActivityIT extends LeadActivityPortContract {

  @TempDir static Path directory;

  @Override
  protected JdbcPersistence openDatabaseWithLeadTables() {
    JdbcPersistence persistence = JdbcPersistence.sqlite(directory.resolve("reports.db"));
    persistence.installDemoSchema();
    return persistence;
  }

  @Override
  protected Argument uuid(UUID value) {
    return (position, statement, context) -> {
      if (value == null) {
        statement.setNull(position, Types.VARCHAR);
      } else {
        statement.setString(position, value.toString());
      }
    };
  }

  @Override
  protected Argument timestamp(Stamp value) {
    return value.asText();
  }
}
