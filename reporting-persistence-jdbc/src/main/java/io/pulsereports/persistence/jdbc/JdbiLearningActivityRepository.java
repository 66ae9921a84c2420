package io.pulsereports.persistence.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import io.pulsereports.core.model.HeatmapCell;
import io.pulsereports.core.model.InactiveUser;
import io.pulsereports.core.model.InactiveUsers;
import io.pulsereports.core.model.LearnerSessions;
import io.pulsereports.core.model.MistakeActivity;
import io.pulsereports.core.model.MistakeCount;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.RoleEngagement;
import io.pulsereports.core.model.ScoredSession;
import io.pulsereports.core.port.out.LearningActivityPort;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Reads the coaching app's learning activity from the user's {@code users}, {@code
 * coaching_sessions}, {@code detected_errors} and {@code conversion_triggers} tables, aggregated in
 * the database (SQL in {@code sql/<dialect>/learning_*.sql}).
 *
 * <p>Windows are half-open intervals of instants, bound and compared as {@link SqlInstants}
 * describes. Text is grouped and ordered by code point whatever the columns' collations: {@code
 * COLLATE "C"} on PostgreSQL (UTF-8 byte order is code point order), {@code COLLATE BINARY} on
 * SQLite; NULL text sorts first on both. Ids are TEXT.
 *
 * <p>A repository made by {@link #transactionPerRead} reads each call in its own transaction; one
 * made by {@link #sharing} runs every call in the caller's transaction (one snapshot for a whole
 * report) and is valid until {@link #close()}.
 */
final class JdbiLearningActivityRepository implements LearningActivityPort {

  private static final String CONVERSION_TRIGGERS = "conversion_triggers";

  private enum TableState {
    UNKNOWN,
    PRESENT,
    ABSENT
  }

  private final Reads reads;
  private final Dialect dialect;
  /** Whether conversion_triggers exists, looked up once per repository. */
  private volatile TableState conversionTriggers = TableState.UNKNOWN;

  private JdbiLearningActivityRepository(Reads reads, Dialect dialect) {
    this.reads = reads;
    this.dialect = requireNonNull(dialect, "dialect");
  }

  /** Each call reads in a transaction of its own (see {@link ReadTransactions}). */
  static JdbiLearningActivityRepository transactionPerRead(Jdbi jdbi, Dialect dialect) {
    requireNonNull(jdbi, "jdbi");
    return new JdbiLearningActivityRepository(new TransactionPerRead(jdbi, dialect), dialect);
  }

  /**
   * Every call reads through {@code handle}, already in a read transaction begun by {@link
   * ReadTransactions}, until {@link #close()}.
   */
  static JdbiLearningActivityRepository sharing(Handle handle, Dialect dialect) {
    return new JdbiLearningActivityRepository(new SharedHandle(handle), dialect);
  }

  /** Ends a {@link #sharing} repository's use of its handle; later calls fail. */
  void close() {
    reads.close();
  }

  @Override
  public List<RoleEngagement> engagementByRole(ReportPeriod window) {
    BoundSql query = engagementQuery(window);
    return read(
        "engagement by role",
        window,
        handle ->
            query
                .bindTo(handle.createQuery(query.sql()))
                .map(
                    (rs, ctx) ->
                        new RoleEngagement(
                            rs.getString("role"),
                            rs.getLong("active_users"),
                            rs.getLong("sessions"),
                            rs.getDouble("confidence_sum"),
                            rs.getLong("confidence_count"),
                            rs.getLong("error_count_sum"),
                            rs.getLong("error_count_count")))
                .list());
  }

  @Override
  public MistakeActivity mistakes(ReportPeriod window, int topLimit) {
    checkArgument(topLimit >= 0, "topLimit %s is negative", topLimit);
    BoundSql top = mistakesTopQuery(window, topLimit);
    BoundSql heatmap = mistakesHeatmapQuery(window);
    return read(
        "mistakes",
        window,
        handle -> {
          List<MistakeCount> topCounts =
              topLimit == 0
                  ? List.of()
                  : top.bindTo(handle.createQuery(top.sql()))
                      .map(
                          (rs, ctx) ->
                              new MistakeCount(
                                  rs.getString("error_type"),
                                  rs.getString("error_category"),
                                  Optional.ofNullable(rs.getString("error_text")),
                                  rs.getLong("frequency")))
                      .list();
          // Every row of the window is in exactly one heatmap cell; the statement also returns
          // the window's total (a window sum over the cells), so the window is read twice, not
          // three times.
          long[] total = {0};
          List<HeatmapCell> cells =
              heatmap
                  .bindTo(handle.createQuery(heatmap.sql()))
                  .map(
                      (rs, ctx) -> {
                        total[0] = rs.getLong("total_errors");
                        return new HeatmapCell(
                            rs.getString("error_category"),
                            rs.getString("error_type"),
                            rs.getLong("errors"));
                      })
                  .list();
          return new MistakeActivity(total[0], topCounts, cells);
        });
  }

  @Override
  public List<LearnerSessions> freeLearnerSessions(ReportPeriod window) {
    BoundSql query = freeLearnerSessionsQuery(window);
    return read(
        "sessions of free users",
        window,
        handle -> {
          // Rows come ordered by user; gather each user's sessions (no aggregation here).
          Map<String, LearnerRows> learners = new LinkedHashMap<>();
          query
              .bindTo(handle.createQuery(query.sql()))
              .map((rs, ctx) -> sessionRow(rs))
              .forEach(
                  row ->
                      learners
                          .computeIfAbsent(row.userId(), id -> new LearnerRows(row))
                          .sessions()
                          .add(row.session()));
          return learners.values().stream().map(LearnerRows::toLearnerSessions).toList();
        });
  }

  @Override
  public Set<String> usersOfferedIn(ReportPeriod window) {
    BoundSql query = usersOfferedQuery(window);
    return read(
        "users offered a conversion",
        window,
        handle ->
            conversionTriggersExist(handle)
                ? ImmutableSet.copyOf(
                    query.bindTo(handle.createQuery(query.sql())).mapTo(String.class).list())
                : ImmutableSet.of());
  }

  @Override
  public InactiveUsers inactiveUsers(ReportPeriod window, int limit) {
    checkArgument(limit >= 0, "limit %s is negative", limit);
    BoundSql query = inactiveUsersQuery(window, limit);
    return read(
        "inactive users",
        window,
        handle -> {
          long[] count = {0};
          List<InactiveUser> users = new ArrayList<>();
          query
              .bindTo(handle.createQuery(query.sql()))
              .map(
                  (rs, ctx) -> {
                    count[0] = rs.getLong("inactive_count");
                    String userId = rs.getString("user_id");
                    // One row with only the count when no user is listed.
                    return userId == null
                        ? Optional.<InactiveUser>empty()
                        : Optional.of(
                            new InactiveUser(
                                userId,
                                Optional.ofNullable(rs.getString("email")),
                                rs.getString("role"),
                                SqlInstants.read(rs, "last_session", dialect)));
                  })
              .forEach(user -> user.ifPresent(users::add));
          return new InactiveUsers(count[0], users);
        });
  }

  BoundSql engagementQuery(ReportPeriod window) {
    return statement("learning_engagement", windowParameters(window));
  }

  BoundSql mistakesTopQuery(ReportPeriod window, int limit) {
    Map<String, Object> parameters = windowParameters(window);
    parameters.put("limit", limit);
    return statement("learning_mistakes_top", parameters);
  }

  BoundSql mistakesHeatmapQuery(ReportPeriod window) {
    return statement("learning_mistakes_heatmap", windowParameters(window));
  }

  BoundSql freeLearnerSessionsQuery(ReportPeriod window) {
    return statement("learning_free_sessions", windowParameters(window));
  }

  BoundSql usersOfferedQuery(ReportPeriod window) {
    return statement("learning_offers_sent", windowParameters(window));
  }

  BoundSql inactiveUsersQuery(ReportPeriod window, int limit) {
    Map<String, Object> parameters = windowParameters(window);
    parameters.put("limit", limit);
    if (dialect == Dialect.SQLITE) {
      // The window's start is compared exactly only; the coarse ranges are on the end.
      parameters.remove("coarseFrom");
      parameters.put("textBeforeTo", SqlInstants.sqliteTextLowerBound(window.end()));
    }
    return statement("learning_inactive_users", parameters);
  }

  private Map<String, Object> windowParameters(ReportPeriod window) {
    requireNonNull(window, "window");
    Map<String, Object> parameters = new LinkedHashMap<>();
    SqlInstants.putRange(parameters, dialect, window.start(), window.end(), "");
    return parameters;
  }

  private BoundSql statement(String name, Map<String, Object> parameters) {
    return new BoundSql(SqlResources.load(dialect.folder(), name), parameters);
  }

  private boolean conversionTriggersExist(Handle handle) throws SQLException {
    if (conversionTriggers == TableState.UNKNOWN) {
      conversionTriggers =
          DatabaseTables.exists(
                  handle.getConnection(), CONVERSION_TRIGGERS, DatabaseTables.QUERYABLE)
              ? TableState.PRESENT
              : TableState.ABSENT;
    }
    return conversionTriggers == TableState.PRESENT;
  }

  private SessionRow sessionRow(ResultSet rs) throws SQLException {
    double score = rs.getDouble("confidence_score");
    OptionalDouble confidence = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(score);
    return new SessionRow(
        rs.getString("user_id"),
        Optional.ofNullable(rs.getString("email")),
        Optional.ofNullable(rs.getString("english_level")),
        new ScoredSession(
            rs.getString("session_id"),
            SqlInstants.read(rs, "started_at", dialect),
            confidence));
  }

  private <T> T read(String what, ReportPeriod window, HandleCallback<T, SQLException> work) {
    try {
      return reads.read(
          handle -> {
            try {
              return work.withHandle(handle);
            } catch (SQLException e) {
              throw new PersistenceException(e.getMessage(), e);
            }
          });
    } catch (JdbiException | PersistenceException e) {
      throw new PersistenceException(
          "Could not load "
              + what
              + " from "
              + window.start()
              + " to "
              + window.end()
              + " ("
              + dialect.folder()
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private record SessionRow(
      String userId, Optional<String> email, Optional<String> englishLevel, ScoredSession session) {}

  private record LearnerRows(SessionRow first, List<ScoredSession> sessions) {
    LearnerRows(SessionRow first) {
      this(first, new ArrayList<>());
    }

    LearnerSessions toLearnerSessions() {
      return new LearnerSessions(first.userId(), first.email(), first.englishLevel(), sessions);
    }
  }

  /** Where the statements run. */
  private interface Reads {
    <T> T read(HandleCallback<T, RuntimeException> work);

    void close();
  }

  private record TransactionPerRead(Jdbi jdbi, Dialect dialect) implements Reads {
    @Override
    public <T> T read(HandleCallback<T, RuntimeException> work) {
      return ReadTransactions.inOneSnapshot(jdbi, dialect, work);
    }

    @Override
    public void close() {
      // nothing held between calls
    }
  }

  private static final class SharedHandle implements Reads {
    private final Handle handle;
    private volatile boolean open = true;

    SharedHandle(Handle handle) {
      this.handle = requireNonNull(handle, "handle");
    }

    @Override
    public <T> T read(HandleCallback<T, RuntimeException> work) {
      checkState(open, "This learning activity snapshot ended with its inLearningSnapshot call");
      return work.withHandle(handle);
    }

    @Override
    public void close() {
      open = false;
    }
  }
}
