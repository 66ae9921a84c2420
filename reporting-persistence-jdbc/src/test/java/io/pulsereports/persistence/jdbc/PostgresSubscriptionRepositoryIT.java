package io.pulsereports.persistence.jdbc;

import static io.pulsereports.persistence.jdbc.DeliveryFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.schedule.Subscription;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The contract on a real PostgreSQL in a session whose time zone is not UTC (Asia/Tokyo); the
 * caller's DataSource opens a new connection per handle, so parallel schedulers never share one.
 */
class PostgresSubscriptionRepositoryIT extends SubscriptionRepositoryContract {

  @Override
  protected JdbcPersistence openMigratedDatabase() {
    JdbcPersistence persistence =
        JdbcPersistence.postgres(
            EmbeddedPostgresServer.newDatabase("subscriptions", "Asia/Tokyo"));
    persistence.migrate();
    return persistence;
  }

  /** Reached through a URL with a password, which no error message may repeat. */
  @Override
  protected JdbcPersistence openUnmigratedDatabase() {
    return EmbeddedPostgresServer.newUnmigratedDatabaseWithPassword();
  }

  @Test
  void fourSchedulersClaimingAtOnceTakeEveryDueSubscriptionExactlyOnce() throws Exception {
    List<Subscription> due = storeDue(200);

    List<Integer> claims = claimAllConcurrently(Collections.nCopies(4, subscriptions), due, 7);

    System.out.println("PostgreSQL subscription claims per scheduler: " + claims);
  }

  /**
   * EXPLAIN over 20,000 subscriptions, most of them paused or due later: the claim reads the
   * partial due index, never the whole table.
   */
  @Test
  void claimingReadsThePartialDueIndexNotTheWholeTable() {
    persistence.jdbi().useHandle(h -> {
      h.execute(
          "INSERT INTO report_subscriptions (id, report_type, delivery_method, recipients,"
              + " delivery_time, timezone, is_active, next_run_at, locked_by, locked_until,"
              + " created_at, updated_at)"
              + " SELECT gen_random_uuid(), 'daily', 'email', '[\"a@example.com\"]', '07:00',"
              + " 'UTC', i % 4 <> 0,"
              + " TIMESTAMPTZ '2026-03-09 07:00Z' + (i - 100) * interval '1 minute',"
              + " CASE WHEN i % 50 = 1 THEN 'w' END,"
              + " CASE WHEN i % 50 = 1 THEN TIMESTAMPTZ '2026-03-09 07:05Z' END,"
              + " TIMESTAMPTZ '2026-01-01 07:00Z', TIMESTAMPTZ '2026-01-01 07:00Z'"
              + " FROM generate_series(1, 20000) i");
      h.execute("ANALYZE report_subscriptions");
    });
    JdbiSubscriptionRepository repository =
        new JdbiSubscriptionRepository(persistence.jdbi(), Dialect.POSTGRESQL);
    BoundSql claim = repository.claimStatement(NOW, new Lease("w", NOW.plusSeconds(60)), 10);

    List<String> lines =
        persistence.jdbi().withHandle(h -> QueryPlans.explain(h, "EXPLAIN ", claim, 1));
    String plan = String.join("\n", lines);

    System.out.println("PostgreSQL plan, claim due subscriptions:\n" + plan);
    assertThat(plan).doesNotContain("Seq Scan").contains("idx_report_subscriptions_due");
  }
}
