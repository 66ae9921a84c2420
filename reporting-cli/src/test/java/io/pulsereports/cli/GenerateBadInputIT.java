package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Bad input: exit code 2, one line on standard error naming the option, nothing written. */
class GenerateBadInputIT {

  private static final String GYM = HandMadeLeadDatabase.GYM;

  @TempDir static Path folder;
  private static String url;

  @BeforeAll
  static void createDatabase() throws Exception {
    url = "jdbc:sqlite:" + folder.resolve("gyms.db");
    HandMadeLeadDatabase.create(url);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown type        | --type monthly --gym-id " + GYM + "                                  | --type: unknown report type 'monthly'",
        "malformed gym id    | --type daily --gym-id 12345                                           | --gym-id: '12345' is not a UUID",
        "malformed branch id | --type daily --gym-id " + GYM + " --branch-id xyz                      | --branch-id: 'xyz' is not a UUID",
        "missing gym id      | --type daily --date 2026-03-08                                        | --gym-id: required",
        "invalid time zone   | --type daily --gym-id " + GYM + " --timezone Mars/Base                  | --timezone: unknown time zone 'Mars/Base'",
        "invalid date        | --type daily --gym-id " + GYM + " --date 2026-13-01                     | --date: '2026-13-01' is not a date",
        "start after end     | --type weekly --gym-id " + GYM + " --start-date 2026-03-09 --end-date 2026-03-01 | --start-date: 2026-03-09 is after end_date 2026-03-01",
        "range too long      | --type weekly --gym-id " + GYM + " --start-date 2020-01-01 --end-date 2026-03-01 | --end-date: the range covers",
        "range on daily      | --type daily --gym-id " + GYM + " --start-date 2026-03-01 --end-date 2026-03-02 | --start-date: not used by single-day reports",
        "unknown format      | --type daily --gym-id " + GYM + " --format xml                          | --format: unknown format 'xml' (available: json, csv, html, png, pdf)",
        "two formats to -    | --type daily --gym-id " + GYM + " --format json,csv --out -             | --out: '-' writes one format",
        "unknown option      | --type daily --gym-id " + GYM + " --colour red                          | Unknown option",
        "missing type        | --gym-id " + GYM + "                                                   | Missing required option",
      })
  void rejectsWithExitCodeTwoAndOneLine(String description, String options, String expected, @TempDir Path out) {
    List<String> args = new ArrayList<>(List.of("generate", "--db", url));
    args.addAll(List.of(options.trim().split("\\s+")));
    if (!args.contains("--out")) {
      args.addAll(List.of("--out", out.resolve("reports").toString()));
    }

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains(expected);
    assertThat(run.out()).isEmpty();
    assertThat(out.resolve("reports")).doesNotExist();
  }

  @Test
  void pdfIsAFormatNowAndIsNotRefused(@TempDir Path out) throws Exception {
    CliRun run = CliRun.of("generate", "--db", url, "--type", "daily", "--gym-id", GYM, "--date", "2026-03-08",
        "--format", "PDF", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    Path pdf = Path.of(run.out().strip());
    assertThat(pdf.getFileName().toString()).isEqualTo("daily_gym-" + GYM + "_2026-03-08.pdf");
    assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  @Test
  void aMissingSqliteFileIsBadInputAndIsNotCreated(@TempDir Path dir) {
    Path missing = dir.resolve("nope.db");

    CliRun run = CliRun.of("generate", "--type", "daily", "--gym-id", GYM, "--db", "jdbc:sqlite:" + missing, "--out", "-");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--db: no database file at").contains("reporting demo");
    assertThat(missing).doesNotExist();
  }

  @Test
  void theRequestIsValidatedBeforeTheDatabaseIsOpened(@TempDir Path dir) {
    Path missing = dir.resolve("nope.db");

    CliRun run = CliRun.of("generate", "--type", "daily", "--gym-id", "nope", "--db", "jdbc:sqlite:" + missing, "--out", "-");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--gym-id: 'nope' is not a UUID");
    assertThat(missing).doesNotExist();
  }

  @Test
  void anUnreachableServerIsOneLineThatNeverShowsTheCredentials() {
    CliRun run = CliRun.of("generate", "--type", "daily", "--gym-id", GYM, "--out", "-",
        "--db", "jdbc:postgresql://admin:hunter2@127.0.0.1:1/gyms?user=reports&password=s3cret&connectTimeout=2");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("Could not connect").contains("--db").doesNotContain("hunter2").doesNotContain("s3cret");
  }

  @Test
  void anOutputPathThatIsAFileIsBadInput(@TempDir Path dir) throws Exception {
    Path file = Files.createFile(dir.resolve("taken"));

    CliRun run = CliRun.of("generate", "--type", "daily", "--gym-id", GYM, "--date", "2026-03-08", "--db", url, "--out", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--out: ").contains("is not a folder");
  }

  @Test
  void anUnsupportedDatabaseUrlIsBadInput() {
    CliRun run = CliRun.of("generate", "--type", "daily", "--gym-id", GYM, "--db", "jdbc:mysql://localhost/x?password=secret", "--out", "-");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: --db: ").doesNotContain("secret");
  }

  @Test
  void theDatabaseComesFromTheEnvironmentWhenNoOptionIsGiven() {
    CliRun run = CliRun.withEnv(Map.of("REPORTING_DB_URL", url),
        "generate", "--type", "daily", "--gym-id", GYM, "--date", "2026-03-08", "--out", "-");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"report_type\": \"daily\"");
  }

  @Test
  void aDatabaseWithoutTheLeadTablesFailsWithExitCodeOneSayingWhatIsMissing(@TempDir Path dir) throws Exception {
    Path empty = dir.resolve("empty.db");
    Files.createFile(empty);

    CliRun run = CliRun.of("generate", "--type", "daily", "--gym-id", GYM, "--db", "jdbc:sqlite:" + empty, "--out", "-");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no such table");
    assertThat(run.out()).isEmpty();
  }
}
