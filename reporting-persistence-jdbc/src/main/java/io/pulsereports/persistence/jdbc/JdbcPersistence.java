package io.pulsereports.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pulsereports.core.port.out.BranchActivityPort;
import io.pulsereports.core.port.out.ConversionTriggerRepository;
import io.pulsereports.core.port.out.DeliveryRepository;
import io.pulsereports.core.port.out.LeadActivityPort;
import io.pulsereports.core.port.out.LearningActivityPort;
import io.pulsereports.core.port.out.SubscriptionRepository;
import io.pulsereports.core.port.out.TemplateRepository;
import io.pulsereports.core.port.out.TokenRepository;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.NoTemplateEngine;

/**
 * The JDBC persistence of Pulse Reports on SQLite or PostgreSQL: the outbound port adapters and
 * the schema migrations.
 *
 * <pre>{@code
 * try (JdbcPersistence db = JdbcPersistence.fromUrl("jdbc:postgresql://db/gyms?user=r&password=…")) {
 *   db.migrate();                      // our own state tables, never the user's
 *   LeadActivityPort leads = db.leadActivity();
 *   LearningActivityPort learning = db.learningActivity();
 * }
 * }</pre>
 *
 * <p>An instance created from a file or URL owns a connection pool and closes it in {@link
 * #close()}; one created from a caller's {@link DataSource} never closes it. Instances are
 * thread-safe. Database failures surface as {@link PersistenceException}.
 */
public final class JdbcPersistence implements AutoCloseable {

  private static final String SQLITE_PREFIX = "jdbc:sqlite:";
  private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";
  /** How long an SQLite connection waits for another's write lock before failing (ms). */
  private static final String SQLITE_BUSY_TIMEOUT_MILLIS = "10000";
  /** SQLite's SQLITE_OPEN_READONLY flag, as the driver's open_mode property. */
  private static final String SQLITE_OPEN_READONLY = "1";

  private final Dialect dialect;
  private final DataSource dataSource;
  private final HikariDataSource ownedPool;
  private final String description;
  private final Jdbi jdbi;

  private JdbcPersistence(
      Dialect dialect, DataSource dataSource, HikariDataSource ownedPool, String description) {
    this.dialect = dialect;
    this.dataSource = dataSource;
    this.ownedPool = ownedPool;
    this.description = description;
    this.jdbi = Jdbi.create(dataSource);
    // SQL comes from our resources and is assembled in Java; no <attribute> templating.
    this.jdbi.setTemplateEngine(new NoTemplateEngine());
  }

  /** An SQLite database in {@code file} (created if missing), with a pool owned by the result. */
  public static JdbcPersistence sqlite(Path file) {
    requireNonNull(file, "file");
    return openPool(Dialect.SQLITE, SQLITE_PREFIX + file.toAbsolutePath(), false);
  }

  /**
   * A database given by a JDBC URL, {@code jdbc:sqlite:…} or {@code jdbc:postgresql://…} (user and
   * password may be URL parameters), with a pool owned by the result.
   *
   * @throws IllegalArgumentException for any other kind of URL
   */
  public static JdbcPersistence fromUrl(String jdbcUrl) {
    requireNonNull(jdbcUrl, "jdbcUrl");
    return openPool(dialectOf(jdbcUrl), jdbcUrl.strip(), false);
  }

  private static Dialect dialectOf(String jdbcUrl) {
    String lower = jdbcUrl.strip().toLowerCase(Locale.ROOT);
    if (lower.startsWith(SQLITE_PREFIX)) {
      return Dialect.SQLITE;
    }
    if (lower.startsWith(POSTGRESQL_PREFIX)) {
      return Dialect.POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "Unsupported database URL scheme '"
            + scheme(jdbcUrl)
            + "': expected jdbc:sqlite:<file> or jdbc:postgresql://<host>/<database>");
  }

  /**
   * A database given by a JDBC URL as {@link #fromUrl}, opened for reading only, for example a
   * read replica holding the operational tables while report state lives in another database.
   * Every connection of its own pool (named {@code pulse-reports-source}) is read-only: SQLite
   * opens the file read-only (it must exist), PostgreSQL sessions are read-only ({@code
   * readOnlyMode=always}), so {@link #migrate()}, {@link #installDemoSchema()} and every write fail
   * with a {@link PersistenceException} and change nothing. Use its {@link #leadActivity()}, {@link
   * #branchActivity()} and {@link #learningActivity()}.
   *
   * @throws IllegalArgumentException for a URL that is neither SQLite nor PostgreSQL
   */
  public static JdbcPersistence readOnly(String jdbcUrl) {
    requireNonNull(jdbcUrl, "jdbcUrl");
    return openPool(dialectOf(jdbcUrl), jdbcUrl.strip(), true);
  }

  /**
   * A PostgreSQL database reached through the caller's own {@link DataSource} (typically its
   * pool), which this instance uses but never closes.
   */
  public static JdbcPersistence postgres(DataSource dataSource) {
    requireNonNull(dataSource, "dataSource");
    return new JdbcPersistence(
        Dialect.POSTGRESQL, dataSource, null, "PostgreSQL database (caller's DataSource)");
  }

  /** The lead and call activity adapter. */
  public LeadActivityPort leadActivity() {
    return new JdbiLeadActivityRepository(jdbi, dialect);
  }

  /**
   * The lead and call activity of every branch of a period at once, read in grouped passes (one
   * statement per kind of figure, grouped by gym and branch) for a batch of branch reports. A
   * branch's figures equal {@link #leadActivity()}'s for that branch.
   */
  public BranchActivityPort branchActivity() {
    return new JdbiLeadActivityRepository(jdbi, dialect);
  }

  /**
   * The delivery log (report_deliveries; needs {@link #migrate()}). Safe for parallel workers,
   * in one process or several sharing the database.
   */
  public DeliveryRepository deliveries() {
    return new JdbiDeliveryRepository(jdbi, dialect);
  }

  /**
   * The subscriptions and their schedule state (report_subscriptions; needs {@link #migrate()}).
   * Safe for parallel schedulers, in one process or several sharing the database: each due
   * subscription is claimed by one of them at a time.
   */
  public SubscriptionRepository subscriptions() {
    return new JdbiSubscriptionRepository(jdbi, dialect);
  }

  /**
   * The custom report templates (report_templates; needs {@link #migrate()}). Updates compare and
   * set on updated_at; deleting a template sets template_id of the subscriptions using it to NULL
   * on both engines.
   */
  public TemplateRepository templates() {
    return new JdbiTemplateRepository(jdbi, dialect);
  }

  /**
   * The API tokens (api_tokens; needs {@link #migrate()}): only each token's SHA-256 hash and
   * prefix are stored, never a token. A hash is unique; revoking is once.
   */
  public TokenRepository tokens() {
    return new JdbiTokenRepository(jdbi, dialect);
  }

  /**
   * The conversion triggers adapter: records one trigger per (type, user, local day) in the
   * database's own {@code conversion_triggers} table and marks offers sent, safe for concurrent
   * runs in one process or several. The table is never created or altered: without it, every call
   * fails with a {@link MissingTableException} saying how to create it.
   */
  public ConversionTriggerRepository conversionTriggers() {
    return new JdbiConversionTriggerRepository(jdbi, dialect, description);
  }

  /**
   * The learning activity adapter (users, coaching_sessions, detected_errors, conversion_triggers).
   * Each call reads in its own transaction; see {@link #inLearningSnapshot} for several calls that
   * must see the same data.
   */
  public LearningActivityPort learningActivity() {
    return JdbiLearningActivityRepository.transactionPerRead(jdbi, dialect);
  }

  /**
   * Runs {@code work} with a learning activity adapter whose reads all happen in one transaction
   * and so see one snapshot of the database (REPEATABLE READ on PostgreSQL), for example the
   * engagement, mistakes, conversion and inactivity figures of one report:
   *
   * <pre>{@code
   * MyFigures figures = db.inLearningSnapshot(learning -> new MyFigures(
   *     learning.engagementByRole(week), learning.inactiveUsers(month, 100)));
   * }</pre>
   *
   * <p>The adapter is valid only inside {@code work} and on its thread; a call after {@code work}
   * returns throws {@link IllegalStateException}.
   */
  public <T> T inLearningSnapshot(Function<? super LearningActivityPort, ? extends T> work) {
    requireNonNull(work, "work");
    try {
      return ReadTransactions.inOneSnapshot(
          jdbi,
          dialect,
          handle -> {
            JdbiLearningActivityRepository snapshot =
                JdbiLearningActivityRepository.sharing(handle, dialect);
            try {
              return work.apply(snapshot);
            } finally {
              snapshot.close();
            }
          });
    } catch (JdbiException e) {
      throw new PersistenceException(
          "Could not read learning activity in one transaction from " + description + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Creates or upgrades Pulse Reports' own tables (report_templates, report_subscriptions,
   * report_deliveries, api_tokens), recording versions in {@code pulse_reports_schema_history}.
   * Idempotent; never touches any other table.
   */
  public void migrate() {
    SchemaMigrations.STATE.migrate(dataSource, dialect, description);
  }

  /**
   * Creates the SPEC tables of the demo database with their report indexes: the lead tables
   * ({@code leads}, {@code call_logs}) and the learning tables ({@code users}, {@code
   * coaching_sessions}, {@code detected_errors}, {@code it_errors}, {@code pricing_errors}, {@code
   * lead_scores}, {@code conversion_triggers}), recording versions in {@code
   * pulse_reports_demo_schema_history}. Opt-in: never called implicitly. If one of the tables it
   * would create already exists (a user's own table), it fails and changes nothing.
   */
  public void installDemoSchema() {
    SchemaMigrations.DEMO.migrate(dataSource, dialect, description);
  }

  /** Whether {@link #installDemoSchema()} has run on this database (its history table exists). */
  public boolean hasDemoSchema() {
    try {
      return jdbi.withHandle(
          handle ->
              DatabaseTables.exists(
                  handle.getConnection(),
                  SchemaMigrations.DEMO.historyTable(),
                  DatabaseTables.QUERYABLE));
    } catch (java.sql.SQLException | JdbiException e) {
      throw new PersistenceException("Could not read the tables of " + description, e);
    }
  }

  /**
   * Writes a consistent copy of the embedded SQLite database to {@code target} while it stays in
   * use ({@code VACUUM INTO}: a transaction-consistent snapshot, never a file copy of a live
   * database). The target must not exist. PostgreSQL is backed up with its own tools (pg_dump).
   *
   * @throws PersistenceException when the target exists, its folder is missing, or the database
   *     is not SQLite
   */
  public void backupTo(Path target) {
    requireNonNull(target, "target");
    if (dialect != Dialect.SQLITE) {
      throw new PersistenceException(
          "backup copies the embedded SQLite database only; back up PostgreSQL with pg_dump, e.g."
              + " pg_dump --format=custom --file=pulse-reports.dump DBNAME");
    }
    Path absolute = target.toAbsolutePath();
    if (java.nio.file.Files.exists(absolute)) {
      throw new PersistenceException("backup target " + absolute + " already exists; choose a new file");
    }
    Path folder = absolute.getParent();
    if (folder == null || !java.nio.file.Files.isDirectory(folder)) {
      throw new PersistenceException("backup folder " + folder + " does not exist; create it first");
    }
    try {
      jdbi.useHandle(handle -> handle.execute("VACUUM INTO ?", absolute.toString()));
    } catch (org.jdbi.v3.core.JdbiException e) {
      throw new PersistenceException("Could not back up " + description + " to " + absolute, e);
    }
  }

  /** Closes the pool this instance created; a caller's DataSource is left open. */
  @Override
  public void close() {
    if (ownedPool != null) {
      ownedPool.close();
    }
  }

  @Override
  public String toString() {
    return "JdbcPersistence[" + description + "]";
  }

  /** For tests and sibling adapters of this package. */
  Jdbi jdbi() {
    return jdbi;
  }

  Dialect dialect() {
    return dialect;
  }

  DataSource dataSource() {
    return dataSource;
  }

  private static JdbcPersistence openPool(Dialect dialect, String jdbcUrl, boolean readOnly) {
    String description = redact(jdbcUrl) + (readOnly ? " (read-only)" : "");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setPoolName(readOnly ? "pulse-reports-source" : "pulse-reports");
    if (readOnly) {
      config.setReadOnly(true);
      // SQLite: open the file with SQLITE_OPEN_READONLY; PostgreSQL: a read-only session, also
      // outside transactions.
      config.addDataSourceProperty(
          dialect == Dialect.SQLITE ? "open_mode" : "readOnlyMode",
          dialect == Dialect.SQLITE ? SQLITE_OPEN_READONLY : "always");
    }
    if (dialect == Dialect.SQLITE) {
      boolean inMemory = jdbcUrl.contains(":memory:") || jdbcUrl.contains("mode=memory");
      // An in-memory database lives as long as its one connection.
      config.setMaximumPoolSize(inMemory ? 1 : 4);
      // One writer at a time: the others wait for the lock rather than fail with SQLITE_BUSY.
      config.addDataSourceProperty("busy_timeout", SQLITE_BUSY_TIMEOUT_MILLIS);
      if (inMemory) {
        config.setMinimumIdle(1);
        config.setIdleTimeout(0);
        config.setMaxLifetime(0);
      }
    } else {
      config.setMaximumPoolSize(8);
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new PersistenceException("Could not connect to " + description, e);
    }
    return new JdbcPersistence(dialect, pool, pool, description);
  }

  private static String scheme(String url) {
    String[] parts = url.strip().split(":", 3);
    if (parts.length >= 2 && parts[0].equalsIgnoreCase("jdbc")) {
      return "jdbc:" + parts[1];
    }
    return parts.length >= 2 ? parts[0] : "(none)";
  }

  /** The URL without credentials: no user-info part and no query parameters. */
  static String redact(String jdbcUrl) {
    String withoutQuery = jdbcUrl.split("[?;]", 2)[0];
    if (jdbcUrl.toLowerCase(Locale.ROOT).startsWith(SQLITE_PREFIX)) {
      return "SQLite database " + withoutQuery.substring(SQLITE_PREFIX.length());
    }
    return "PostgreSQL database " + withoutQuery.replaceFirst("//[^/@]*@", "//");
  }
}
