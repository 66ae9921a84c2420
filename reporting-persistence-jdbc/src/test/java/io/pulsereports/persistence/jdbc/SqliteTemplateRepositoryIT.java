package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on a real SQLite file, whose connections (as JdbcPersistence opens them) do not
 * enforce foreign keys; and the same deletion on a connection that does.
 */
class SqliteTemplateRepositoryIT extends TemplateRepositoryContract {

  @TempDir static Path directory;

  @Override
  protected JdbcPersistence openMigratedDatabase() {
    JdbcPersistence persistence = JdbcPersistence.sqlite(directory.resolve("templates.db"));
    persistence.migrate();
    return persistence;
  }

  @Override
  protected JdbcPersistence openUnmigratedDatabase() {
    return JdbcPersistence.sqlite(directory.resolve(UUID.randomUUID() + ".db"));
  }

  /** Why the adapter sets template_id to NULL itself: V1's ON DELETE SET NULL is not enforced. */
  @Test
  void theConnectionsDoNotEnforceForeignKeys() {
    assertThat(foreignKeys(persistence)).isZero();
  }

  @Test
  void aConnectionThatEnforcesForeignKeysDeletesAlike() {
    try (JdbcPersistence enforcing =
        JdbcPersistence.fromUrl(
            "jdbc:sqlite:" + directory.resolve("templates.db") + "?foreign_keys=true")) {
      assertThat(foreignKeys(enforcing)).isOne();

      assertDeletingATemplateLeavesItsSubscriptionsOnTheBuiltInOne(
          enforcing.templates(), enforcing.subscriptions());
    }
  }

  /** EXPLAIN QUERY PLAN: unlinking a deleted template's subscriptions searches V4's index. */
  @Test
  void unlinkingSubscriptionsSearchesTheTemplateIndexNotTheWholeTable() {
    JdbiTemplateRepository repository =
        new JdbiTemplateRepository(persistence.jdbi(), Dialect.SQLITE);
    BoundSql unlink = repository.unlinkSubscriptionsStatement(UUID.randomUUID());

    List<String> plan =
        persistence.jdbi().withHandle(h -> QueryPlans.explain(h, "EXPLAIN QUERY PLAN ", unlink, 4));

    System.out.println("SQLite plan, unlink a deleted template's subscriptions: " + plan);
    assertThat(plan).noneMatch(line -> line.startsWith("SCAN report_subscriptions"));
    assertThat(String.join("\n", plan)).contains("idx_report_subscriptions_template");
  }

  private static int foreignKeys(JdbcPersistence database) {
    return database
        .jdbi()
        .withHandle(h -> h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one());
  }
}
