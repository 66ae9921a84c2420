package io.pulsereports.persistence.jdbc;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on a real SQLite file whose conversion_triggers was made by hand: no key, no
 * constraint, BOOLEAN offer_sent; other clients write 'T'-separated text with an offset and
 * 'true'/'false'.
 */
class SqliteConversionTriggerRepositoryIT extends ConversionTriggerRepositoryContract {

  @TempDir static Path directory;

  @Override
  protected JdbcPersistence openDatabaseWithTable() throws Exception {
    JdbcPersistence persistence = openDatabaseWithoutTable();
    LearningActivityPortContract.createTables(persistence, "/conversion-triggers-sqlite.sql");
    return persistence;
  }

  @Override
  protected JdbcPersistence openDatabaseWithoutTable() {
    return JdbcPersistence.sqlite(directory.resolve(UUID.randomUUID() + ".db"));
  }

  @Override
  protected Argument timestamp(Instant value) {
    // Another form of the same instant: 'T', a fraction and an offset.
    String text = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'.000'xxx")
        .format(value.atOffset(java.time.ZoneOffset.ofHours(-5)));
    return (position, statement, context) -> statement.setString(position, text);
  }

  @Override
  protected Argument offerSent(boolean value) {
    return (position, statement, context) -> statement.setString(position, value ? "true" : "false");
  }

  @Override
  protected Argument json(String value) {
    return (position, statement, context) -> statement.setString(position, value);
  }
}
