package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's lead rows are pinned: the same spec must keep writing the same leads and calls
 * (tests and benchmarks elsewhere rely on them), whatever else the generator learns to write.
 */
class SyntheticLeadDataIT {

  private static final SyntheticDataSpec DEMO = SyntheticDataSpec.demo(LocalDate.of(2026, 3, 1));

  @TempDir Path directory;

  @Test
  void writesTheSameLeadRowsOnSqliteAsAlways() {
    try (JdbcPersistence sqlite = JdbcPersistence.sqlite(directory.resolve("demo.db"))) {
      SyntheticLeadData.write(sqlite, DEMO, rows -> {});

      assertThat(SyntheticDataDigests.digest(sqlite, "leads", "id"))
          .isEqualTo("5760:3064b5a5a75a8c22f5493660966f27928f1ce0d0ab26412346370cd2b4e42142");
      assertThat(SyntheticDataDigests.digest(sqlite, "call_logs", "id"))
          .isEqualTo("28800:d29a7e12c1f31f96e6379fa9a5c38b69505427647c4445ccfa7278a5c2b0f8db");
    }
  }

  @Test
  void writesTheSameLeadRowsOnPostgresqlAsAlways() {
    try (JdbcPersistence postgres =
        JdbcPersistence.postgres(EmbeddedPostgresServer.newDatabase("synthetic_leads", "UTC"))) {
      SyntheticLeadData.write(postgres, DEMO, rows -> {});

      assertThat(SyntheticDataDigests.digest(postgres, "leads", "id"))
          .isEqualTo("5760:c0c5c1e2013ab2c0593a260d95505112fbf49abe4a8f96ba771dda58ce9ec893");
      assertThat(SyntheticDataDigests.digest(postgres, "call_logs", "id"))
          .isEqualTo("28800:9354a0ef72951aaa5ef0662bdb80977a3753635dccf26da1f11ca9783a9e1200");
    }
  }
}
