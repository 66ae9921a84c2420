package io.pulsereports.persistence.jdbc;

import static io.pulsereports.persistence.jdbc.DeliveryFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryId;
import io.pulsereports.core.delivery.Lease;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The contract on a real PostgreSQL in a session whose time zone is not UTC (Asia/Tokyo); the
 * caller's DataSource opens a new connection per handle, so parallel workers never share one.
 */
class PostgresDeliveryRepositoryIT extends DeliveryRepositoryContract {

  @Override
  protected JdbcPersistence openMigratedDatabase() {
    JdbcPersistence persistence =
        JdbcPersistence.postgres(EmbeddedPostgresServer.newDatabase("deliveries", "Asia/Tokyo"));
    persistence.migrate();
    return persistence;
  }

  /** Reached through a URL with a password, which no error message may repeat. */
  @Override
  protected JdbcPersistence openUnmigratedDatabase() throws Exception {
    DataSource empty = EmbeddedPostgresServer.newDatabase("unmigrated", "UTC");
    String name;
    try (Connection connection = empty.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT current_database()")) {
      rs.next();
      name = rs.getString(1);
    }
    return JdbcPersistence.fromUrl(
        EmbeddedPostgresServer.jdbcUrl(name) + "&password=s3cret-password");
  }

  @Test
  void fourWorkersClaimingAtOnceTakeEveryDueDeliveryExactlyOnce() throws Exception {
    List<Delivery> due = storeDue(200);
    int workers = 4;
    CyclicBarrier start = new CyclicBarrier(workers);
    List<Callable<List<DeliveryId>>> claimers = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      Lease lease = new Lease("worker-" + w, NOW.plus(Duration.ofMinutes(5)));
      claimers.add(() -> {
        start.await(10, TimeUnit.SECONDS);
        List<DeliveryId> claimed = new ArrayList<>();
        List<Delivery> batch;
        while (!(batch = deliveries.claimDue(NOW, lease, 7)).isEmpty()) {
          batch.forEach(d -> claimed.add(d.id()));
        }
        return claimed;
      });
    }

    List<List<DeliveryId>> claimedPerWorker = runConcurrently(claimers);

    List<DeliveryId> all = claimedPerWorker.stream().flatMap(List::stream).toList();
    assertThat(all).doesNotHaveDuplicates();
    assertThat(all).containsExactlyInAnyOrderElementsOf(due.stream().map(Delivery::id).toList());
    for (int w = 0; w < workers; w++) {
      for (DeliveryId id : claimedPerWorker.get(w)) {
        Delivery stored = deliveries.find(id).orElseThrow();
        assertThat(stored.attemptCount()).isEqualTo(1);
        assertThat(stored.lease().orElseThrow().owner()).isEqualTo("worker-" + w);
      }
    }
    System.out.println(
        "PostgreSQL claims per worker: "
            + claimedPerWorker.stream().map(List::size).toList());
  }
}
