package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcPersistenceTest {

  @Test
  void rejectsAnUnsupportedUrlNamingItsSchemeButNotItsPassword() {
    assertThatThrownBy(() -> JdbcPersistence.fromUrl("jdbc:mysql://admin:s3cret@db:3306/gyms"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:mysql")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> JdbcPersistence.fromUrl("postgres://admin:s3cret@db/gyms"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'postgres'")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void describesAUrlWithoutItsCredentials() {
    assertThat(JdbcPersistence.redact("jdbc:postgresql://db:5432/gyms?user=r&password=s3cret"))
        .isEqualTo("PostgreSQL database jdbc:postgresql://db:5432/gyms");
    assertThat(JdbcPersistence.redact("jdbc:postgresql://r:s3cret@db/gyms"))
        .isEqualTo("PostgreSQL database jdbc:postgresql://db/gyms");
    assertThat(JdbcPersistence.redact("jdbc:sqlite:/tmp/reports.db"))
        .isEqualTo("SQLite database /tmp/reports.db");
  }
}
