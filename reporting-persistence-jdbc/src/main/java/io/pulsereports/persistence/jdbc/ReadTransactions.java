package io.pulsereports.persistence.jdbc;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.HandleCallback;

/**
 * The transaction the adapters read in, so that the statements of one load see one snapshot:
 * on PostgreSQL REPEATABLE READ with the session zone set to UTC for the transaction (plain
 * {@code timestamp} columns then compare with timestamptz bounds as UTC, whatever the server's or
 * the JVM's zone); on SQLite a plain transaction, whose read lock holds one snapshot.
 */
final class ReadTransactions {

  private ReadTransactions() {}

  static <T> T inOneSnapshot(
      Jdbi jdbi, Dialect dialect, HandleCallback<T, RuntimeException> work) {
    if (dialect == Dialect.POSTGRESQL) {
      // The isolation level for this transaction only, in the same round trip as BEGIN and the
      // zone: no session-wide setting to send before and restore after (two round trips a read).
      return jdbi.inTransaction(
          handle -> {
            handle.execute(
                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; SET LOCAL TIME ZONE 'UTC'");
            return work.withHandle(handle);
          });
    }
    return jdbi.inTransaction(work);
  }
}
