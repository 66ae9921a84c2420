package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract on a real PostgreSQL in a session whose time zone is not UTC (Asia/Tokyo). */
class PostgresTemplateRepositoryIT extends TemplateRepositoryContract {

  @Override
  protected JdbcPersistence openMigratedDatabase() {
    JdbcPersistence persistence =
        JdbcPersistence.postgres(EmbeddedPostgresServer.newDatabase("templates", "Asia/Tokyo"));
    persistence.migrate();
    return persistence;
  }

  /** Reached through a URL with a password, which no error message may repeat. */
  @Override
  protected JdbcPersistence openUnmigratedDatabase() {
    return EmbeddedPostgresServer.newUnmigratedDatabaseWithPassword();
  }

  /**
   * EXPLAIN over 20,000 subscriptions, one in a hundred with a custom template: the lookup that
   * ON DELETE SET NULL runs when a template is deleted (the same UPDATE) reads V4's partial index,
   * never the whole table.
   */
  @Test
  void deletingATemplateFindsItsSubscriptionsThroughTheTemplateIndex() {
    UUID template = UUID.randomUUID();
    persistence.jdbi().useHandle(h -> {
      h.execute(
          "INSERT INTO report_templates (id, name, report_type, content) VALUES ('" + template
              + "', 't', 'daily', '<p/>')");
      h.execute(
          "INSERT INTO report_subscriptions (id, report_type, delivery_method, recipients,"
              + " delivery_time, template_id, created_at, updated_at)"
              + " SELECT gen_random_uuid(), 'daily', 'email', '[\"a@example.com\"]', '07:00',"
              + " CASE WHEN i % 100 = 0 THEN '" + template + "'::uuid END,"
              + " TIMESTAMPTZ '2026-01-01 07:00Z', TIMESTAMPTZ '2026-01-01 07:00Z'"
              + " FROM generate_series(1, 20000) i");
      h.execute("ANALYZE report_subscriptions");
    });
    BoundSql setNull =
        new BoundSql(
            "UPDATE report_subscriptions SET template_id = NULL WHERE template_id = :id",
            Map.of("id", template));

    List<String> lines =
        persistence.jdbi().withHandle(h -> QueryPlans.explain(h, "EXPLAIN ", setNull, 1));
    String plan = String.join("\n", lines);

    System.out.println("PostgreSQL plan, subscriptions of a deleted template:\n" + plan);
    assertThat(plan).doesNotContain("Seq Scan").contains("idx_report_subscriptions_template");
  }
}
