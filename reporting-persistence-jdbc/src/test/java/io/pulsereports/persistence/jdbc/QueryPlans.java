package io.pulsereports.persistence.jdbc;

import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.ReportPeriod;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/** The adapter's statements for the plan checks, and a way to explain them. */
final class QueryPlans {

  static final ReportPeriod SPRING_FORWARD_DAY =
      ReportPeriod.day(LocalDate.of(2026, 3, 8), ZoneId.of("America/New_York"));
  static final GymScope BRANCH =
      GymScope.branch(LeadActivityFixture.GYM, LeadActivityFixture.BRANCH);
  static final GymScope WHOLE_GYM = GymScope.wholeGym(LeadActivityFixture.GYM);

  record Named(String name, BoundSql sql) {}

  static List<Named> statements(JdbiLeadActivityRepository repository) {
    return Stream.of(Optional.of(BRANCH), Optional.of(WHOLE_GYM), Optional.<GymScope>empty())
        .flatMap(
            scope -> {
              String label =
                  scope.isEmpty()
                      ? "every branch"
                      : scope.get().branchId().isPresent() ? "branch" : "whole gym";
              List<BiFunction<Optional<GymScope>, ReportPeriod, BoundSql>> queries =
                  List.of(
                      repository::leadsCreatedQuery,
                      repository::convertedInPeriodQuery,
                      repository::callGroupsQuery);
              List<String> names = List.of("leads created", "converted in period", "call groups");
              return java.util.stream.IntStream.range(0, 3)
                  .mapToObj(
                      i ->
                          new Named(
                              names.get(i) + " (" + label + ")",
                              queries.get(i).apply(scope, SPRING_FORWARD_DAY)));
            })
        .toList();
  }

  /** A learning statement, the table it reads by a time range, and that time column. */
  record LearningStatement(String name, BoundSql sql, String table, String timeColumn) {}

  static List<LearningStatement> learningStatements(JdbiLearningActivityRepository repository) {
    return List.of(
        new LearningStatement(
            "engagement",
            repository.engagementQuery(LearningActivityFixture.ENGAGEMENT_WEEK),
            "coaching_sessions",
            "started_at"),
        new LearningStatement(
            "top mistakes",
            repository.mistakesTopQuery(LearningActivityFixture.THIRTY_DAYS, 10),
            "detected_errors",
            "detected_at"),
        new LearningStatement(
            "mistakes heatmap",
            repository.mistakesHeatmapQuery(LearningActivityFixture.THIRTY_DAYS),
            "detected_errors",
            "detected_at"),
        new LearningStatement(
            "free learners' sessions",
            repository.freeLearnerSessionsQuery(LearningActivityFixture.CONVERSION_WINDOW),
            "coaching_sessions",
            "started_at"),
        new LearningStatement(
            "offers sent",
            repository.usersOfferedQuery(LearningActivityFixture.THIRTY_DAYS),
            "conversion_triggers",
            "triggered_at"),
        new LearningStatement(
            "inactive users",
            repository.inactiveUsersQuery(LearningActivityFixture.THIRTY_DAYS, 100),
            "coaching_sessions",
            "started_at"));
  }

  static List<String> explain(Handle handle, String prefix, BoundSql statement, int column) {
    return statement
        .bindTo(handle.createQuery(prefix + statement.sql()))
        .map((rs, ctx) -> rs.getString(column))
        .list();
  }

  private QueryPlans() {}
}
