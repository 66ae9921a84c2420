package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract on a real PostgreSQL in a session whose time zone is not UTC (Asia/Tokyo). */
class PostgresTokenRepositoryIT extends TokenRepositoryContract {

  @Override
  protected JdbcPersistence openMigratedDatabase() {
    JdbcPersistence persistence =
        JdbcPersistence.postgres(EmbeddedPostgresServer.newDatabase("tokens", "Asia/Tokyo"));
    persistence.migrate();
    return persistence;
  }

  /** Reached through a URL with a password, which no error message may repeat. */
  @Override
  protected JdbcPersistence openUnmigratedDatabase() {
    return EmbeddedPostgresServer.newUnmigratedDatabaseWithPassword();
  }

  /** EXPLAIN over 20,000 tokens: a request's token is one read of the unique token_hash index. */
  @Test
  void findingATokenByItsHashReadsTheUniqueIndex() {
    persistence.jdbi().useHandle(h -> {
      h.execute(
          "INSERT INTO api_tokens (id, gym_ids, token_hash, token_prefix, created_at)"
              + " SELECT gen_random_uuid(), '[\"" + DeliveryFixture.GYM_A + "\"]',"
              + " md5(i::text) || md5((-i)::text), 'prt_x', TIMESTAMPTZ '2026-01-01 07:00Z'"
              + " FROM generate_series(1, 20000) i");
      h.execute("ANALYZE api_tokens");
    });
    JdbiTokenRepository repository =
        new JdbiTokenRepository(persistence.jdbi(), Dialect.POSTGRESQL);
    BoundSql byHash = repository.byHashStatement(SECRET_HASH);

    List<String> lines =
        persistence.jdbi().withHandle(h -> QueryPlans.explain(h, "EXPLAIN ", byHash, 1));
    String plan = String.join("\n", lines);

    System.out.println("PostgreSQL plan, token by hash:\n" + plan);
    assertThat(plan)
        .doesNotContain("Seq Scan")
        .contains("Index Scan using api_tokens_token_hash_key");
  }
}
