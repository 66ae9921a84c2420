package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.persistence.jdbc.QueryPlans.LearningStatement;
import io.pulsereports.persistence.jdbc.QueryPlans.Named;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EXPLAIN QUERY PLAN: every read of leads and call_logs is an index range search. */
class SqliteQueryPlanIT {

  @TempDir Path directory;

  @Test
  void everyStatementSearchesAnIndexByScopeAndTimeRange() {
    try (JdbcPersistence persistence = JdbcPersistence.sqlite(directory.resolve("plan.db"))) {
      persistence.installDemoSchema();
      JdbiLeadActivityRepository repository =
          new JdbiLeadActivityRepository(persistence.jdbi(), Dialect.SQLITE);
      for (Named statement : QueryPlans.statements(repository)) {
        List<String> plan =
            persistence
                .jdbi()
                .withHandle(
                    h -> QueryPlans.explain(h, "EXPLAIN QUERY PLAN ", statement.sql(), 4));
        System.out.println("SQLite plan, " + statement.name() + ": " + plan);
        List<String> tableAccess =
            plan.stream().filter(l -> l.contains(" leads") || l.contains(" call_logs")).toList();
        assertThat(tableAccess).as(statement.name()).isNotEmpty();
        assertThat(tableAccess)
            .as(statement.name())
            .allSatisfy(
                line ->
                    assertThat(line)
                        .startsWith("SEARCH")
                        .containsPattern("USING (COVERING )?INDEX idx_")
                        .containsPattern("(created_at|updated_at)>\\? AND (created_at|updated_at)<\\?"));
      }
    }
  }

  /**
   * Every access to the statement's table (aliased s or p in the SQL, or by its name) searches
   * an index of that table by a range of its time column; only users and the materialized
   * results of a statement may be scanned.
   */
  @Test
  void everyLearningStatementReadsItsTableByAnIndexRange() {
    try (JdbcPersistence persistence = JdbcPersistence.sqlite(directory.resolve("learning.db"))) {
      persistence.installDemoSchema();
      JdbiLearningActivityRepository repository =
          JdbiLearningActivityRepository.transactionPerRead(persistence.jdbi(), Dialect.SQLITE);
      for (LearningStatement statement : QueryPlans.learningStatements(repository)) {
        List<String> plan =
            persistence
                .jdbi()
                .withHandle(
                    h -> QueryPlans.explain(h, "EXPLAIN QUERY PLAN ", statement.sql(), 4));
        System.out.println("SQLite plan, " + statement.name() + ": " + plan);
        String table = statement.table();
        List<String> tableAccess =
            plan.stream()
                .filter(l -> l.matches("(SEARCH|SCAN) (s|p|" + table + ")( .*)?"))
                .toList();
        assertThat(tableAccess).as(statement.name()).isNotEmpty();
        assertThat(tableAccess)
            .as(statement.name())
            .allSatisfy(
                line ->
                    assertThat(line)
                        .startsWith("SEARCH")
                        .containsPattern("USING (COVERING )?INDEX idx_" + table + "_")
                        .containsPattern(statement.timeColumn() + "[<>]\\?"));
      }
    }
  }
}
