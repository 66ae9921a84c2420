package io.pulsereports.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.metric.LearningPeriods;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.UtcOffsetSegment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The floor of the benchmark ({@code reporting bench}): the bare aggregate SQL that computes the
 * same figures as a report, run over plain JDBC on the database's own pool, with no transaction,
 * no Jdbi, no mapping into the domain and no calculator. Every column of every row is read. A
 * report's time over its floor's is what the library adds to what the database must do anyway.
 *
 * <p>Lead floors use the period's one UTC offset (PostgreSQL: {@code AT TIME ZONE}); a period with
 * an offset change is refused. On SQLite they compare instants as the reports do (an index-friendly
 * text range, then {@code datetime()}), because the text forms of instants may be mixed.
 */
public final class BenchmarkFloors {

  private final DataSource dataSource;
  private final Dialect dialect;

  private BenchmarkFloors(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  public static BenchmarkFloors of(JdbcPersistence database) {
    requireNonNull(database, "database");
    return new BenchmarkFloors(database.dataSource(), database.dialect());
  }

  /** What a lead floor found: branches seen, leads created, leads converted and calls, in all. */
  public record Figures(long branches, long leadsCreated, long converted, long calls) {}

  /** The three statements of one branch's lead report for {@code period}. */
  public Figures branch(GymScope branch, ReportPeriod period) {
    requireNonNull(branch, "branch");
    return lead(Optional.of(branch), period);
  }

  /** The three statements grouped by gym and branch, over every branch's rows of {@code period}. */
  public Figures everyBranch(ReportPeriod period) {
    return lead(Optional.empty(), period);
  }

  /** The statements of a learning-daily report's windows; returns the rows read. */
  public long learning(LearningPeriods windows, int topMistakes, int inactiveLimit) {
    requireNonNull(windows, "windows");
    try (Connection connection = dataSource.getConnection()) {
      long rows = 0;
      rows += run(connection, "floor_learning_engagement", windowParameters(windows.engagement()), null);
      List<Object> top = windowParameters(windows.mistakes());
      top.add(topMistakes);
      rows += run(connection, "floor_learning_mistakes_top", top, null);
      rows += run(connection, "floor_learning_heatmap", windowParameters(windows.mistakes()), null);
      rows += run(connection, "floor_learning_free_sessions", windowParameters(windows.conversion()), null);
      rows += run(connection, "floor_learning_offers", windowParameters(windows.offerCooldown()), null);
      List<Object> inactive = new ArrayList<>();
      Map<String, Object> bounds = bounds(windows.inactivity());
      if (dialect == Dialect.SQLITE) {
        inactive.add(bounds.get("coarseTo"));
        inactive.add(bounds.get("to"));
      } else {
        inactive.add(bounds.get("to"));
      }
      inactive.add(bounds.get("from"));
      inactive.add(inactiveLimit);
      rows += run(connection, "floor_learning_inactive", inactive, null);
      return rows;
    } catch (SQLException e) {
      throw new PersistenceException("Could not run the learning floor statements: " + e.getMessage(), e);
    }
  }

  private Figures lead(Optional<GymScope> scope, ReportPeriod period) {
    requireNonNull(period, "period");
    List<UtcOffsetSegment> segments = period.offsetSegments();
    if (segments.size() != 1) {
      throw new IllegalArgumentException("the floor statements need a period with one UTC offset, not " + period);
    }
    Object zone = dialect == Dialect.SQLITE
        ? String.format("%+d seconds", segments.get(0).offsetSeconds())
        : period.zone().getId();
    List<Object> scopeIds = new ArrayList<>();
    scope.ifPresent(s -> {
      scopeIds.add(dialect.uuidParameter(s.gymId()));
      scopeIds.add(dialect.uuidParameter(s.branchId().orElseThrow(
          () -> new IllegalArgumentException("a branch floor needs a branch scope"))));
    });
    List<Object> range = windowParameters(period);
    Set<String> branches = new HashSet<>();
    long[] totals = new long[3];
    try (Connection connection = dataSource.getConnection()) {
      run(connection, lead("floor_leads_created", scope), concat(List.of(zone), scopeIds, range),
          rs -> {
            branches.add(branchOf(scope, rs));
            totals[0] += rs.getLong("n");
          });
      run(connection, lead("floor_converted", scope), concat(List.of(), scopeIds, range),
          rs -> {
            branches.add(branchOf(scope, rs));
            totals[1] += rs.getLong("n");
          });
      run(connection, lead("floor_call_groups", scope), concat(List.of(zone, zone), scopeIds, range),
          rs -> {
            branches.add(branchOf(scope, rs));
            totals[2] += rs.getLong("calls");
          });
    } catch (SQLException e) {
      throw new PersistenceException("Could not run the lead floor statements: " + e.getMessage(), e);
    }
    return new Figures(branches.size(), totals[0], totals[1], totals[2]);
  }

  private static String branchOf(Optional<GymScope> scope, ResultSet rs) throws SQLException {
    return scope.isPresent() ? "" : rs.getString("gym_id") + "/" + rs.getString("branch_id");
  }

  /** The named statement with its scope filled in (the name itself when the SQL is a statement). */
  private String lead(String name, Optional<GymScope> scope) {
    return SqlResources.load(dialect.folder(), name)
        .replace("{scope}", scope.isPresent() ? "gym_id = ? AND branch_id = ? AND " : "")
        .replace("{groups}", scope.isPresent() ? "" : "gym_id, branch_id, ")
        .replace("{groupBy}", scope.isPresent() ? "" : "GROUP BY gym_id, branch_id");
  }

  private List<Object> windowParameters(ReportPeriod window) {
    Map<String, Object> bounds = bounds(window);
    List<Object> parameters = new ArrayList<>();
    if (dialect == Dialect.SQLITE) {
      parameters.add(bounds.get("coarseFrom"));
      parameters.add(bounds.get("coarseTo"));
    }
    parameters.add(bounds.get("from"));
    parameters.add(bounds.get("to"));
    return parameters;
  }

  /** SQLite: the text bounds of {@link SqlInstants}; PostgreSQL: timestamptz values. */
  private Map<String, Object> bounds(ReportPeriod window) {
    Map<String, Object> bounds = new LinkedHashMap<>();
    if (dialect == Dialect.SQLITE) {
      SqlInstants.putRange(bounds, dialect, window.start(), window.end(), "");
    } else {
      bounds.put("from", utc(window.start()));
      bounds.put("to", utc(window.end()));
    }
    return bounds;
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  @SafeVarargs
  private static List<Object> concat(List<Object>... parts) {
    List<Object> all = new ArrayList<>();
    for (List<Object> part : parts) {
      all.addAll(part);
    }
    return all;
  }

  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /** Runs a statement (a resource name or, for lead floors, its SQL), reads every column; returns the rows. */
  private long run(Connection connection, String nameOrSql, List<Object> parameters, RowReader reader)
      throws SQLException {
    String sql = nameOrSql.startsWith("floor_") ? SqlResources.load(dialect.folder(), nameOrSql) : nameOrSql;
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      long rows = 0;
      try (ResultSet rs = statement.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int c = 1; c <= columns; c++) {
            rs.getObject(c);
          }
          if (reader != null) {
            reader.read(rs);
          }
          rows++;
        }
      }
      return rows;
    }
  }
}
