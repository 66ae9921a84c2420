package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupIT {

  @TempDir Path directory;

  @Test
  void aBackupOfALiveSqliteDatabaseHoldsItsCommittedDataAndNotAnOpenTransaction() throws Exception {
    Path file = directory.resolve("live.db");
    Path backup = directory.resolve("backup.db");
    try (JdbcPersistence persistence = JdbcPersistence.sqlite(file);
        Connection writer = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      persistence.migrate();
      try (Statement statement = writer.createStatement()) {
        statement.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
        statement.execute("INSERT INTO notes (text) VALUES ('committed')");
      }
      writer.setAutoCommit(false);
      try (Statement statement = writer.createStatement()) {
        statement.execute("INSERT INTO notes (text) VALUES ('in flight')");
      }

      persistence.backupTo(backup);
      writer.rollback();
    }

    try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + backup);
        Statement statement = copy.createStatement();
        ResultSet rows = statement.executeQuery("SELECT group_concat(text) FROM notes")) {
      rows.next();
      assertThat(rows.getString(1)).isEqualTo("committed");
      try (ResultSet integrity = copy.createStatement().executeQuery("PRAGMA integrity_check")) {
        integrity.next();
        assertThat(integrity.getString(1)).isEqualTo("ok");
      }
      try (ResultSet history = copy.createStatement().executeQuery("SELECT count(*) FROM pulse_reports_schema_history")) {
        history.next();
        assertThat(history.getInt(1)).isPositive();
      }
    }
  }

  @Test
  void anExistingTargetIsNeverOverwritten() throws Exception {
    Path existing = Files.writeString(directory.resolve("precious.db"), "keep me");
    try (JdbcPersistence persistence = JdbcPersistence.sqlite(directory.resolve("live.db"))) {
      persistence.migrate();
      assertThatThrownBy(() -> persistence.backupTo(existing))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("already exists");
      assertThatThrownBy(() -> persistence.backupTo(directory.resolve("missing/folder/b.db")))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("does not exist");
    }
    assertThat(Files.readString(existing)).isEqualTo("keep me");
  }

  @Test
  void postgresqlIsPointedToPgDump() {
    try (JdbcPersistence persistence =
        JdbcPersistence.postgres(EmbeddedPostgresServer.newDatabase("backup", "UTC"))) {
      assertThatThrownBy(() -> persistence.backupTo(directory.resolve("pg.db")))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("pg_dump");
    }
    assertThat(directory.resolve("pg.db")).doesNotExist();
  }
}
