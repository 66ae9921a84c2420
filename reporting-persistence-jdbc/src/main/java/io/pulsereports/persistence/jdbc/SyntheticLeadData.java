package io.pulsereports.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.JdbiException;

/**
 * Loads deterministic synthetic data into the demo tables, for the demo and for benchmarks: leads
 * and calls, and the learning rows when the spec has them ({@link SyntheticDataSpec#learning()}).
 * Installs the demo schema first (it refuses tables that are not its own), so it never writes into
 * a user's existing tables.
 */
public final class SyntheticLeadData {

  private static final List<String> TABLES =
      List.of("leads", "call_logs", "users", "coaching_sessions", "detected_errors", "conversion_triggers");

  private SyntheticLeadData() {}

  /** The physical order the lead and call rows are written in. */
  public enum RowOrder {
    /** Branch after branch, each branch's days in turn: the demo's rows. */
    BY_BRANCH,
    /**
     * Day after day, each day's rows of every branch in time order, as an operational table fills
     * up (and as the benchmark loads it). A branch's rows are the same whatever the number of gyms.
     */
    BY_TIME
  }

  /** As {@link #write(JdbcPersistence, SyntheticDataSpec, RowOrder, LongConsumer)}, branch by branch. */
  public static void write(JdbcPersistence database, SyntheticDataSpec spec, LongConsumer progress) {
    write(database, spec, RowOrder.BY_BRANCH, progress);
  }

  /**
   * Writes the rows of {@code spec} in one transaction (COPY on PostgreSQL, batched prepared
   * inserts on SQLite; into empty tables without their secondary indexes, built once at the end),
   * then updates the planner statistics (ANALYZE); {@code progress} receives
   * the number of rows written after each batch. Leads and calls are written in {@code order}.
   */
  public static void write(
      JdbcPersistence database, SyntheticDataSpec spec, RowOrder order, LongConsumer progress) {
    requireNonNull(database, "database");
    requireNonNull(order, "order");
    requireNonNull(spec, "spec");
    requireNonNull(progress, "progress");
    database.installDemoSchema();
    try {
      database
          .jdbi()
          .useTransaction(
              handle -> {
                if (database.dialect() == Dialect.SQLITE) {
                  // 256 MiB of page cache for this connection: the random primary keys and the
                  // report indexes are updated in place while millions of rows go in.
                  handle.execute("PRAGMA cache_size = -262144");
                }
                BulkLoadIndexes indexes =
                    BulkLoadIndexes.dropWhenEmpty(handle, database.dialect(), TABLES);
                Connection connection = handle.getConnection();
                new SyntheticLeadDataWriter(spec, database.dialect(), order, progress).write(connection);
                if (!spec.learning().isEmpty()) {
                  new SyntheticLearningDataWriter(spec, database.dialect(), progress)
                      .write(connection);
                }
                indexes.recreate();
              });
      // Fresh statistics, as a maintained production database has, so the planners pick the
      // report indexes.
      database.jdbi().useHandle(handle -> handle.execute("ANALYZE"));
    } catch (SQLException | JdbiException e) {
      throw new PersistenceException("Could not write synthetic data to " + database, e);
    }
  }
}
