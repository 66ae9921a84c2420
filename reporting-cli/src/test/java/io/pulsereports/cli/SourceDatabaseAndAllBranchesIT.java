package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.persistence.jdbc.SyntheticDataSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate --all-branches} writes every branch's report, each equal to the report of that
 * branch alone; {@code --source-db} reads operational data from a second database, read-only, while
 * report state stays in {@code --db}. On SQLite and on PostgreSQL.
 */
class SourceDatabaseAndAllBranchesIT {

  private static final String[] SEED = {
    "seed-data", "--gyms", "2", "--branches-per-gym", "3", "--days", "10", "--leads-per-day", "4",
    "--calls-per-day", "30", "--end-date", "2026-03-01", "--learning-users", "20"};
  private static final String DAY = "2026-02-26";

  @TempDir Path folder;

  @Test
  void everyBranchOnSqliteEqualsEachBranchAlone() throws Exception {
    String source = seededSqlite("source.db");
    assertEveryBranchEqualsEachBranchAlone("--db", source);
  }

  @Test
  void everyBranchOnPostgresqlEqualsEachBranchAlone() throws Exception {
    String source = seeded(PostgresServer.newDatabaseUrl("all_branches"));
    assertEveryBranchEqualsEachBranchAlone("--db", source);
  }

  @Test
  void sqliteSourceIsReadWhileStateGoesToTheStateDatabase() throws Exception {
    String source = seededSqlite("source.db");
    assertSourceAndStateStayApart(source);
  }

  @Test
  void postgresqlSourceIsReadWhileStateGoesToTheStateDatabase() throws Exception {
    String source = seeded(PostgresServer.newDatabaseUrl("source_db"));
    assertSourceAndStateStayApart(source);
  }

  @Test
  void badOptionsAreOneLineNamingTheOption() throws Exception {
    String source = seededSqlite("source.db");

    CliRun withGym = CliRun.of("generate", "--type", "daily", "--all-branches", "--gym-id",
        SyntheticDataSpec.gymId(0).toString(), "--date", DAY, "--db", source, "--out", folder.toString());
    CliRun toStdout = CliRun.of("generate", "--type", "daily", "--all-branches", "--date", DAY, "--db", source, "--out", "-");
    CliRun learning = CliRun.of("generate", "--type", "learning-daily", "--all-branches", "--date", DAY, "--db", source,
        "--out", folder.resolve("x").toString());
    CliRun missingSource = CliRun.of("generate", "--type", "daily", "--gym-id", SyntheticDataSpec.gymId(0).toString(),
        "--date", DAY, "--db", source, "--source-db", "jdbc:sqlite:" + folder.resolve("nowhere.db"), "--out", "-");
    CliRun offers = CliRun.of("conversions", "--send-offers", "--date", DAY, "--db", source, "--source-db", source);

    assertThat(withGym.exitCode()).isEqualTo(ReportingCli.BAD_INPUT);
    assertThat(withGym.err()).startsWith("error: --all-branches:");
    assertThat(toStdout.exitCode()).isEqualTo(ReportingCli.BAD_INPUT);
    assertThat(toStdout.err()).startsWith("error: --out:");
    assertThat(learning.exitCode()).isEqualTo(ReportingCli.BAD_INPUT);
    assertThat(learning.err()).startsWith("error: --type:");
    assertThat(missingSource.exitCode()).isEqualTo(ReportingCli.BAD_INPUT);
    assertThat(missingSource.err()).startsWith("error: --source-db: no database file at");
    assertThat(offers.exitCode()).isEqualTo(ReportingCli.BAD_INPUT);
    assertThat(offers.err()).startsWith("error: --source-db:");
    for (CliRun run : List.of(withGym, toStdout, learning, missingSource, offers)) {
      assertThat(run.err().strip().lines()).hasSize(1);
    }
  }

  private void assertEveryBranchEqualsEachBranchAlone(String option, String url) throws Exception {
    Path out = folder.resolve("every-branch");
    CliRun every = CliRun.of("generate", "--type", "daily", "--all-branches", "--date", DAY, "--timezone",
        "America/New_York", "--format", "json", "--out", out.toString(), option, url);

    assertThat(every.exitCode()).as(every.err()).isZero();
    assertThat(every.err()).contains("Computed the daily reports of 6 branches");
    List<Path> files;
    try (Stream<Path> listed = Files.list(out)) {
      files = listed.sorted().toList();
    }
    assertThat(files).hasSize(6);
    for (int g = 0; g < 2; g++) {
      for (int b = 0; b < 3; b++) {
        String branch = SyntheticDataSpec.branchId(g, b).toString();
        CliRun alone = CliRun.of("generate", "--type", "daily", "--gym-id", SyntheticDataSpec.gymId(g).toString(),
            "--branch-id", branch, "--date", DAY, "--timezone", "America/New_York", "--format", "json", "--out", "-",
            option, url);
        assertThat(alone.exitCode()).as(alone.err()).isZero();
        Path file = files.stream().filter(f -> f.getFileName().toString().contains(branch)).findFirst().orElseThrow();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(alone.out());
      }
    }
  }

  private void assertSourceAndStateStayApart(String source) throws Exception {
    String state = "jdbc:sqlite:" + folder.resolve("state.db");
    assertThat(CliRun.of("migrate", "--db", state).exitCode()).isZero();
    Path template = folder.resolve("calls.mustache");
    Files.writeString(template, "<h1>Calls: {{calls.total}}</h1>\n");
    CliRun added = CliRun.of("templates", "add", "--name", "Calls", "--type", "daily", "--file", template.toString(),
        "--db", state);
    Matcher id = Pattern.compile("([0-9a-f-]{36})").matcher(added.out());
    assertThat(id.find()).as(added.out() + added.err()).isTrue();
    List<String> sourceTables = tables(source);
    String[] daily = {"generate", "--type", "daily", "--gym-id", SyntheticDataSpec.gymId(1).toString(),
        "--branch-id", SyntheticDataSpec.branchId(1, 2).toString(), "--date", DAY, "--timezone", "America/New_York"};

    CliRun fromSource = CliRun.of(concat(daily, "--format", "json", "--out", "-", "--db", state, "--source-db", source));
    CliRun direct = CliRun.of(concat(daily, "--format", "json", "--out", "-", "--db", source));
    CliRun viaEnv = CliRun.withEnv(java.util.Map.of("REPORTING_SOURCE_DB_URL", source),
        concat(daily, "--format", "html", "--out", "-", "--db", state, "--template-id", id.group(1)));

    assertThat(fromSource.exitCode()).as(fromSource.err()).isZero();
    assertThat(fromSource.out()).contains("\"total\"").isEqualTo(direct.out());
    assertThat(viaEnv.exitCode()).as(viaEnv.err()).isZero();
    Matcher total = Pattern.compile("\"calls\"\\s*:\\s*\\{\\s*\"total\"\\s*:\\s*(\\d+)").matcher(direct.out());
    assertThat(total.find()).isTrue();
    assertThat(viaEnv.out()).isEqualTo("<h1>Calls: " + total.group(1) + "</h1>\n");
    // State tables only in the state database; the source kept its tables and got no template.
    assertThat(tables(state)).contains("report_templates", "report_deliveries").doesNotContain("leads", "call_logs");
    assertThat(tables(source)).containsExactlyInAnyOrderElementsOf(sourceTables);
    assertThat(CliRun.of("templates", "list", "--db", source).out()).contains("No templates yet");
  }

  private String seededSqlite(String name) {
    return seeded("jdbc:sqlite:" + folder.resolve(name));
  }

  private static String seeded(String url) {
    CliRun seeded = CliRun.of(concat(SEED, "--db", url));
    assertThat(seeded.exitCode()).as(seeded.err()).isZero();
    return url;
  }

  private static List<String> tables(String url) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url);
        ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (tables.next()) {
        names.add(tables.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
