package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A read transaction is REPEATABLE READ in UTC, and leaves the session as it found it. */
class PostgresReadTransactionsIT {

  @Test
  void readsInOneRepeatableReadSnapshotInUtcAndRestoresTheSession() {
    try (JdbcPersistence persistence =
        JdbcPersistence.postgres(EmbeddedPostgresServer.newDatabase("read_tx", "Asia/Tokyo"))) {
      List<String> inside = ReadTransactions.inOneSnapshot(persistence.jdbi(), Dialect.POSTGRESQL, handle -> List.of(
          handle.createQuery("SHOW transaction_isolation").mapTo(String.class).one(),
          handle.createQuery("SHOW TimeZone").mapTo(String.class).one()));
      List<String> after = persistence.jdbi().withHandle(handle -> List.of(
          handle.createQuery("SHOW transaction_isolation").mapTo(String.class).one(),
          handle.createQuery("SHOW TimeZone").mapTo(String.class).one()));

      assertThat(inside).containsExactly("repeatable read", "UTC");
      assertThat(after).containsExactly("read committed", "Asia/Tokyo");
    }
  }
}
