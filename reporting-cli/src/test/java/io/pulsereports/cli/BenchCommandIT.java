package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the benchmark on tiny data: it must work end to end; its timings are not asserted. */
class BenchCommandIT {

  private static final String[] TINY = {"--calls-per-day", "20", "--days", "5", "--iterations", "3", "--warmup", "1"};

  @Test
  void timesBothDatabasesAndPrintsTheRatio(@TempDir Path dir) {
    CliRun run = CliRun.of(args("--dir", dir.toString()));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertTable(run.out());
    assertThat(run.err()).contains("SMALL: creating").contains("LARGE: creating");

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
  void refusesAnUnknownEngine(@TempDir Path dir) {
    CliRun run = CliRun.of("bench", "--dir", dir.toString(), "--engine", "oracle");

    assertThat(run.exitCode()).isEqualTo(ReportingCli.BAD_INPUT);
    assertThat(run.err()).contains("--engine");
  }

  private static void assertTable(String out) {
    // Same branch rows in both databases, ten times the rows in the table of LARGE.
    assertThat(out).containsPattern(row("daily", "SMALL", "200", "20"));
    assertThat(out).containsPattern(row("daily", "LARGE", "2,000", "20"));
    assertThat(out).containsPattern(Pattern.compile("(?m)^weekly +SMALL "));
    assertThat(out).containsPattern(Pattern.compile("(?m)^weekly +LARGE "));
    assertThat(out).containsPattern(Pattern.compile("(?m)^ratio LARGE/SMALL daily +median \\d+\\.\\d\\d "));
    assertThat(out).containsPattern(Pattern.compile("(?m)^ratio LARGE/SMALL weekly +median \\d+\\.\\d\\d "));
    assertThat(out).doesNotContain("WARNING");
  }

  /** report, db, period, call_logs rows, leads rows, calls in period, then three timings. */
  private static Pattern row(String report, String db, String callLogRows, String callsInPeriod) {
    return Pattern.compile(
        "(?m)^" + report + " +" + db + " +\\S+ +" + Pattern.quote(callLogRows) + " +[\\d,]+ +" + callsInPeriod
            + "( +\\d+\\.\\d{3}){3}$");
  }

  private static String[] args(String... extra) {
    String[] all = new String[1 + extra.length + TINY.length];
    all[0] = "bench";
    System.arraycopy(extra, 0, all, 1, extra.length);
    System.arraycopy(TINY, 0, all, 1 + extra.length, TINY.length);
    return all;
  }
}
