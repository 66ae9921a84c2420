package io.pulsereports.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.JdbiException;

/**
 * Loads deterministic synthetic data into the demo tables, for the demo and for benchmarks: leads
 * and calls, and the learning rows when the spec has them ({@link SyntheticDataSpec#learning()}).
 * Installs the demo schema first (it refuses tables that are not its own), so it never writes into
 * a user's existing tables.
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
    try {
      database
          .jdbi()
          .useTransaction(
              handle -> {
                Connection connection = handle.getConnection();
                new SyntheticLeadDataWriter(spec, database.dialect(), progress).write(connection);
                if (!spec.learning().isEmpty()) {
                  new SyntheticLearningDataWriter(spec, database.dialect(), progress)
                      .write(connection);
                }
              });
    } catch (SQLException | JdbiException e) {
      throw new PersistenceException("Could not write synthetic data to " + database, e);
    }
  }
}
