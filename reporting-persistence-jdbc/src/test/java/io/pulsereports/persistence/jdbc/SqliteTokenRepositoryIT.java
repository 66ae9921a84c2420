package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a real SQLite file. */
class SqliteTokenRepositoryIT extends TokenRepositoryContract {

  @TempDir static Path directory;

  @Override
  protected JdbcPersistence openMigratedDatabase() {
    JdbcPersistence persistence = JdbcPersistence.sqlite(directory.resolve("tokens.db"));
    persistence.migrate();
    return persistence;
  }

  @Override
  protected JdbcPersistence openUnmigratedDatabase() {
    return JdbcPersistence.sqlite(directory.resolve(UUID.randomUUID() + ".db"));
  }

  /** EXPLAIN QUERY PLAN: a request's token is one search of the unique token_hash index. */
  @Test
  void findingATokenByItsHashSearchesTheUniqueIndex() {
    JdbiTokenRepository repository = new JdbiTokenRepository(persistence.jdbi(), Dialect.SQLITE);
    BoundSql byHash = repository.byHashStatement(SECRET_HASH);

    List<String> plan =
        persistence.jdbi().withHandle(h -> QueryPlans.explain(h, "EXPLAIN QUERY PLAN ", byHash, 4));

    System.out.println("SQLite plan, token by hash: " + plan);
    assertThat(plan).hasSize(1);
    assertThat(plan.get(0)).startsWith("SEARCH api_tokens USING INDEX").contains("token_hash=?");
  }
}
