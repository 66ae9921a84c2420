package io.pulsereports.persistence.jdbc;

import java.nio.file.Path;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on a real SQLite file whose learning tables were made by hand (no indexes, NOCASE
 * text columns); timestamps as mixed ISO text, offer_sent as different clients write it.
 */
class SqliteLearningActivityIT extends LearningActivityPortContract {

  @TempDir static Path directory;

  @Override
  protected JdbcPersistence openEmptyDatabase() {
    return JdbcPersistence.sqlite(directory.resolve(UUID.randomUUID() + ".db"));
  }

  @Override
  protected String learningTablesScript() {
    return "/learning-tables-sqlite.sql";
  }

  @Override
  protected String conversionTriggersScript() {
    return "/conversion-triggers-sqlite.sql";
  }

  @Override
  protected Argument timestamp(Stamp value) {
    return value.asText();
  }

  @Override
  protected Argument offerSent(Object value) {
    // As is: 1 and 0 as integers, true as 1, text as text (the column's affinity may convert '1').
    return (position, statement, context) -> statement.setObject(position, value);
  }
}
