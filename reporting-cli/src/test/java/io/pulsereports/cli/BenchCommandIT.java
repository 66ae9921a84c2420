package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the benchmark on tiny data: it must work end to end; its timings are not asserted. */
class BenchCommandIT {

  private static final String[] TINY = {
    "--calls-per-day", "20", "--days", "14", "--iterations", "2", "--warmup", "1", "--warmup-millis", "0", "--render-millis", "20"};

  @Test
  void timesEveryScenarioAgainstItsFloorInBothDatabases(@TempDir Path dir) {
    CliRun run = CliRun.of(args("--dir", dir.toString()));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertTable(run.out());
    assertThat(run.err()).contains("SMALL: creating").contains("LARGE: creating");
    assertThat(run.out()).containsPattern("(?m)^LARGE: loaded 45,055 rows in [\\d.]+ s \\([\\d,]+ rows/s");

    CliRun again = CliRun.of(args("--dir", dir.toString()));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).contains("SMALL: reusing").contains("LARGE: reusing").doesNotContain("creating");
    assertTable(again.out());
  }

  @Test
  void runsOnPostgresql() {
    String url = PostgresServer.newDatabaseUrl("bench");

    CliRun run = CliRun.of(args("--engine", "postgresql", "--db-url", url));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertTable(run.out());
  }

  @Test
  void refusesAnUnknownEngineAndTooFewCalls(@TempDir Path dir) {
    CliRun engine = CliRun.of("bench", "--dir", dir.toString(), "--engine", "oracle");
    CliRun calls = CliRun.of("bench", "--dir", dir.toString(), "--calls", "10");

    assertThat(engine.exitCode()).isEqualTo(ReportingCli.BAD_INPUT);
    assertThat(engine.err()).contains("--engine");
    assertThat(calls.exitCode()).isEqualTo(ReportingCli.BAD_INPUT);
    assertThat(calls.err()).startsWith("error: --calls");
  }

  private static void assertTable(String out) {
    // 2 x 5 branches in SMALL, 20 x 5 in LARGE; the measured branch has the same 20 calls a day in both.
    assertThat(out).contains("SMALL 2,800 call_logs, 560 leads").contains("LARGE 28,000 call_logs, 5,600 leads");
    for (String db : new String[] {"SMALL", "LARGE"}) {
      assertThat(out).containsPattern(row("daily", db, "report", "20"));
      assertThat(out).containsPattern(row("daily", db, "floor", "20"));
      assertThat(out).containsPattern(row("weekly", db, "report", "140"));
      assertThat(out).containsPattern(row("weekly", db, "floor", "140"));
      assertThat(out).containsPattern(row("all-branches", db, "report", db.equals("SMALL") ? "200" : "2,000"));
      assertThat(out).containsPattern(row("all-branches", db, "one-by-one", db.equals("SMALL") ? "200" : "2,000"));
      assertThat(out).containsPattern(row("learning-daily", db, "report", "-"));
      assertThat(out).containsPattern(row("learning-daily", db, "floor", "-"));
    }
    assertThat(out).containsPattern("(?m)^Branch .* 2 iterations after warm-up runs \\(daily \\d+, weekly \\d+, all-branches \\d+, learning-daily \\d+\\)$");
    assertThat(out).containsPattern("(?m)^ratio LARGE/SMALL daily +median \\d+\\.\\d\\d \\(report\\)");
    assertThat(out).containsPattern("(?m)^ratio report/floor learning-daily +LARGE median \\d+\\.\\d\\d$");
    assertThat(out).containsPattern("(?m)^all branches LARGE 100 branches: batch [\\d.]+ ms, one by one [\\d.]+ ms");
    assertThat(out).containsPattern("(?m)^rendering daily +html +[\\d.]+ reports/s$");
    assertThat(out).containsPattern("(?m)^rendering learning-daily +json +[\\d.]+ reports/s$");
    assertThat(out).doesNotContain("WARNING");
  }

  /** scenario, db, variant, calls, then three timings, the ratio to the floor, heap and allocation. */
  private static Pattern row(String scenario, String db, String variant, String calls) {
    return Pattern.compile(
        "(?m)^" + scenario + " +" + db + " +" + variant + " +" + Pattern.quote(calls)
            + "( +\\d+\\.\\d{3}){3} +\\d+\\.\\d\\d +\\d+\\.\\d +\\d+\\.\\d$");
  }

  private static String[] args(String... extra) {
    String[] all = new String[1 + extra.length + TINY.length];
    all[0] = "bench";
    System.arraycopy(extra, 0, all, 1, extra.length);
    System.arraycopy(TINY, 0, all, 1 + extra.length, TINY.length);
    return all;
  }
}
