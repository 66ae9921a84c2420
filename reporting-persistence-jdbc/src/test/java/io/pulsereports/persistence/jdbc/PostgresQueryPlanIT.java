package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.persistence.jdbc.QueryPlans.LearningStatement;
import io.pulsereports.persistence.jdbc.QueryPlans.Named;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN on 60,000 calls and 30,000 leads over two years and 30 gyms: a day's statements use the
 * indexes, for timestamptz columns and for plain timestamp columns compared with the timestamptz
 * bounds (cross-type btree operators), without a sequential scan.
 */
class PostgresQueryPlanIT {

  @Test
  void usesTheIndexesOnTimestamptzColumns() {
    try (JdbcPersistence persistence =
        JdbcPersistence.postgres(EmbeddedPostgresServer.newDatabase("plan_tz", "UTC"))) {
      persistence.installDemoSchema();
      assertIndexPlans(persistence, "timestamptz");
    }
  }

  @Test
  void usesTheIndexesOnPlainTimestampColumns() throws IOException {
    try (JdbcPersistence persistence =
        JdbcPersistence.postgres(EmbeddedPostgresServer.newDatabase("plan_plain", "UTC"))) {
      String ddl;
      try (InputStream in = getClass().getResourceAsStream("/plain-timestamp-lead-tables.sql")) {
        ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      persistence.jdbi().useHandle(h -> h.createScript(ddl).execute());
      assertIndexPlans(persistence, "plain timestamp");
    }
  }

  private static void assertIndexPlans(JdbcPersistence persistence, String label) {
    Jdbi jdbi = persistence.jdbi();
    jdbi.useHandle(
        h -> {
          h.execute(
              "INSERT INTO leads (id, gym_id, branch_id, lead_status, created_at, updated_at)"
                  + " SELECT gen_random_uuid(), CASE WHEN i % 30 = 0 THEN"
                  + " '11111111-1111-1111-1111-111111111111'::uuid ELSE"
                  + " md5((i % 30)::text)::uuid END,"
                  + " CASE WHEN i % 2 = 0 THEN 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa'::uuid ELSE"
                  + " 'bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb'::uuid END,"
                  + " (ARRAY['new','contacted','qualified','converted','lost'])[1 + i % 5],"
                  + " TIMESTAMPTZ '2025-01-01 00:00Z' + i * interval '35 minutes',"
                  + " TIMESTAMPTZ '2025-01-01 00:00Z' + i * interval '35 minutes' + interval '3 days'"
                  + " FROM generate_series(1, 30000) i");
          h.execute(
              "INSERT INTO call_logs (id, gym_id, branch_id, user_id, status, outcome, duration,"
                  + " created_at) SELECT gen_random_uuid(), CASE WHEN i % 30 = 0 THEN"
                  + " '11111111-1111-1111-1111-111111111111'::uuid ELSE"
                  + " md5((i % 30)::text)::uuid END,"
                  + " CASE WHEN i % 2 = 0 THEN 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa'::uuid ELSE"
                  + " 'bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb'::uuid END, NULL, 'completed',"
                  + " 'interested', 60, TIMESTAMPTZ '2025-01-01 00:00Z' + i * interval '18 minutes'"
                  + " FROM generate_series(1, 60000) i");
          h.execute("ANALYZE leads");
          h.execute("ANALYZE call_logs");
        });
    JdbiLeadActivityRepository repository =
        new JdbiLeadActivityRepository(jdbi, Dialect.POSTGRESQL);
    for (Named statement : QueryPlans.statements(repository)) {
      List<String> plan =
          jdbi.inTransaction(
              h -> {
                h.execute("SET LOCAL TIME ZONE 'UTC'");
                return QueryPlans.explain(h, "EXPLAIN ", statement.sql(), 1);
              });
      String text = String.join("\n", plan);
      System.out.println("PostgreSQL plan (" + label + "), " + statement.name() + ":\n" + text);
      assertThat(text)
          .as(label + ", " + statement.name())
          .doesNotContain("Seq Scan")
          .containsPattern("Index (Only )?Scan|Bitmap Index Scan")
          .containsPattern("Index Cond: .*(created_at|updated_at) >=");
    }
  }

  @Test
  void learningStatementsUseTheIndexesOfTheDemoSchema() {
    try (JdbcPersistence persistence =
        JdbcPersistence.postgres(EmbeddedPostgresServer.newDatabase("plan_learning", "UTC"))) {
      persistence.installDemoSchema();
      assertLearningIndexPlans(persistence, "timestamptz");
    }
  }

  @Test
  void learningStatementsUseTheReadmeIndexesOnPlainTimestampColumns() throws IOException {
    try (JdbcPersistence persistence =
        JdbcPersistence.postgres(
            EmbeddedPostgresServer.newDatabase("plan_learning_plain", "UTC"))) {
      LearningActivityPortContract.createTables(
          persistence, "/learning-tables-plain-timestamp.sql");
      LearningActivityPortContract.createTables(
          persistence, "/conversion-triggers-plain-timestamp.sql");
      LearningActivityPortContract.createTables(persistence, "/learning-report-indexes.sql");
      assertLearningIndexPlans(persistence, "plain timestamp");
    }
  }

  /**
   * 5,000 users, 200,000 sessions and 200,000 errors over two years, 5,000 triggers: each window
   * statement reads its table by an index range of its time column, never by a sequential scan;
   * inactive users probe (user_id, started_at) backwards once per user.
   */
  private static void assertLearningIndexPlans(JdbcPersistence persistence, String label) {
    Jdbi jdbi = persistence.jdbi();
    jdbi.useHandle(
        h -> {
          h.execute(
              "INSERT INTO users (user_id, email, role, english_level, created_at)"
                  + " SELECT 'user-' || i, 'user' || i || '@example.com',"
                  + " (ARRAY['free','free','free','student','coach','superuser'])[1 + i % 6],"
                  + " 'B2', TIMESTAMP '2025-01-01' FROM generate_series(1, 5000) i");
          h.execute(
              "INSERT INTO coaching_sessions (session_id, user_id, started_at, confidence_score,"
                  + " error_count) SELECT 'session-' || i, 'user-' || (1 + i % 5000),"
                  + " TIMESTAMP '2025-04-01' + i * interval '315 seconds', 1 + i % 10, i % 5"
                  + " FROM generate_series(1, 200000) i");
          h.execute(
              "INSERT INTO detected_errors (error_id, session_id, user_id, error_type,"
                  + " error_category, error_text, detected_at) SELECT 'error-' || i,"
                  + " 'session-' || i, 'user-' || (1 + i % 5000),"
                  + " (ARRAY['grammar','pronunciation','vocabulary'])[1 + i % 3],"
                  + " 'Category ' || i % 7, 'text ' || i % 50,"
                  + " TIMESTAMP '2025-04-01' + i * interval '315 seconds'"
                  + " FROM generate_series(1, 200000) i");
          h.execute(
              "INSERT INTO conversion_triggers (trigger_id, user_id, trigger_type,"
                  + " triggered_at, offer_sent) SELECT 'trigger-' || i, 'user-' || i,"
                  + " 'high_confidence_streak',"
                  + " TIMESTAMP '2025-04-01' + i * interval '3 hours', (i % 2 = 0)"
                  + " FROM generate_series(1, 5000) i");
          for (String table :
              List.of("users", "coaching_sessions", "detected_errors", "conversion_triggers")) {
            h.execute("ANALYZE " + table);
          }
        });
    JdbiLearningActivityRepository repository =
        JdbiLearningActivityRepository.transactionPerRead(jdbi, Dialect.POSTGRESQL);
    for (LearningStatement statement : QueryPlans.learningStatements(repository)) {
      List<String> plan =
          jdbi.inTransaction(
              h -> {
                h.execute("SET LOCAL TIME ZONE 'UTC'");
                return QueryPlans.explain(h, "EXPLAIN ", statement.sql(), 1);
              });
      String text = String.join("\n", plan);
      System.out.println("PostgreSQL plan (" + label + "), " + statement.name() + ":\n" + text);
      assertThat(text)
          .as(label + ", " + statement.name())
          .doesNotContain("Seq Scan on " + statement.table())
          .containsPattern("Index (Only )?Scan( Backward)? using \\w+ on " + statement.table())
          .containsPattern("Index Cond: .*" + statement.timeColumn() + " [<>]");
    }
  }
}
