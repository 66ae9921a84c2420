package io.pulsereports.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * How the repositories of Pulse Reports' own tables (deliveries, subscriptions, templates, tokens)
 * run their statements and report failures.
 *
 * <p>A failure is a {@link PersistenceException} naming the operation and the row, never a bound
 * value (recipients may be webhook URLs, tokens are stored as hashes): statement errors render no
 * SQL and no parameters, and only the first line of the database's message is kept, in the
 * message and in the cause, because PostgreSQL's detail lines repeat values ("Key (token_hash)=…",
 * "Failing row contains (…)").
 */
final class StateStatements {

  private final Jdbi jdbi;
  private final Dialect dialect;

  StateStatements(Jdbi jdbi, Dialect dialect) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.dialect = requireNonNull(dialect, "dialect");
  }

  /** Runs {@code work} on a handle of its own; {@code action} says what failed, e.g. "read template …". */
  <T> T call(String action, HandleCallback<T, RuntimeException> work) {
    try {
      return jdbi.withHandle(
          handle -> {
            handle
                .getConfig(StatementExceptions.class)
                .setMessageRendering(StatementExceptions.MessageRendering.NONE);
            return work.withHandle(handle);
          });
    } catch (JdbiException e) {
      throw new PersistenceException(
          "Could not " + action + " (" + dialect.folder() + "): " + firstLine(e.getMessage()),
          withoutDetail(e));
    }
  }

  /**
   * Runs {@code read}'s statements in one snapshot, so a page and its total agree: REPEATABLE READ
   * on PostgreSQL; on SQLite a deferred transaction, whose read lock holds one snapshot.
   */
  <T> T readInOneSnapshot(String action, HandleCallback<T, RuntimeException> read) {
    return call(
        action,
        handle ->
            dialect == Dialect.POSTGRESQL
                ? handle.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, read::withHandle)
                : handle.inTransaction(read::withHandle));
  }

  /**
   * A page of rows and the total of rows that match, read in one snapshot: the statements {@code
   * <kind>_list} (with {@code :limit} and {@code :offset}) and {@code <kind>_count} of {@code
   * sql/common}, each with {@code {filters}} replaced by {@code filters} over {@code filterValues}.
   */
  <T> PageRows<T> page(
      String action, String kind, String filters, Map<String, Object> filterValues, int limit, int offset,
      RowMapper<T> mapper) {
    BoundSql count =
        new BoundSql(SqlResources.load("common", kind + "_count").replace("{filters}", filters), filterValues);
    Map<String, Object> pageValues = new LinkedHashMap<>(filterValues);
    pageValues.put("limit", limit);
    pageValues.put("offset", offset);
    BoundSql page =
        new BoundSql(SqlResources.load("common", kind + "_list").replace("{filters}", filters), pageValues);
    return readInOneSnapshot(action, handle -> new PageRows<>(
        page.bindTo(handle.createQuery(page.sql())).map(mapper).list(),
        count.bindTo(handle.createQuery(count.sql())).mapTo(Long.class).one()));
  }

  /** The rows of a page and the total of rows that match. */
  record PageRows<T>(List<T> items, long total) {}

  /**
   * The cause to keep: the database's {@link SQLException} as its first line, SQL state, vendor
   * code and stack trace, without the detail lines; {@code e} itself when it has none.
   */
  private static Throwable withoutDetail(JdbiException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        SQLException kept =
            new SQLException(
                sql.getClass().getName() + ": " + firstLine(sql.getMessage()),
                sql.getSQLState(),
                sql.getErrorCode());
        kept.setStackTrace(sql.getStackTrace());
        return kept;
      }
    }
    return e;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }
}
