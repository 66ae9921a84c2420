package io.pulsereports.cli;

import io.pulsereports.core.Reporting;
import io.pulsereports.core.metric.DailyLeadReport;
import io.pulsereports.core.metric.WeeklyLeadReport;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.persistence.jdbc.JdbcPersistence;
import io.pulsereports.persistence.jdbc.SyntheticDataSpec;
import io.pulsereports.persistence.jdbc.SyntheticLeadData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Shows that a branch's report costs what the rows of its period cost, not what the table holds:
 * the same branch data in a SMALL database and in a LARGE one with ten times the rows in other
 * branches, the same reports timed in one JVM, iterations interleaved.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Times the daily and weekly report of one branch in two synthetic databases",
      "that hold the same rows for that branch: SMALL (1 gym x 2 branches) and",
      "LARGE (5 gyms x 4 branches, 10x the rows). Databases are created on first",
      "use and reused while their row counts match. Prints median, p90 and min per",
      "report and database, and the LARGE/SMALL ratio of the medians."
    })
final class BenchCommand implements Callable<Integer> {

  /** Fixed, so the data and the reported days are the same on every run and every machine. */
  static final LocalDate END_DATE = LocalDate.of(2026, 3, 1);
  static final long SEED = 20261121L;
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final int STAFF_PER_BRANCH = 6;

  private final CliContext context;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "bench", description = "where the SQLite databases are kept (default ${DEFAULT-VALUE})")
  Path dir;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "sqlite", description = "sqlite | postgresql (default ${DEFAULT-VALUE})")
  String engine;

  @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "postgresql: an existing database; the bench creates and uses the schemas pulse_bench_small and pulse_bench_large in it")
  String dbUrl;

  @Option(names = "--calls-per-day", paramLabel = "N", defaultValue = "400", description = "per branch; default ${DEFAULT-VALUE} (leads per day: a fifth of it, at least 1)")
  int callsPerDay;

  @Option(names = "--days", paramLabel = "N", defaultValue = "60", description = "days of data before 2026-03-01; default ${DEFAULT-VALUE}")
  int days;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "30", description = "timed runs of each report on each database; default ${DEFAULT-VALUE}")
  int iterations;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "10", description = "untimed runs first; default ${DEFAULT-VALUE}")
  int warmup;

  BenchCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    BadInputException.requireAtLeast("--calls-per-day", callsPerDay, 1);
    BadInputException.requireAtLeast("--days", days, 3);
    BadInputException.requireAtLeast("--iterations", iterations, 1);
    BadInputException.requireAtLeast("--warmup", warmup, 0);
    Engine target = engine();

    List<Subject> subjects = new ArrayList<>();
    try {
      subjects.add(target.prepare("SMALL", spec(1, 2)));
      subjects.add(target.prepare("LARGE", spec(5, 4)));
      run(subjects);
    } finally {
      subjects.forEach(subject -> subject.database().close());
    }
    return ReportingCli.OK;
  }

  private SyntheticDataSpec spec(int gyms, int branches) {
    int leadsPerDay = Math.max(1, callsPerDay / 5);
    return new SyntheticDataSpec(gyms, branches, STAFF_PER_BRANCH, days, leadsPerDay, callsPerDay, END_DATE, ZONE, SEED);
  }

  // ---------------------------------------------------------------------------------------------
  // Timing

  private void run(List<Subject> subjects) {
    String gym = SyntheticDataSpec.gymId(0).toString();
    String branch = SyntheticDataSpec.branchId(0, 0).toString();
    LocalDate day = END_DATE.minusDays(3);
    LocalDate dayOfWeekBefore = day.minusWeeks(1);
    List<GenerateReportCommand> commands =
        List.of(
            GenerateReportCommand.builder("daily").gymId(gym).branchId(branch).date(day.toString()).timezone(ZONE.getId()).build(),
            GenerateReportCommand.builder("weekly").gymId(gym).branchId(branch).date(dayOfWeekBefore.toString()).timezone(ZONE.getId()).build());
    List<Reporting> reportings =
        subjects.stream()
            .map(s -> Reporting.builder().clock(context.clock()).leadActivity(s.database().leadActivity()).build())
            .toList();

    context.err().printf("Warming up (%d runs per report and database), then timing %d runs…%n", warmup, iterations);
    List<Row> rows = new ArrayList<>();
    for (GenerateReportCommand command : commands) {
      long[][] nanos = new long[subjects.size()][iterations];
      Report<?>[] reports = new Report<?>[subjects.size()];
      for (int i = 0; i < warmup + iterations; i++) {
        // Alternate which database goes first, so neither always runs on a warmer cache or CPU.
        for (int k = 0; k < subjects.size(); k++) {
          int s = i % 2 == 0 ? k : subjects.size() - 1 - k;
          long start = System.nanoTime();
          Report<?> report = reportings.get(s).generate(command).report();
          long elapsed = System.nanoTime() - start;
          reports[s] = report;
          if (i >= warmup) {
            nanos[s][i - warmup] = elapsed;
          }
        }
      }
      for (int s = 0; s < subjects.size(); s++) {
        Report<?> report = reports[s];
        rows.add(new Row(command.reportType(), subjects.get(s), periodLabel(report), callsTotal(report), Stats.of(nanos[s])));
      }
      if (!reports[0].body().equals(reports[1].body())) {
        context.out().println("WARNING: the " + command.reportType() + " reports of SMALL and LARGE differ; the branch data should be the same");
      }
    }
    print(rows);
  }

  private void print(List<Row> rows) {
    var out = context.out();
    out.printf("%nBranch %s of gym %s, timezone %s, %s engine, %d iterations after %d warm-up runs%n",
        SyntheticDataSpec.branchId(0, 0), SyntheticDataSpec.gymId(0), ZONE, engine.toLowerCase(Locale.ROOT), iterations, warmup);
    String format = "%-7s %-6s %-25s %12s %12s %15s %10s %10s %10s%n";
    out.printf(format, "report", "db", "period", "call_logs", "leads", "calls_in_period", "median_ms", "p90_ms", "min_ms");
    for (Row row : rows) {
      out.printf(format,
          row.report(), row.subject().name(), row.period(),
          String.format("%,d", row.subject().callRows()), String.format("%,d", row.subject().leadRows()),
          String.format("%,d", row.callsInPeriod()),
          millis(row.stats().median()), millis(row.stats().p90()), millis(row.stats().min()));
    }
    out.println();
    for (int i = 0; i + 1 < rows.size(); i += 2) {
      Row small = rows.get(i);
      Row large = rows.get(i + 1);
      out.printf(Locale.ROOT, "ratio LARGE/SMALL %-6s median %.2f (call_logs rows %.1fx, calls in period %.2fx)%n",
          small.report(),
          large.stats().median() / small.stats().median(),
          (double) large.subject().callRows() / small.subject().callRows(),
          (double) large.callsInPeriod() / Math.max(1, small.callsInPeriod()));
    }
  }

  private static String millis(double nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1_000_000.0);
  }

  private static String periodLabel(Report<?> report) {
    var period = report.request().period();
    return period.days() == 1 ? period.startDate().toString() : period.startDate() + ".." + period.endDate();
  }

  private static long callsTotal(Report<?> report) {
    Object body = report.body();
    if (body instanceof DailyLeadReport daily) {
      return daily.calls().total();
    }
    if (body instanceof WeeklyLeadReport weekly) {
      return weekly.calls().total();
    }
    throw new IllegalStateException("unexpected report body " + body.getClass().getName());
  }

  record Row(String report, Subject subject, String period, long callsInPeriod, Stats stats) {}

  /** Median, 90th percentile (nearest rank) and minimum of a sample, in nanoseconds. */
  record Stats(double median, double p90, double min) {
    static Stats of(long[] sample) {
      long[] sorted = sample.clone();
      Arrays.sort(sorted);
      int n = sorted.length;
      double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
      int p90Rank = (int) Math.ceil(0.9 * n);
      return new Stats(median, sorted[Math.max(0, p90Rank - 1)], sorted[0]);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Databases

  /** One benchmark database, open, with its row counts. */
  record Subject(String name, JdbcPersistence database, long leadRows, long callRows) {}

  private Engine engine() {
    switch (engine.toLowerCase(Locale.ROOT)) {
      case "sqlite":
        if (dbUrl != null) {
          throw new BadInputException("--db-url", "only for --engine postgresql; SQLite files go to --dir");
        }
        return new SqliteEngine(dir);
      case "postgresql":
        if (dbUrl == null || !dbUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
          throw new BadInputException("--db-url", "--engine postgresql needs --db-url jdbc:postgresql://HOST/DATABASE");
        }
        return new PostgresEngine(dbUrl);
      default:
        throw new BadInputException("--engine", "unknown engine '" + engine + "' (available: sqlite, postgresql)");
    }
  }

  /** Where SMALL and LARGE live: creates, reuses or rebuilds a database for a spec. */
  private abstract class Engine {

    /** Opens the database for {@code spec}, loading it unless it already holds exactly the spec's rows. */
    Subject prepare(String name, SyntheticDataSpec spec) {
      String url = url(name);
      long[] counts = counts(url);
      if (counts[0] == spec.totalLeads() && counts[1] == spec.totalCalls()) {
        context.err().printf("%s: reusing %s (%,d leads, %,d calls)%n", name, describe(name), counts[0], counts[1]);
      } else {
        if (counts[0] >= 0) {
          context.err().printf("%s: %s holds %,d leads and %,d calls, not %,d and %,d; rebuilding it%n",
              name, describe(name), counts[0], counts[1], spec.totalLeads(), spec.totalCalls());
        }
        reset(name);
        context.err().printf("%s: creating %s (%d gyms x %d branches, %,d leads, %,d calls)%n",
            name, describe(name), spec.gyms(), spec.branchesPerGym(), spec.totalLeads(), spec.totalCalls());
        try (JdbcPersistence database = Database.open(url);
            Progress progress = new Progress("Loading " + name, spec.totalRows(), context.err())) {
          SyntheticLeadData.write(database, spec, progress);
        }
        counts = counts(url);
      }
      return new Subject(name, Database.open(url), counts[0], counts[1]);
    }

    /** Rows in leads and call_logs, or {-1, -1} when the database or its tables are missing. */
    long[] counts(String url) {
      if (!exists(url)) {
        return new long[] {-1, -1};
      }
      try (Connection connection = DriverManager.getConnection(url);
          Statement statement = connection.createStatement()) {
        return new long[] {count(statement, "leads"), count(statement, "call_logs")};
      } catch (SQLException e) {
        return new long[] {-1, -1};
      }
    }

    private long count(Statement statement, String table) throws SQLException {
      try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
        result.next();
        return result.getLong(1);
      }
    }

    abstract String url(String name);

    abstract String describe(String name);

    abstract boolean exists(String url);

    /** Leaves an empty place for the database {@code name}. */
    abstract void reset(String name);
  }

  /** One SQLite file per database in --dir. */
  private final class SqliteEngine extends Engine {
    private final Path dir;

    SqliteEngine(Path dir) {
      this.dir = dir;
    }

    private Path file(String name) {
      return dir.resolve("bench-" + name.toLowerCase(Locale.ROOT) + "-d" + days + "-c" + callsPerDay + ".db");
    }

    @Override
    String url(String name) {
      return "jdbc:sqlite:" + file(name).toAbsolutePath();
    }

    @Override
    String describe(String name) {
      return file(name).toString();
    }

    @Override
    boolean exists(String url) {
      return Files.isRegularFile(Path.of(url.substring("jdbc:sqlite:".length())));
    }

    @Override
    void reset(String name) {
      try {
        Files.createDirectories(dir);
        for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
          Files.deleteIfExists(Path.of(file(name) + suffix));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("could not prepare " + file(name) + ": " + e.getMessage(), e);
      }
    }
  }

  /** One schema per database, pulse_bench_small and pulse_bench_large, in the database of --db-url. */
  private final class PostgresEngine extends Engine {
    private final String baseUrl;

    PostgresEngine(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    private String schema(String name) {
      return "pulse_bench_" + name.toLowerCase(Locale.ROOT);
    }

    @Override
    String url(String name) {
      return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema(name);
    }

    @Override
    String describe(String name) {
      return "schema " + schema(name) + " of " + CliErrors.redact(baseUrl);
    }

    @Override
    boolean exists(String url) {
      return true;
    }

    @Override
    void reset(String name) {
      try (Connection connection = DriverManager.getConnection(baseUrl);
          Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema(name) + " CASCADE");
        statement.execute("CREATE SCHEMA " + schema(name));
      } catch (SQLException e) {
        throw new IllegalStateException("could not create the schema " + schema(name) + ": " + e.getMessage(), e);
      }
    }
  }
}
