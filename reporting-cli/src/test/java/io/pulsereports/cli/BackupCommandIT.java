package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupCommandIT {

  @TempDir Path folder;

  @Test
  void writesAConsistentCopyOfTheEmbeddedDatabaseAndPrintsItsPath() throws Exception {
    String url = "jdbc:sqlite:" + folder.resolve("gyms.db");
    HandMadeLeadDatabase.create(url);
    Path backup = folder.resolve("copy.db");

    CliRun run = CliRun.of("backup", "--db", url, "--to", backup.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo(backup.toAbsolutePath().toString());
    try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + backup);
        ResultSet rows = copy.createStatement().executeQuery("SELECT count(*) FROM call_logs")) {
      rows.next();
      assertThat(rows.getInt(1)).isPositive();
    }
  }

  @Test
  void refusesAnExistingTargetAMissingDatabaseAndPostgresql() throws Exception {
    String url = "jdbc:sqlite:" + folder.resolve("gyms.db");
    HandMadeLeadDatabase.create(url);
    Path taken = Files.writeString(folder.resolve("taken.db"), "keep");

    CliRun existing = CliRun.of("backup", "--db", url, "--to", taken.toString());
    CliRun missing = CliRun.of("backup", "--db", "jdbc:sqlite:" + folder.resolve("nope.db"), "--to", folder.resolve("b1.db").toString());
    CliRun postgres = CliRun.of("backup", "--db", "jdbc:postgresql://db/gyms?password=s3cret", "--to", folder.resolve("b2.db").toString());

    assertThat(existing.exitCode()).isEqualTo(2);
    assertThat(existing.err()).contains("--to: ").contains("already exists");
    assertThat(Files.readString(taken)).isEqualTo("keep");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--db: no database file");
    assertThat(folder.resolve("nope.db")).doesNotExist();
    assertThat(postgres.exitCode()).isEqualTo(2);
    assertThat(postgres.err()).contains("pg_dump").doesNotContain("s3cret");
    assertThat(folder.resolve("b1.db")).doesNotExist();
    assertThat(folder.resolve("b2.db")).doesNotExist();
  }
}
