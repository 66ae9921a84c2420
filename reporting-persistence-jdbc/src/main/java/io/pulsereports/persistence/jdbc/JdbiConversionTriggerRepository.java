package io.pulsereports.persistence.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.google.common.hash.Hashing;
import io.pulsereports.core.conversion.ConversionTrigger;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.port.out.ConversionTriggerRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * Records conversion triggers in the user's {@code conversion_triggers} table (SPEC section 1), as
 * it is: never created or altered here; without it every call fails with {@link
 * MissingTableException}. SQL in {@code sql/<dialect>/conversion_trigger*.sql}.
 *
 * <p>The table need not have any key or constraint, so one trigger per (type, user, local day)
 * rests on locks:
 *
 * <ul>
 *   <li>PostgreSQL: a transaction-level advisory lock per (type, user, day), a 64-bit key from
 *       SHA-256 of the three. Recording looks for the day's trigger and inserts under it; a claim
 *       holds it while the offer is sent.
 *   <li>SQLite: one writer at a time. Recording is a single INSERT … SELECT … WHERE NOT EXISTS
 *       (SQLite takes the write lock before it reads); a claim is a transaction whose first
 *       statement writes, holding the write lock while the offer is sent (other writers wait up
 *       to the busy timeout, retried for up to a minute).
 * </ul>
 *
 * <p>Values are written so that the usual column types all accept them: on PostgreSQL text is
 * bound with an unspecified type (the server reads it as text, json or jsonb; offer_sent '0' and
 * '1' as boolean, integer or text) and triggered_at as timestamptz, under {@code SET LOCAL TIME
 * ZONE 'UTC'} so that a timestamp column stores UTC; on SQLite instants are {@code YYYY-MM-DD
 * HH:MM:SS} UTC text and offer_sent 0 or 1.
 */
final class JdbiConversionTriggerRepository implements ConversionTriggerRepository {

  static final String TABLE = "conversion_triggers";
  private static final DateTimeFormatter SQLITE_INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  /** SQLite: how many times a claim waits out the busy timeout for another run's send. */
  private static final int SQLITE_LOCK_ATTEMPTS = 6;

  private final Jdbi jdbi;
  private final Dialect dialect;
  private final String description;
  private volatile boolean tableSeen;

  JdbiConversionTriggerRepository(Jdbi jdbi, Dialect dialect, String description) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.dialect = requireNonNull(dialect, "dialect");
    this.description = requireNonNull(description, "description");
  }

  @Override
  public Recorded recordIfAbsent(ConversionTrigger trigger, ReportPeriod day) {
    requireNonNull(trigger, "trigger");
    requireNonNull(day, "day");
    checkArgument(!trigger.offerSent(), "trigger %s is already sent; only new triggers are recorded", trigger.triggerId());
    checkArgument(day.days() == 1, "%s is not one day", day);
    checkArgument(day.contains(trigger.triggeredAt()), "triggered_at %s is not in %s", trigger.triggeredAt(), day);
    Map<String, Object> row = row(trigger, day);
    return call("record the conversion trigger of user " + trigger.userId() + " for " + day.startDate(), handle -> {
      if (dialect == Dialect.POSTGRESQL) {
        lock(handle, trigger, day);
        Optional<ConversionTrigger> existing = dayTrigger(handle, row);
        if (existing.isPresent()) {
          return new Recorded(existing.get(), false);
        }
        statement("conversion_trigger_insert", row).bindTo(handle.createUpdate(load("conversion_trigger_insert"))).execute();
        return new Recorded(dayTrigger(handle, row).orElseThrow(), true);
      }
      BoundSql insert = statement("conversion_trigger_insert", row);
      int inserted = insert.bindTo(handle.createUpdate(insert.sql())).execute();
      return new Recorded(dayTrigger(handle, row).orElseThrow(), inserted == 1);
    });
  }

  @Override
  public List<ConversionTrigger> findOn(String triggerType, ReportPeriod day) {
    requireNonNull(triggerType, "triggerType");
    requireNonNull(day, "day");
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("triggerType", text(triggerType));
    SqlInstants.putRange(parameters, dialect, day.start(), day.end(), "");
    BoundSql query = statement("conversion_triggers_of_day", parameters);
    return call("read the " + triggerType + " triggers of " + day.startDate(),
        handle -> query.bindTo(handle.createQuery(query.sql())).map((rs, ctx) -> trigger(rs)).list());
  }

  @Override
  public OfferClaim claim(ConversionTrigger trigger, ReportPeriod day) {
    requireNonNull(trigger, "trigger");
    requireNonNull(day, "day");
    String action = "claim the conversion trigger " + trigger.triggerId();
    Map<String, Object> row = row(trigger, day);
    Handle handle;
    try {
      handle = jdbi.open();
    } catch (JdbiException e) {
      throw failure(action, e);
    }
    try {
      quiet(handle);
      requireTable(handle);
      handle.begin();
      utcSession(handle);
      lock(handle, trigger, day);
      // A sent trigger of the user's day wins (another run may have sent it while this one waited).
      ConversionTrigger found = dayTrigger(handle, row).orElseThrow(() -> new PersistenceException(
          "Could not " + action + ": it is no longer in conversion_triggers"));
      ConversionTrigger current = found.offerSent() ? found : trigger;
      return new JdbiOfferClaim(handle, current, row);
    } catch (SQLException | RuntimeException e) {
      rollbackAndClose(handle);
      throw e instanceof PersistenceException p ? p : failure(action, e);
    }
  }

  /** The claim: a transaction holding the (type, user, day) lock until it commits or rolls back. */
  private final class JdbiOfferClaim implements OfferClaim {
    private final Handle handle;
    private final ConversionTrigger current;
    private final Map<String, Object> row;
    private boolean open = true;

    JdbiOfferClaim(Handle handle, ConversionTrigger current, Map<String, Object> row) {
      this.handle = handle;
      this.current = current;
      this.row = row;
    }

    @Override
    public ConversionTrigger trigger() {
      return current;
    }

    @Override
    public void markOfferSent() {
      if (!open) {
        throw new IllegalStateException("the claim of trigger " + current.triggerId() + " is closed");
      }
      try {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("triggerId", row.get("triggerId"));
        parameters.put("userId", row.get("userId"));
        parameters.put("triggerType", row.get("triggerType"));
        parameters.put("sent", dialect == Dialect.POSTGRESQL ? text("1") : 1);
        BoundSql update = new BoundSql(SqlResources.load("common", "conversion_trigger_mark_sent"), parameters);
        update.bindTo(handle.createUpdate(update.sql())).execute();
        handle.commit();
      } catch (JdbiException e) {
        throw failure("mark the offer of conversion trigger " + current.triggerId() + " sent", e);
      } finally {
        close();
      }
    }

    @Override
    public void close() {
      if (open) {
        open = false;
        rollbackAndClose(handle);
      }
    }
  }

  /** The (type, user, day) lock of the current transaction; see the class comment. */
  private void lock(Handle handle, ConversionTrigger trigger, ReportPeriod day) {
    if (dialect == Dialect.POSTGRESQL) {
      handle.createQuery(load("conversion_trigger_lock"))
          .bind("lockKey", lockKey(trigger.triggerType(), trigger.userId(), day))
          .mapTo(Integer.class)
          .one();
      return;
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("triggerId", trigger.triggerId());
    parameters.put("userId", trigger.userId());
    BoundSql write = new BoundSql(load("conversion_trigger_lock"), parameters);
    for (int attempt = 1; ; attempt++) {
      try {
        write.bindTo(handle.createUpdate(write.sql())).execute();
        return;
      } catch (JdbiException e) {
        if (attempt >= SQLITE_LOCK_ATTEMPTS || !isBusy(e)) {
          throw e;
        }
      }
    }
  }

  /** The advisory lock key of (type, user, day): the first 8 bytes of the SHA-256 of the three. */
  static long lockKey(String triggerType, String userId, ReportPeriod day) {
    return Hashing.sha256()
        .hashString("pulse-reports:conversion_triggers\n" + triggerType + "\n" + userId + "\n" + day.startDate(), UTF_8)
        .asLong();
  }

  private Optional<ConversionTrigger> dayTrigger(Handle handle, Map<String, Object> row) {
    BoundSql query = statement("conversion_trigger_of_user_day", row);
    return query.bindTo(handle.createQuery(query.sql())).map((rs, ctx) -> trigger(rs)).findOne();
  }

  /** The named values of a trigger row and its day's bounds. */
  private Map<String, Object> row(ConversionTrigger trigger, ReportPeriod day) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("triggerId", text(trigger.triggerId()));
    row.put("userId", text(trigger.userId()));
    row.put("triggerType", text(trigger.triggerType()));
    row.put("conditionsMet", text(trigger.conditionsMet().map(ConversionTriggerJson::conditions).orElse(null)));
    row.put("confidenceScores", text(ConversionTriggerJson.scores(trigger.confidenceScores())));
    row.put("triggeredAt", dialect == Dialect.POSTGRESQL
        ? SqlInstants.timestamptz(trigger.triggeredAt())
        : SQLITE_INSTANT.format(trigger.triggeredAt()));
    if (dialect == Dialect.POSTGRESQL) {
      row.put("notSent", text("0"));
    }
    SqlInstants.putRange(row, dialect, day.start(), day.end(), "");
    return row;
  }

  /** The statement {@code name} with the values it names, taken from {@code values}. */
  private BoundSql statement(String name, Map<String, Object> values) {
    String sql = load(name);
    Map<String, Object> parameters = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      if (sql.contains(":" + key)) {
        parameters.put(key, value);
      }
    });
    return new BoundSql(sql, parameters);
  }

  private String load(String name) {
    return SqlResources.load(dialect.folder(), name);
  }

  /**
   * Text as PostgreSQL should take it: with an unspecified type, so the server reads it as the
   * type of the column it meets. Plain text on SQLite.
   */
  private Object text(String value) {
    if (dialect == Dialect.SQLITE) {
      return value;
    }
    return new UnspecifiedText(value);
  }

  /** A PostgreSQL parameter of unspecified type. */
  private record UnspecifiedText(String value) implements Argument {
    @Override
    public void apply(int position, java.sql.PreparedStatement statement, org.jdbi.v3.core.statement.StatementContext ctx)
        throws SQLException {
      if (value == null) {
        statement.setNull(position, Types.OTHER);
      } else {
        statement.setObject(position, value, Types.OTHER);
      }
    }
  }

  private ConversionTrigger trigger(ResultSet rs) throws SQLException {
    return new ConversionTrigger(
        rs.getString("trigger_id"),
        rs.getString("user_id"),
        rs.getString("trigger_type"),
        ConversionTriggerJson.readConditions(rs.getString("conditions_met")),
        ConversionTriggerJson.readScores(rs.getString("confidence_scores")),
        SqlInstants.read(rs, "triggered_at", dialect),
        rs.getInt("offer_sent") == 1);
  }

  private <T> T call(String action, HandleCallback<T, SQLException> work) {
    try {
      return jdbi.withHandle(handle -> {
        quiet(handle);
        requireTable(handle);
        return handle.inTransaction(transaction -> {
          utcSession(transaction);
          return work.withHandle(transaction);
        });
      });
    } catch (PersistenceException e) {
      throw e;
    } catch (JdbiException | SQLException e) {
      throw failure(action, e);
    }
  }

  private void requireTable(Handle handle) throws SQLException {
    if (tableSeen) {
      return;
    }
    if (!DatabaseTables.exists(handle.getConnection(), TABLE, DatabaseTables.QUERYABLE)) {
      throw new MissingTableException(TABLE,
          "io/pulsereports/persistence/jdbc/migration/demo/" + dialect.folder() + "/V2__learning_tables.sql",
          description);
    }
    tableSeen = true;
  }

  /** PostgreSQL: a timestamp column compares with timestamptz bounds, and stores them, as UTC. */
  private void utcSession(Handle transaction) {
    if (dialect == Dialect.POSTGRESQL) {
      transaction.execute("SET LOCAL TIME ZONE 'UTC'");
    }
  }

  /** Statement errors carry no SQL and no bound values. */
  private static void quiet(Handle handle) {
    handle.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
  }

  private static void rollbackAndClose(Handle handle) {
    try {
      if (handle.isInTransaction()) {
        handle.rollback();
      }
    } catch (JdbiException e) {
      // The connection is closed below; the database rolls back what is left.
    } finally {
      handle.close();
    }
  }

  private static boolean isBusy(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null && (message.contains("SQLITE_BUSY") || message.contains("database is locked"))) {
        return true;
      }
    }
    return false;
  }

  private PersistenceException failure(String action, Exception e) {
    return new PersistenceException("Could not " + action + " (" + dialect.folder() + "): " + e.getMessage(), e);
  }
}
