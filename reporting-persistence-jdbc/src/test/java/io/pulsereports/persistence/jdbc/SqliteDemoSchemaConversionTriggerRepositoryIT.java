package io.pulsereports.persistence.jdbc;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on the demo schema's conversion_triggers on SQLite: trigger_id primary key, NOT
 * NULL columns, offer_sent INTEGER 0/1 with a CHECK; instants as 'YYYY-MM-DD HH:MM:SS' UTC text.
 */
class SqliteDemoSchemaConversionTriggerRepositoryIT extends ConversionTriggerRepositoryContract {

  @TempDir static Path directory;

  @Override
  protected JdbcPersistence openDatabaseWithTable() {
    JdbcPersistence persistence = openDatabaseWithoutTable();
    persistence.installDemoSchema();
    return persistence;
  }

  @Override
  protected JdbcPersistence openDatabaseWithoutTable() {
    return JdbcPersistence.sqlite(directory.resolve(UUID.randomUUID() + ".db"));
  }

  @Override
  protected Argument timestamp(Instant value) {
    String text = value.toString().replace('T', ' ').replace("Z", "");
    return (position, statement, context) -> statement.setString(position, text);
  }

  @Override
  protected Argument offerSent(boolean value) {
    return (position, statement, context) -> statement.setInt(position, value ? 1 : 0);
  }

  @Override
  protected Argument json(String value) {
    return (position, statement, context) -> statement.setString(position, value);
  }
}
