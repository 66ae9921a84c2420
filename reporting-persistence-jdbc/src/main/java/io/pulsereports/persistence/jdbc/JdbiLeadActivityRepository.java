package io.pulsereports.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.CallGroup;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.LeadCount;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.UtcOffsetSegment;
import io.pulsereports.core.port.out.LeadActivityPort;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Reads lead and call activity from the user's {@code leads} and {@code call_logs} tables,
 * aggregated in the database.
 *
 * <p>Local dates and hours: the period is split where the zone's UTC offset changes ({@link
 * ReportPeriod#offsetSegments()}); within a segment local time is UTC plus a fixed number of
 * seconds, so each segment is one query with plain arithmetic, and the segments are combined with
 * UNION ALL under one outer GROUP BY (a local hour can occur in two segments on a fall-back day).
 * SQLite has no time zones and PostgreSQL runs with {@code SET LOCAL TIME ZONE 'UTC'}, so both
 * give the same answer for timestamptz, plain timestamp (read as UTC) and ISO text columns.
 *
 * <p>Timestamps are bound and compared as {@link SqlInstants} describes (on SQLite a coarse
 * index-friendly text range, then an exact comparison as instants).
 */
final class JdbiLeadActivityRepository implements LeadActivityPort {

  private static final String COMMON = "common";

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
    BoundSql leadsCreated = leadsCreatedQuery(scope, period);
    BoundSql converted = convertedInPeriodQuery(scope, period);
    BoundSql calls = callGroupsQuery(scope, period);
    try {
      // One snapshot for the three queries, in UTC (see ReadTransactions).
      return ReadTransactions.inOneSnapshot(
          jdbi, dialect, handle -> load(handle, leadsCreated, converted, calls));
    } catch (JdbiException e) {
      throw new PersistenceException(
          "Could not load lead activity for gym "
              + scope.gymId()
              + scope.branchId().map(b -> " branch " + b).orElse(" (whole gym)")
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

  private LeadActivity load(
      Handle handle, BoundSql leadsCreated, BoundSql converted, BoundSql calls) {
    List<LeadCount> leadCounts =
        leadsCreated
            .bindTo(handle.createQuery(leadsCreated.sql()))
            .map(
                (rs, ctx) ->
                    new LeadCount(
                        localDate(rs, "local_date"), rs.getString("lead_status"), rs.getLong("n")))
            .list();
    long convertedCount =
        converted.bindTo(handle.createQuery(converted.sql())).mapTo(Long.class).one();
    List<CallGroup> callGroups =
        calls
            .bindTo(handle.createQuery(calls.sql()))
            .map(
                (rs, ctx) ->
                    new CallGroup(
                        localDate(rs, "local_date"),
                        rs.getInt("local_hour"),
                        Optional.ofNullable(rs.getString("user_id")),
                        rs.getString("status"),
                        Optional.ofNullable(rs.getString("outcome")),
                        rs.getLong("calls"),
                        rs.getLong("duration_seconds"),
                        rs.getLong("calls_with_duration")))
            .list();
    return new LeadActivity(leadCounts, convertedCount, callGroups);
  }

  private LocalDate localDate(ResultSet rs, String column) throws SQLException {
    if (dialect == Dialect.POSTGRESQL) {
      return rs.getObject(column, LocalDate.class);
    }
    return LocalDate.parse(rs.getString(column));
  }

  BoundSql leadsCreatedQuery(GymScope scope, ReportPeriod period) {
    return segmented("leads_created", "leads_created_segment", scope, period);
  }

  BoundSql callGroupsQuery(GymScope scope, ReportPeriod period) {
    return segmented("call_groups", "call_groups_segment", scope, period);
  }

  BoundSql convertedInPeriodQuery(GymScope scope, ReportPeriod period) {
    Map<String, Object> parameters = scopeParameters(scope);
    SqlInstants.putRange(parameters, dialect, period.start(), period.end(), "");
    String sql =
        SqlResources.load(dialect.folder(), "converted_in_period")
            .replace("{branchFilter}", branchFilter(scope));
    return new BoundSql(sql, parameters);
  }

  private BoundSql segmented(
      String outerName, String segmentName, GymScope scope, ReportPeriod period) {
    String segmentSql =
        SqlResources.load(dialect.folder(), segmentName)
            .replace("{branchFilter}", branchFilter(scope));
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
    String sql = SqlResources.load(COMMON, outerName).replace("{segments}", union.toString());
    return new BoundSql(sql, parameters);
  }

  private Map<String, Object> scopeParameters(GymScope scope) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("gymId", dialect.uuidParameter(scope.gymId()));
    scope.branchId().ifPresent(b -> parameters.put("branchId", dialect.uuidParameter(b)));
    return parameters;
  }

  private static String branchFilter(GymScope scope) {
    return scope.branchId().isPresent() ? "AND branch_id = :branchId" : "";
  }

  private Object offsetParameter(int offsetSeconds) {
    // SQLite: a strftime() modifier such as '-18000 seconds'; PostgreSQL: the seconds.
    return dialect == Dialect.SQLITE ? String.format("%+d seconds", offsetSeconds) : offsetSeconds;
  }
}
