package io.pulsereports.persistence.jdbc;

import static io.pulsereports.persistence.jdbc.DeliveryFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.Lease;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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
  protected JdbcPersistence openUnmigratedDatabase() {
    return EmbeddedPostgresServer.newUnmigratedDatabaseWithPassword();
  }

  @Test
  void fourWorkersClaimingAtOnceTakeEveryDueDeliveryExactlyOnce() throws Exception {
    List<Delivery> due = storeDue(200);

    List<Integer> claims = claimAllConcurrently(Collections.nCopies(4, deliveries), due, 7);

    System.out.println("PostgreSQL claims per worker: " + claims);
  }

  /**
   * EXPLAIN over 20,000 finished deliveries and a few waiting and sending ones: the claim reads
   * the two partial indexes, never the whole log.
   */
  @Test
  void claimingReadsThePartialIndexesNotTheWholeLog() {
    persistence.jdbi().useHandle(h -> {
      h.execute(
          "INSERT INTO report_deliveries (id, report_type, period_start, period_end, timezone,"
              + " delivery_method, recipients, status, attempt_count, next_attempt_at,"
              + " locked_by, locked_until, idempotency_key, report_data, created_at)"
              + " SELECT gen_random_uuid(), 'daily', DATE '2026-01-01', DATE '2026-01-01', 'UTC',"
              + " 'email', '[\"a@example.com\"]',"
              + " CASE WHEN i % 1000 = 0 THEN 'pending' WHEN i % 1000 = 1 THEN 'sending'"
              + " ELSE 'sent' END, 1, TIMESTAMPTZ '2026-01-01 07:00Z' + i * interval '1 minute',"
              + " CASE WHEN i % 1000 = 1 THEN 'w' END,"
              + " CASE WHEN i % 1000 = 1 THEN TIMESTAMPTZ '2026-03-09 07:00Z' END,"
              + " 'plan-' || i, '{}', TIMESTAMPTZ '2026-01-01 07:00Z' + i * interval '1 minute'"
              + " FROM generate_series(1, 20000) i");
      h.execute("ANALYZE report_deliveries");
    });
    JdbiDeliveryRepository repository =
        new JdbiDeliveryRepository(persistence.jdbi(), Dialect.POSTGRESQL);
    BoundSql claim =
        repository.claimStatement(NOW, new Lease("w", NOW.plusSeconds(60)), 10, Optional.empty());

    List<String> lines =
        persistence.jdbi().withHandle(h -> QueryPlans.explain(h, "EXPLAIN ", claim, 1));
    String plan = String.join("\n", lines);

    System.out.println("PostgreSQL plan, claim due deliveries:\n" + plan);
    assertThat(plan)
        .doesNotContain("Seq Scan")
        .contains("idx_report_deliveries_waiting", "idx_report_deliveries_leased");
  }
}
