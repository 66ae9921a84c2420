package io.pulsereports.persistence.jdbc;

import static io.pulsereports.persistence.jdbc.DeliveryFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.Lease;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a real SQLite file; parallel workers are two pools on the same file. */
class SqliteDeliveryRepositoryIT extends DeliveryRepositoryContract {

  @TempDir static Path directory;

  @Override
  protected JdbcPersistence openMigratedDatabase() {
    JdbcPersistence persistence = JdbcPersistence.sqlite(directory.resolve("deliveries.db"));
    persistence.migrate();
    return persistence;
  }

  @Override
  protected JdbcPersistence openUnmigratedDatabase() {
    return JdbcPersistence.sqlite(directory.resolve(UUID.randomUUID() + ".db"));
  }

  @Test
  void twoWorkersOnOneFileNeverClaimTheSameDelivery() throws Exception {
    List<Delivery> due = storeDue(200);
    try (JdbcPersistence secondProcess =
        JdbcPersistence.sqlite(directory.resolve("deliveries.db"))) {

      List<Integer> claims =
          claimAllConcurrently(List.of(deliveries, secondProcess.deliveries()), due, 3);

      System.out.println("SQLite claims per worker: " + claims);
    }
  }

  /** EXPLAIN QUERY PLAN: the claim searches the two due indexes, never scans the whole log. */
  @Test
  void claimingSearchesTheDueIndexesNotTheWholeLog() {
    JdbiDeliveryRepository repository =
        new JdbiDeliveryRepository(persistence.jdbi(), Dialect.SQLITE);
    BoundSql claim =
        repository.claimStatement(NOW, new Lease("w", NOW.plusSeconds(60)), 10, Optional.empty());

    List<String> plan =
        persistence.jdbi().withHandle(h -> QueryPlans.explain(h, "EXPLAIN QUERY PLAN ", claim, 4));

    System.out.println("SQLite plan, claim due deliveries: " + plan);
    assertThat(plan).noneMatch(line -> line.startsWith("SCAN report_deliveries"));
    assertThat(String.join("\n", plan))
        .contains("idx_report_deliveries_due", "idx_report_deliveries_leased");
  }
}
