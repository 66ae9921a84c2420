package io.pulsereports.persistence.jdbc;

import static io.pulsereports.persistence.jdbc.DeliveryFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryId;
import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.port.out.DeliveryRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
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
      List<DeliveryRepository> workers = List.of(deliveries, secondProcess.deliveries());
      CyclicBarrier start = new CyclicBarrier(workers.size());
      List<Callable<List<DeliveryId>>> claimers = new ArrayList<>();
      for (int w = 0; w < workers.size(); w++) {
        DeliveryRepository worker = workers.get(w);
        Lease lease = new Lease("worker-" + w, NOW.plus(Duration.ofMinutes(5)));
        claimers.add(() -> {
          start.await(10, TimeUnit.SECONDS);
          List<DeliveryId> claimed = new ArrayList<>();
          List<Delivery> batch;
          while (!(batch = worker.claimDue(NOW, lease, 3)).isEmpty()) {
            batch.forEach(d -> claimed.add(d.id()));
          }
          return claimed;
        });
      }

      List<List<DeliveryId>> claimedPerWorker = runConcurrently(claimers);

      System.out.println(
          "SQLite claims per worker: " + claimedPerWorker.stream().map(List::size).toList());
      List<DeliveryId> all = claimedPerWorker.stream().flatMap(List::stream).toList();
      assertThat(all).doesNotHaveDuplicates();
      assertThat(all).containsExactlyInAnyOrderElementsOf(due.stream().map(Delivery::id).toList());
      for (int w = 0; w < workers.size(); w++) {
        for (DeliveryId id : claimedPerWorker.get(w)) {
          Delivery stored = deliveries.find(id).orElseThrow();
          assertThat(stored.attemptCount()).isEqualTo(1);
          assertThat(stored.lease().orElseThrow().owner()).isEqualTo("worker-" + w);
        }
      }
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
