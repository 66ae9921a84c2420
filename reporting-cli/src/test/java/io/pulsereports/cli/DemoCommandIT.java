package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandIT {

  @Test
  void createsTheSampleDatabaseAndWritesDailyAndWeeklyReports(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("demo.db");
    Path out = dir.resolve("reports");

    CliRun first = CliRun.of("demo", "--db-file", db.toString(), "--out", out.toString());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("Creating the demo database");
    List<Path> paths = first.out().lines().map(Path::of).toList();
    assertThat(paths).allSatisfy(path -> assertThat(path).isNotEmptyFile());
    assertThat(paths).extracting(p -> p.getFileName().toString())
        .anyMatch(name -> name.startsWith("daily_branch-") && name.endsWith(".html"))
        .anyMatch(name -> name.startsWith("weekly_branch-") && name.endsWith(".json"))
        .anyMatch(name -> name.startsWith("weekly_gym-") && name.endsWith("_staff.csv"))
        .anyMatch(name -> name.startsWith("daily_branch-") && name.endsWith(".pdf"))
        .anyMatch(name -> name.startsWith("weekly_gym-") && name.endsWith(".pdf"))
        .anyMatch(name -> name.matches("daily_report_\\d{8}_\\d{6}\\.pdf"));

    Path dailyJson = paths.stream().filter(p -> p.getFileName().toString().matches("daily_branch-.*\\d\\.json")).findFirst().orElseThrow();
    JsonNode daily = new ObjectMapper().readTree(Files.readString(dailyJson));
    // The clock is 2026-03-11 12:00 UTC: yesterday in New York is 2026-03-10, and the sample data covers it.
    assertThat(daily.at("/period/start").asText()).isEqualTo("2026-03-10T00:00:00-04:00");
    assertThat(daily.at("/calls/total").asLong()).isEqualTo(40);
    assertThat(daily.at("/leads/new").asLong()).isEqualTo(8);

    CliRun second = CliRun.of("demo", "--db-file", db.toString(), "--out", out.toString());
    assertThat(second.exitCode()).isZero();
    assertThat(second.err()).contains("Using the existing demo database");
    assertThat(second.out()).isEqualTo(first.out());
  }

  @Test
  void refusesToWriteIntoADatabaseThatIsNotTheDemos(@TempDir Path dir) throws Exception {
    Path theirs = dir.resolve("theirs.db");
    HandMadeLeadDatabase.create("jdbc:sqlite:" + theirs);

    CliRun run = CliRun.of("demo", "--db-file", theirs.toString(), "--out", dir.resolve("reports").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--db-file: ").contains("is not a Pulse Reports demo database");
    assertThat(dir.resolve("reports")).doesNotExist();
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + theirs);
        java.sql.ResultSet tables = connection.getMetaData().getTables(null, null, "report_deliveries", null)) {
      assertThat(tables.next()).as("no table was added to the user's database").isFalse();
    }
  }
}
