package io.pulsereports.persistence.jdbc;

import static io.pulsereports.persistence.jdbc.DeliveryFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.schedule.Subscription;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a real SQLite file; parallel schedulers are two pools on the same file. */
class SqliteSubscriptionRepositoryIT extends SubscriptionRepositoryContract {

  @TempDir static Path directory;

  @Override
  protected JdbcPersistence openMigratedDatabase() {
    JdbcPersistence persistence = JdbcPersistence.sqlite(directory.resolve("subscriptions.db"));
    persistence.migrate();
    return persistence;
  }

  @Override
  protected JdbcPersistence openUnmigratedDatabase() {
    return JdbcPersistence.sqlite(directory.resolve(UUID.randomUUID() + ".db"));
  }

  @Test
  void twoSchedulersOnOneFileNeverClaimTheSameSubscription() throws Exception {
    List<Subscription> due = storeDue(200);
    try (JdbcPersistence secondProcess =
        JdbcPersistence.sqlite(directory.resolve("subscriptions.db"))) {

      List<Integer> claims =
          claimAllConcurrently(List.of(subscriptions, secondProcess.subscriptions()), due, 3);

      System.out.println("SQLite subscription claims per scheduler: " + claims);
    }
  }

  /** EXPLAIN QUERY PLAN: the claim searches the partial due index, never scans the table. */
  @Test
  void claimingSearchesTheDueIndexNotTheWholeTable() {
    JdbiSubscriptionRepository repository =
        new JdbiSubscriptionRepository(persistence.jdbi(), Dialect.SQLITE);
    BoundSql claim = repository.claimStatement(NOW, new Lease("w", NOW.plusSeconds(60)), 10);

    List<String> plan =
        persistence.jdbi().withHandle(h -> QueryPlans.explain(h, "EXPLAIN QUERY PLAN ", claim, 4));

    System.out.println("SQLite plan, claim due subscriptions: " + plan);
    assertThat(plan).noneMatch(line -> line.startsWith("SCAN report_subscriptions"));
    assertThat(String.join("\n", plan)).contains("idx_report_subscriptions_due");
  }
}
