package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SqlInstantsTest {

  @Test
  void readsEveryIsoTextFormSqliteAcceptsAsTheExactInstant() {
    assertThat(SqlInstants.parseSqliteText("2026-03-08 05:00:00"))
        .isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
    assertThat(SqlInstants.parseSqliteText("2026-03-08T05:00:00.123456"))
        .isEqualTo(Instant.parse("2026-03-08T05:00:00.123456Z"));
    assertThat(SqlInstants.parseSqliteText("2026-03-08 05:00:00.5Z"))
        .isEqualTo(Instant.parse("2026-03-08T05:00:00.500Z"));
    assertThat(SqlInstants.parseSqliteText("2026-03-07T23:00:00-05:00"))
        .isEqualTo(Instant.parse("2026-03-08T04:00:00Z"));
    assertThat(SqlInstants.parseSqliteText("2026-03-08 05:00"))
        .isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
    assertThat(SqlInstants.parseSqliteText("2026-03-08"))
        .isEqualTo(Instant.parse("2026-03-08T00:00:00Z"));
  }

  @Test
  void namesTheValueItCannotRead() {
    assertThatThrownBy(() -> SqlInstants.parseSqliteText("yesterday"))
        .isInstanceOf(PersistenceException.class)
        .hasMessageContaining("'yesterday'");
  }

  @Test
  void theSqliteLowerBoundIsOneDayBeforeTheUtcDate() {
    assertThat(SqlInstants.sqliteTextLowerBound(Instant.parse("2026-03-09T04:00:00Z")))
        .isEqualTo("2026-03-08");
  }
}
