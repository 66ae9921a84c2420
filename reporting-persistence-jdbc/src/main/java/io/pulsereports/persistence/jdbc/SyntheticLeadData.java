package io.pulsereports.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.function.LongConsumer;

/**
 * Loads deterministic synthetic leads and calls into the demo lead tables, for the demo and for
 * benchmarks. Installs the demo schema first (it refuses tables that are not its own), so it never
 * writes into a user's existing tables.
 */
public final class SyntheticLeadData {

  private SyntheticLeadData() {}

  /**
   * Writes the rows of {@code spec} in one transaction; {@code progress} receives the number of
   * rows written after each batch.
   */
  public static void write(JdbcPersistence database, SyntheticDataSpec spec, LongConsumer progress) {
    requireNonNull(database, "database");
    requireNonNull(spec, "spec");
    requireNonNull(progress, "progress");
    database.installDemoSchema();
    database.jdbi().useHandle(handle -> {
      try {
        new SyntheticLeadDataWriter(spec, database.dialect(), progress).write(handle.getConnection());
      } catch (SQLException e) {
        throw new PersistenceException("Could not write synthetic lead data to " + database, e);
      }
    });
  }
}
