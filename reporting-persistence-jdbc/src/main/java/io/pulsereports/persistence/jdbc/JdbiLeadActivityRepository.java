package io.pulsereports.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.CallGroup;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.LeadCount;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.UtcOffsetSegment;
import io.pulsereports.core.port.out.BranchActivityPort;
import io.pulsereports.core.port.out.LeadActivityPort;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Reads lead and call activity from the user's {@code leads} and {@code call_logs} tables,
 * aggregated in the database.
 *
 * <p>Local dates and hours: the period is split where the zone's UTC offset changes ({@link
 * ReportPeriod#offsetSegments()}); within a segment local time is UTC plus a fixed number of
 * seconds, so each segment is one grouped query with plain arithmetic. A period with one offset
 * runs that query alone; with several, the segments' groups are combined with UNION ALL and summed
 * under one outer GROUP BY (a local hour can occur in two segments on a fall-back day).
 * SQLite has no time zones and PostgreSQL runs with {@code SET LOCAL TIME ZONE 'UTC'}, so both
 * give the same answer for timestamptz, plain timestamp (read as UTC) and ISO text columns.
 *
 * <p>Timestamps are bound and compared as {@link SqlInstants} describes (on SQLite a coarse
 * index-friendly text range, then an exact comparison as instants).
 */
final class JdbiLeadActivityRepository implements LeadActivityPort, BranchActivityPort {

  private static final String COMMON = "common";
  private static final String BRANCH_COLUMNS = "gym_id, branch_id";
  /** Every branch in a stable order: gym, then branch (as PostgreSQL orders uuids). */
  private static final Comparator<GymScope> SCOPE_ORDER =
      Comparator.comparing((GymScope s) -> s.gymId().toString())
          .thenComparing(s -> s.branchId().map(UUID::toString).orElse(""));

  /**
   * The rows in a stable order, sorted here rather than by the database: PostgreSQL sorts text by
   * its collation, which cost a fifth of a branch's daily query in the benchmark.
   */
  private static final Comparator<LeadCount> LEAD_COUNT_ORDER =
      Comparator.comparing(LeadCount::createdDate).thenComparing(LeadCount::status);

  private static final Comparator<Optional<String>> EMPTY_FIRST =
      Comparator.comparing((Optional<String> o) -> o.orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()));
  private static final Comparator<CallGroup> CALL_GROUP_ORDER =
      Comparator.comparing(CallGroup::date)
          .thenComparingInt(CallGroup::hour)
          .thenComparing(CallGroup::userId, EMPTY_FIRST)
          .thenComparing(CallGroup::status)
          .thenComparing(CallGroup::outcome, EMPTY_FIRST);

  private final Jdbi jdbi;
  private final Dialect dialect;

  JdbiLeadActivityRepository(Jdbi jdbi, Dialect dialect) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.dialect = requireNonNull(dialect, "dialect");
  }

  @Override
  public LeadActivity loadLeadActivity(GymScope scope, ReportPeriod period) {
    requireNonNull(scope, "scope");
    requireNonNull(period, "period");
    String what =
        "gym " + scope.gymId() + scope.branchId().map(b -> " branch " + b).orElse(" (whole gym)");
    return load(Optional.of(scope), period, what).getOrDefault(scope, LeadActivity.empty());
  }

  @Override
  public Map<GymScope, LeadActivity> loadEveryBranch(ReportPeriod period) {
    requireNonNull(period, "period");
    return load(Optional.empty(), period, "every branch");
  }

  /**
   * The activity of {@code scope}, or of every branch when it is empty: the same three statements
   * either way, the second grouped by gym and branch, so a branch's figures are the same whichever
   * way they are read.
   */
  private Map<GymScope, LeadActivity> load(
      Optional<GymScope> scope, ReportPeriod period, String what) {
    BoundSql leadsCreated = leadsCreatedQuery(scope, period);
    BoundSql converted = convertedInPeriodQuery(scope, period);
    BoundSql calls = callGroupsQuery(scope, period);
    try {
      // One snapshot for the three queries, in UTC (see ReadTransactions).
      return ReadTransactions.inOneSnapshot(
          jdbi, dialect, handle -> load(handle, scope, leadsCreated, converted, calls));
    } catch (JdbiException e) {
      throw new PersistenceException(
          "Could not load lead activity for "
              + what
              + " from "
              + period.startDate()
              + " to "
              + period.endDate()
              + " in "
              + period.zone()
              + " ("
              + dialect.folder()
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private Map<GymScope, LeadActivity> load(
      Handle handle,
      Optional<GymScope> scope,
      BoundSql leadsCreated,
      BoundSql converted,
      BoundSql calls) {
    // Columns by position: the every-branch statements start with gym_id, branch_id.
    int first = scope.isPresent() ? 1 : 3;
    Map<GymScope, ActivityRows> byScope = new HashMap<>();
    LocalDates dates = new LocalDates(dialect);
    leadsCreated
        .bindTo(handle.createQuery(leadsCreated.sql()))
        .map(
            (rs, ctx) ->
                Map.entry(
                    key(scope, rs),
                    new LeadCount(dates.read(rs, first), rs.getString(first + 1), rs.getLong(first + 2))))
        .forEach(row -> rows(byScope, row.getKey()).leadCounts.add(row.getValue()));
    converted
        .bindTo(handle.createQuery(converted.sql()))
        .map((rs, ctx) -> Map.entry(key(scope, rs), rs.getLong(first)))
        .forEach(row -> rows(byScope, row.getKey()).converted = row.getValue());
    calls
        .bindTo(handle.createQuery(calls.sql()))
        .map(
            (rs, ctx) ->
                Map.entry(
                    key(scope, rs),
                    new CallGroup(
                        dates.read(rs, first),
                        rs.getInt(first + 1),
                        Optional.ofNullable(rs.getString(first + 2)),
                        rs.getString(first + 3),
                        Optional.ofNullable(rs.getString(first + 4)),
                        rs.getLong(first + 5),
                        rs.getLong(first + 6),
                        rs.getLong(first + 7))))
        .forEach(row -> rows(byScope, row.getKey()).callGroups.add(row.getValue()));
    Map<GymScope, LeadActivity> activity = new LinkedHashMap<>();
    byScope.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(SCOPE_ORDER))
        .forEach(entry -> activity.put(entry.getKey(), entry.getValue().activity()));
    return Collections.unmodifiableMap(activity);
  }

  /** The scope asked for, or the branch a grouped row names (its first two columns). */
  private static GymScope key(Optional<GymScope> scope, ResultSet rs) throws SQLException {
    if (scope.isPresent()) {
      return scope.get();
    }
    return GymScope.branch(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)));
  }

  private static ActivityRows rows(Map<GymScope, ActivityRows> byScope, GymScope key) {
    return byScope.computeIfAbsent(key, k -> new ActivityRows());
  }

  /** One scope's rows as they are read. */
  private static final class ActivityRows {
    final List<LeadCount> leadCounts = new ArrayList<>();
    final List<CallGroup> callGroups = new ArrayList<>();
    long converted;

    LeadActivity activity() {
      leadCounts.sort(LEAD_COUNT_ORDER);
      callGroups.sort(CALL_GROUP_ORDER);
      return new LeadActivity(leadCounts, converted, callGroups);
    }
  }

  /** Reads local dates, parsing each distinct SQLite text once (a period has a few dates). */
  private static final class LocalDates {
    private final Dialect dialect;
    private final Map<String, LocalDate> parsed = new HashMap<>();

    LocalDates(Dialect dialect) {
      this.dialect = dialect;
    }

    LocalDate read(ResultSet rs, int column) throws SQLException {
      if (dialect == Dialect.POSTGRESQL) {
        return rs.getObject(column, LocalDate.class);
      }
      return parsed.computeIfAbsent(rs.getString(column), LocalDate::parse);
    }
  }

  BoundSql leadsCreatedQuery(GymScope scope, ReportPeriod period) {
    return leadsCreatedQuery(Optional.of(scope), period);
  }

  BoundSql callGroupsQuery(GymScope scope, ReportPeriod period) {
    return callGroupsQuery(Optional.of(scope), period);
  }

  BoundSql convertedInPeriodQuery(GymScope scope, ReportPeriod period) {
    return convertedInPeriodQuery(Optional.of(scope), period);
  }

  /** The statements of one scope, or of every branch (grouped by gym and branch) when it is empty. */
  BoundSql leadsCreatedQuery(Optional<GymScope> scope, ReportPeriod period) {
    return segmented("leads_created", "leads_created_segment", scope, period);
  }

  BoundSql callGroupsQuery(Optional<GymScope> scope, ReportPeriod period) {
    return segmented("call_groups", "call_groups_segment", scope, period);
  }

  BoundSql convertedInPeriodQuery(Optional<GymScope> scope, ReportPeriod period) {
    Map<String, Object> parameters = scopeParameters(scope);
    SqlInstants.putRange(parameters, dialect, period.start(), period.end(), "");
    String sql =
        SqlResources.load(dialect.folder(), "converted_in_period")
            .replace("{scope}", scopeFilter(scope))
            .replace("{groups}", groups(scope))
            .replace("{groupBy}", scope.isPresent() ? "" : "GROUP BY " + BRANCH_COLUMNS);
    return new BoundSql(sql, parameters);
  }

  private BoundSql segmented(
      String outerName, String segmentName, Optional<GymScope> scope, ReportPeriod period) {
    String segmentSql =
        SqlResources.load(dialect.folder(), segmentName)
            .replace("{scope}", scopeFilter(scope))
            .replace("{groups}", groups(scope));
    Map<String, Object> parameters = scopeParameters(scope);
    StringJoiner union = new StringJoiner("\nUNION ALL\n");
    List<UtcOffsetSegment> segments = period.offsetSegments();
    for (int i = 0; i < segments.size(); i++) {
      UtcOffsetSegment segment = segments.get(i);
      String suffix = "_" + i;
      union.add(segmentSql.replace("{seg}", suffix));
      SqlInstants.putRange(parameters, dialect, segment.start(), segment.end(), suffix);
      parameters.put("offset" + suffix, offsetParameter(segment.offsetSeconds()));
    }
    // One offset (most periods): the segment's grouped statement alone, without a subquery.
    String grouped =
        segments.size() == 1
            ? union.toString()
            : SqlResources.load(COMMON, outerName)
                .replace("{groups}", groups(scope))
                .replace("{segments}", union.toString());
    return new BoundSql(grouped, parameters);
  }

  private Map<String, Object> scopeParameters(Optional<GymScope> scope) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    scope.ifPresent(
        s -> {
          parameters.put("gymId", dialect.uuidParameter(s.gymId()));
          s.branchId().ifPresent(b -> parameters.put("branchId", dialect.uuidParameter(b)));
        });
    return parameters;
  }

  /** The WHERE condition of a scope; every row (of the period) for every branch. */
  private static String scopeFilter(Optional<GymScope> scope) {
    if (scope.isEmpty()) {
      return "1 = 1";
    }
    return scope.get().branchId().isPresent()
        ? "gym_id = :gymId AND branch_id = :branchId"
        : "gym_id = :gymId";
  }

  private static String groups(Optional<GymScope> scope) {
    return scope.isPresent() ? "" : BRANCH_COLUMNS + ", ";
  }

  private Object offsetParameter(int offsetSeconds) {
    // SQLite: a strftime() modifier such as '-18000 seconds'; PostgreSQL: the seconds.
    return dialect == Dialect.SQLITE ? String.format("%+d seconds", offsetSeconds) : offsetSeconds;
  }
}
