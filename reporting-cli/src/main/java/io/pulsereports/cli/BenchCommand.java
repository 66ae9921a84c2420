package io.pulsereports.cli;

import com.sun.management.ThreadMXBean;
import io.pulsereports.core.Reporting;
import io.pulsereports.core.metric.DailyLeadReport;
import io.pulsereports.core.metric.LearningMetricsConfig;
import io.pulsereports.core.metric.LearningPeriods;
import io.pulsereports.core.metric.WeeklyLeadReport;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.core.port.out.ReportRenderer;
import io.pulsereports.persistence.jdbc.BenchmarkFloors;
import io.pulsereports.persistence.jdbc.JdbcPersistence;
import io.pulsereports.persistence.jdbc.SyntheticDataSpec;
import io.pulsereports.persistence.jdbc.SyntheticLeadData;
import io.pulsereports.persistence.jdbc.SyntheticLearningSpec;
import io.pulsereports.render.mustache.MustacheReportRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the reports against the database's floor and against table size: the same scenarios in
 * a SMALL and a LARGE synthetic database (ten times the rows; the measured branch's rows are the
 * same in both), each timed against the bare aggregate SQL that computes its figures (the floor,
 * {@link BenchmarkFloors}), report and floor interleaved in one JVM. Also the every-branch batch
 * against one report per branch, memory per report, and rendering throughput.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Times four scenarios in two synthetic databases, SMALL (2 gyms x 5 branches) and LARGE",
      "(20 gyms x 5 branches, 10x the rows; branch 0 of gym 0 holds the same rows in both):",
      "one branch's daily report, its weekly report, the daily reports of every branch (one",
      "batch, and one by one), and the learning-daily report; each against its floor, the bare",
      "aggregate SQL computing the same figures on the same engine and pool. Prints medians,",
      "p90s, report/floor ratios, LARGE/SMALL ratios, heap per report, and renders per second.",
      "Databases are created on first use and reused while their row counts match."
    })
final class BenchCommand implements Callable<Integer> {

  /** Fixed, so the data and the reported days are the same on every run and every machine. */
  static final LocalDate END_DATE = LocalDate.of(2026, 3, 1);
  static final long SEED = 20261121L;
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final int STAFF_PER_BRANCH = 6;
  static final int BRANCHES_PER_GYM = 5;
  static final int SMALL_GYMS = 2;
  static final int LARGE_GYMS = 20;
  /** Learning users per this many SMALL call rows (learning data grows with the lead data). */
  static final int CALLS_PER_LEARNING_USER = 1_000;

  private final CliContext context;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "bench", description = "where the SQLite databases are kept (default ${DEFAULT-VALUE})")
  Path dir;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "sqlite", description = "sqlite | postgresql (default ${DEFAULT-VALUE})")
  String engine;

  @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "postgresql: an existing database; the bench creates and uses the schemas pulse_bench_small_by_time and pulse_bench_large_by_time in it")
  String dbUrl;

  @Option(names = "--calls", paramLabel = "N", description = "call rows in SMALL (LARGE: 10x); sets --calls-per-day to N / (10 branches x --days)")
  Long calls;

  @Option(names = "--calls-per-day", paramLabel = "N", defaultValue = "400", description = "per branch; default ${DEFAULT-VALUE} (leads per day: a fifth of it, at least 1)")
  int callsPerDay;

  @Option(names = "--days", paramLabel = "N", defaultValue = "60", description = "days of data before 2026-03-01; default ${DEFAULT-VALUE}")
  int days;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "20", description = "timed runs of each scenario on each database; default ${DEFAULT-VALUE}")
  int iterations;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "5", description = "untimed runs first, at least; default ${DEFAULT-VALUE}")
  int warmup;

  @Option(names = "--warmup-millis", paramLabel = "MS", defaultValue = "10000",
      description = "and untimed runs of each scenario until this long has passed, so the JIT has compiled "
          + "what a long-running service would run; default ${DEFAULT-VALUE}")
  int warmupMillis;

  @Option(names = "--render-millis", paramLabel = "MS", defaultValue = "3000", description = "how long each rendering throughput is measured (after a first untimed round as long); default ${DEFAULT-VALUE}")
  int renderMillis;

  BenchCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    BadInputException.requireAtLeast("--days", days, 14);
    if (calls != null) {
      BadInputException.requireAtLeast("--calls", calls, (long) SMALL_GYMS * BRANCHES_PER_GYM * days);
      callsPerDay = (int) Math.min(Integer.MAX_VALUE, calls / ((long) SMALL_GYMS * BRANCHES_PER_GYM * days));
    }
    BadInputException.requireAtLeast("--calls-per-day", callsPerDay, 1);
    BadInputException.requireAtLeast("--iterations", iterations, 1);
    BadInputException.requireAtLeast("--warmup", warmup, 0);
    BadInputException.requireAtLeast("--warmup-millis", warmupMillis, 0);
    BadInputException.requireAtLeast("--render-millis", renderMillis, 1);
    Engine target = engine();

    List<Subject> subjects = new ArrayList<>();
    try {
      subjects.add(target.prepare("SMALL", spec(SMALL_GYMS, 1)));
      subjects.add(target.prepare("LARGE", spec(LARGE_GYMS, 10)));
      run(subjects);
    } finally {
      subjects.forEach(subject -> subject.database().close());
    }
    return ReportingCli.OK;
  }

  private SyntheticDataSpec spec(int gyms, int learningScale) {
    int leadsPerDay = Math.max(1, callsPerDay / 5);
    long smallCalls = (long) SMALL_GYMS * BRANCHES_PER_GYM * days * callsPerDay;
    int learningUsers = (int) Math.max(10, smallCalls / CALLS_PER_LEARNING_USER) * learningScale;
    return new SyntheticDataSpec(gyms, BRANCHES_PER_GYM, STAFF_PER_BRANCH, days, leadsPerDay, callsPerDay, END_DATE, ZONE, SEED)
        .withLearning(new SyntheticLearningSpec(learningUsers, 30, 3, SEED));
  }

  // ---------------------------------------------------------------------------------------------
  // Scenarios

  /** One way of computing a scenario's figures on one database, returning what it computed. */
  private interface Work {
    Object run(Subject subject);
  }

  private record Variant(String name, Work work) {}

  private record Scenario(String name, List<Variant> variants) {}

  private void run(List<Subject> subjects) {
    GymScope branch = GymScope.branch(SyntheticDataSpec.gymId(0), SyntheticDataSpec.branchId(0, 0));
    LocalDate day = END_DATE.minusDays(3);
    ReportPeriod dayPeriod = ReportPeriod.day(day, ZONE);
    ReportPeriod week = ReportPeriod.isoWeekContaining(day.minusWeeks(1), ZONE);
    LocalDate learningDay = END_DATE.minusDays(1);
    LearningMetricsConfig learning = LearningMetricsConfig.defaults();
    GenerateReportCommand daily = GenerateReportCommand.builder("daily").gymId(branch.gymId().toString())
        .branchId(branch.branchId().orElseThrow().toString()).date(day.toString()).timezone(ZONE.getId()).build();
    GenerateReportCommand weekly = GenerateReportCommand.builder("weekly").gymId(branch.gymId().toString())
        .branchId(branch.branchId().orElseThrow().toString()).date(week.startDate().toString()).timezone(ZONE.getId()).build();
    GenerateReportCommand everyBranch = GenerateReportCommand.builder("daily").date(day.toString()).timezone(ZONE.getId()).build();
    GenerateReportCommand learningDaily = GenerateReportCommand.builder("learning-daily").date(learningDay.toString())
        .timezone(ZONE.getId()).build();
    LearningPeriods windows = LearningPeriods.of(ReportPeriod.day(learningDay, ZONE), learning);

    List<Scenario> scenarios = List.of(
        new Scenario("daily", List.of(
            new Variant("report", s -> s.reporting().generate(daily).report()),
            new Variant("floor", s -> s.floors().branch(branch, dayPeriod)))),
        new Scenario("weekly", List.of(
            new Variant("report", s -> s.reporting().generate(weekly).report()),
            new Variant("floor", s -> List.of(s.floors().branch(branch, week), s.floors().branch(branch, week.previous()))))),
        new Scenario("all-branches", List.of(
            new Variant("report", s -> s.reporting().generateEveryBranch(everyBranch).reports()),
            new Variant("floor", s -> s.floors().everyBranch(dayPeriod)),
            new Variant("one-by-one", s -> oneByOne(s, day)))),
        new Scenario("learning-daily", List.of(
            new Variant("report", s -> s.reporting().generate(learningDaily).report()),
            new Variant("floor", s -> s.floors().learning(windows, learning.topMistakes(), learning.inactiveListLimit())))));

    context.err().printf("Warming up (at least %d runs and %d ms), then timing %d runs of each scenario on each database…%n",
        warmup, warmupMillis, iterations);
    List<Row> rows = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      List<Row> measured = time(scenario, subjects);
      check(scenario, measured);
      rows.addAll(measured);
    }
    print(rows, subjects);
    printRendering(subjects.get(0), daily, learningDaily);
  }

  /** The daily report of each branch of the subject's data, one report at a time. */
  private static List<Report<?>> oneByOne(Subject subject, LocalDate day) {
    List<Report<?>> reports = new ArrayList<>();
    for (int g = 0; g < subject.spec().gyms(); g++) {
      for (int b = 0; b < subject.spec().branchesPerGym(); b++) {
        reports.add(subject.reporting().generate(GenerateReportCommand.builder("daily")
            .gymId(SyntheticDataSpec.gymId(g).toString()).branchId(SyntheticDataSpec.branchId(g, b).toString())
            .date(day.toString()).timezone(ZONE.getId()).build()).report());
      }
    }
    return reports;
  }

  /** Warm-up rounds per scenario, for the output. */
  private final Map<String, Integer> warmRoundsByScenario = new LinkedHashMap<>();

  /**
   * One round: every variant on every subject; which database and which variant go first
   * alternate with the round, so neither always runs on a warmer cache or CPU. Timed when
   * {@code nanos} is given.
   */
  private static void round(Scenario scenario, List<Subject> subjects, int round, Object[][] results,
      long[][][] nanos, int iteration) {
    int n = subjects.size();
    int v = scenario.variants().size();
    for (int k = 0; k < n; k++) {
      int s = round % 2 == 0 ? k : n - 1 - k;
      for (int j = 0; j < v; j++) {
        int w = (round / 2) % 2 == 0 ? j : v - 1 - j;
        long start = System.nanoTime();
        results[s][w] = scenario.variants().get(w).work().run(subjects.get(s));
        long elapsed = System.nanoTime() - start;
        if (nanos != null) {
          nanos[s][w][iteration] = elapsed;
        }
      }
    }
  }

  /** Runs every variant on every subject, interleaved; then measures memory per variant. */
  private List<Row> time(Scenario scenario, List<Subject> subjects) {
    int n = subjects.size();
    int v = scenario.variants().size();
    long[][][] nanos = new long[n][v][iterations];
    Object[][] results = new Object[n][v];
    // Warm-up: at least --warmup rounds, and rounds until --warmup-millis have passed.
    long warmUntil = System.nanoTime() + warmupMillis * 1_000_000L;
    int warmRounds = 0;
    while (warmRounds < warmup || System.nanoTime() < warmUntil) {
      round(scenario, subjects, warmRounds++, results, null, 0);
    }
    warmRoundsByScenario.put(scenario.name(), warmRounds);
    for (int i = 0; i < iterations; i++) {
      round(scenario, subjects, warmRounds + i, results, nanos, i);
    }
    List<Row> rows = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      List<Measure> measures = new ArrayList<>();
      for (int w = 0; w < v; w++) {
        Variant variant = scenario.variants().get(w);
        measures.add(new Measure(variant.name(), Stats.of(nanos[s][w]), memory(variant.work(), subjects.get(s)), results[s][w]));
      }
      rows.add(new Row(scenario.name(), subjects.get(s), measures));
    }
    return rows;
  }

  /** Heap pools' peak use and bytes allocated by this thread over three runs, after a full GC. */
  private static Memory memory(Work work, Subject subject) {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long before = threads.getCurrentThreadAllocatedBytes();
    int runs = 3;
    for (int r = 0; r < runs; r++) {
      work.run(subject);
    }
    long allocated = (threads.getCurrentThreadAllocatedBytes() - before) / runs;
    long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    return new Memory(peak, allocated);
  }

  /** Compares what the report, its floor and (all branches) the one-by-one reports computed. */
  private void check(Scenario scenario, List<Row> rows) {
    for (Row row : rows) {
      Object report = row.measure("report").result();
      Object floor = row.measure("floor").result();
      String where = scenario.name() + " " + row.subject().name();
      if (report instanceof Report<?> single && single.body() instanceof DailyLeadReport body
          && floor instanceof BenchmarkFloors.Figures figures) {
        warnUnless(where + " report vs floor", body.leads().newLeads() == figures.leadsCreated()
            && body.leads().convertedInPeriod() == figures.converted() && body.calls().total() == figures.calls());
      }
      if (report instanceof List<?> batch && floor instanceof BenchmarkFloors.Figures figures) {
        long callsTotal = batch.stream().mapToLong(r -> ((DailyLeadReport) ((Report<?>) r).body()).calls().total()).sum();
        warnUnless(where + " batch vs floor", batch.size() == figures.branches() && callsTotal == figures.calls());
        // Branches without activity have no batch report; the others must be equal, whatever the
        // order (request and figures: generated_at is when each was made).
        Set<Object> alone = ((List<?>) row.measure("one-by-one").result()).stream()
            .filter(r -> !isEmpty((Report<?>) r)).map(BenchCommand::requestAndBody).collect(Collectors.toSet());
        Set<Object> batched = batch.stream().map(BenchCommand::requestAndBody).collect(Collectors.toSet());
        warnUnless(where + " batch vs one by one", batch.size() == alone.size() && alone.equals(batched));
      }
    }
    Object small = rows.get(0).measure("report").result();
    Object large = rows.get(1).measure("report").result();
    if (small instanceof Report<?> a && large instanceof Report<?> b && a.request().scope().isPresent()) {
      warnUnless(scenario.name() + " SMALL vs LARGE (same branch rows)", a.body().equals(b.body()));
    }
  }

  private static List<Object> requestAndBody(Object report) {
    return List.of(((Report<?>) report).request(), ((Report<?>) report).body());
  }

  private static boolean isEmpty(Report<?> report) {
    DailyLeadReport body = (DailyLeadReport) report.body();
    return body.leads().newLeads() == 0 && body.leads().convertedInPeriod() == 0 && body.calls().total() == 0;
  }

  private void warnUnless(String what, boolean same) {
    if (!same) {
      context.out().println("WARNING: " + what + ": the figures differ");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  private void print(List<Row> rows, List<Subject> subjects) {
    var out = context.out();
    out.printf("%nBranch %s of gym %s, timezone %s, %s engine, %d iterations after warm-up runs (%s)%n",
        SyntheticDataSpec.branchId(0, 0), SyntheticDataSpec.gymId(0), ZONE, engine.toLowerCase(Locale.ROOT), iterations,
        warmRoundsByScenario.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")));
    for (Subject subject : subjects) {
      out.printf(Locale.ROOT, "%-5s %,d call_logs, %,d leads, %,d learning rows (%,d users), %d gyms x %d branches%n",
          subject.name(), subject.callRows(), subject.leadRows(), subject.spec().learning().totalRows(),
          subject.spec().learning().users(), subject.spec().gyms(), subject.spec().branchesPerGym());
    }
    String format = "%-15s %-6s %-11s %9s %10s %10s %10s %10s %8s %9s%n";
    out.printf(format, "scenario", "db", "variant", "calls", "median_ms", "p90_ms", "min_ms", "x_floor", "heap_mb", "alloc_mb");
    for (Row row : rows) {
      double floor = row.measure("floor").stats().median();
      for (Measure measure : row.measures()) {
        out.printf(format, row.scenario(), row.subject().name(), measure.name(), calls(measure.result()),
            millis(measure.stats().median()), millis(measure.stats().p90()), millis(measure.stats().min()),
            String.format(Locale.ROOT, "%.2f", measure.stats().median() / floor),
            mb(measure.memory().peakHeapBytes()), mb(measure.memory().allocatedBytes()));
      }
    }
    out.println();
    for (Row row : rows) {
      out.printf(Locale.ROOT, "ratio report/floor %-15s %-5s median %.2f%n", row.scenario(), row.subject().name(),
          row.measure("report").stats().median() / row.measure("floor").stats().median());
    }
    for (int i = 0; i + 1 < rows.size(); i += 2) {
      Row small = rows.get(i);
      Row large = rows.get(i + 1);
      out.printf(Locale.ROOT, "ratio LARGE/SMALL %-15s median %.2f (report), %.2f (floor); call_logs rows %.1fx%n",
          small.scenario(),
          large.measure("report").stats().median() / small.measure("report").stats().median(),
          large.measure("floor").stats().median() / small.measure("floor").stats().median(),
          (double) large.subject().callRows() / small.subject().callRows());
    }
    for (Row row : rows) {
      if (row.scenario().equals("all-branches")) {
        Measure batch = row.measure("report");
        Measure oneByOne = row.measure("one-by-one");
        out.printf(Locale.ROOT, "all branches %-5s %d branches: batch %s ms, one by one %s ms: the batch is %.1fx faster%n",
            row.subject().name(), ((List<?>) batch.result()).size(), millis(batch.stats().median()),
            millis(oneByOne.stats().median()), oneByOne.stats().median() / batch.stats().median());
      }
    }
  }

  /**
   * Reports rendered per second, from reports already generated (SMALL). Every report is rendered
   * in every format for {@code --render-millis} untimed, then again timed. Timing each format right
   * after a single untimed render charged the first format that draws charts (HTML) for the JIT
   * compiling the chart code, which PNG, timed after it, then found ready; on a 2-core machine that
   * compiling takes several seconds.
   */
  private void printRendering(Subject subject, GenerateReportCommand daily, GenerateReportCommand learningDaily) {
    MustacheReportRenderer renderer = MustacheReportRenderer.create();
    List<ReportFormat> formats = List.of(ReportFormat.JSON, ReportFormat.HTML, ReportFormat.PNG);
    Map<String, Report<?>> reports = new LinkedHashMap<>();
    for (GenerateReportCommand command : List.of(daily, learningDaily)) {
      reports.put(command.reportType(), subject.reporting().generate(command).report());
    }
    reports.values().forEach(report -> formats.forEach(format -> rendersPerSecond(renderer, report, format, renderMillis)));
    var out = context.out();
    out.println();
    reports.forEach((type, report) -> formats.forEach(format ->
        out.printf(Locale.ROOT, "rendering %-15s %-5s %10.1f reports/s%n", type, format.extension(),
            rendersPerSecond(renderer, report, format, renderMillis))));
  }

  /** How many times a second {@code renderer} renders {@code report} as {@code format}, rendering for {@code millis}. */
  static double rendersPerSecond(ReportRenderer renderer, Report<?> report, ReportFormat format, long millis) {
    long count = 0;
    long start = System.nanoTime();
    long deadline = start + millis * 1_000_000L;
    long now;
    do {
      renderer.render(report, format);
      count++;
      now = System.nanoTime();
    } while (now < deadline);
    return count / ((now - start) / 1e9);
  }

  private static String calls(Object result) {
    long calls = -1;
    if (result instanceof Report<?> report) {
      if (report.body() instanceof DailyLeadReport daily) {
        calls = daily.calls().total();
      } else if (report.body() instanceof WeeklyLeadReport weekly) {
        calls = weekly.calls().total();
      }
    } else if (result instanceof BenchmarkFloors.Figures figures) {
      calls = figures.calls();
    } else if (result instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof BenchmarkFloors.Figures first) {
      calls = first.calls(); // the reported period; the previous one follows
    } else if (result instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Report<?>) {
      calls = list.stream().map(r -> ((Report<?>) r).body()).filter(DailyLeadReport.class::isInstance)
          .mapToLong(b -> ((DailyLeadReport) b).calls().total()).sum();
    }
    return calls < 0 ? "-" : String.format("%,d", calls);
  }

  private static String millis(double nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1_000_000.0);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }

  record Memory(long peakHeapBytes, long allocatedBytes) {}

  record Measure(String name, Stats stats, Memory memory, Object result) {}

  record Row(String scenario, Subject subject, List<Measure> measures) {
    Measure measure(String name) {
      return measures.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }
  }

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

  /** One benchmark database, open and wired, with its row counts. */
  record Subject(
      String name, SyntheticDataSpec spec, JdbcPersistence database, Reporting reporting, BenchmarkFloors floors,
      long leadRows, long callRows) {}

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
      long[] wanted = {spec.totalLeads(), spec.totalCalls(), spec.learning().totalRows()};
      if (Arrays.equals(counts, wanted)) {
        context.err().printf("%s: reusing %s (%,d leads, %,d calls, %,d learning rows)%n",
            name, describe(name), counts[0], counts[1], counts[2]);
      } else {
        if (counts[0] >= 0) {
          context.err().printf("%s: %s holds %,d leads, %,d calls and %,d learning rows, not %,d, %,d and %,d; rebuilding it%n",
              name, describe(name), counts[0], counts[1], counts[2], wanted[0], wanted[1], wanted[2]);
        }
        reset(name);
        context.err().printf("%s: creating %s (%d gyms x %d branches, %,d leads, %,d calls, %,d learning rows)%n",
            name, describe(name), spec.gyms(), spec.branchesPerGym(), wanted[0], wanted[1], wanted[2]);
        long start = System.nanoTime();
        try (JdbcPersistence database = Database.open(url);
            Progress progress = new Progress("Loading " + name, spec.totalRows(), context.err())) {
          SyntheticLeadData.write(database, spec, SyntheticLeadData.RowOrder.BY_TIME, progress);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        context.out().printf(Locale.ROOT, "%s: loaded %,d rows in %.1f s (%,.0f rows/s, indexes and ANALYZE included)%n",
            name, spec.totalRows(), seconds, spec.totalRows() / seconds);
        counts = counts(url);
      }
      JdbcPersistence database = Database.open(url);
      // A database of an earlier version gets the indexes added since (the every-branch ones).
      database.installDemoSchema();
      Reporting reporting = Reporting.builder().clock(context.clock())
          .leadActivity(database.leadActivity())
          .branchActivity(database.branchActivity())
          .learningActivity(database.learningActivity())
          .build();
      return new Subject(name, spec, database, reporting, BenchmarkFloors.of(database), counts[0], counts[1]);
    }

    /** Rows in leads, call_logs and the learning tables, or -1s when the database or a table is missing. */
    long[] counts(String url) {
      if (!exists(url)) {
        return new long[] {-1, -1, -1};
      }
      try (Connection connection = DriverManager.getConnection(url);
          Statement statement = connection.createStatement()) {
        long learning = 0;
        for (String table : List.of("users", "coaching_sessions", "detected_errors", "conversion_triggers")) {
          learning += count(statement, table);
        }
        return new long[] {count(statement, "leads"), count(statement, "call_logs"), learning};
      } catch (SQLException e) {
        return new long[] {-1, -1, -1};
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
      return dir.resolve("bench-" + name.toLowerCase(Locale.ROOT) + "-d" + days + "-c" + callsPerDay + "-by-time.db");
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

  /** One schema per database, pulse_bench_small_by_time and pulse_bench_large_by_time, in the database of --db-url. */
  private final class PostgresEngine extends Engine {
    private final String baseUrl;

    PostgresEngine(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    private String schema(String name) {
      return "pulse_bench_" + name.toLowerCase(Locale.ROOT) + "_by_time";
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
