package io.pulsereports.cli;

import io.pulsereports.core.Reporting;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.persistence.jdbc.JdbcPersistence;
import io.pulsereports.persistence.jdbc.SyntheticDataSpec;
import io.pulsereports.render.mustache.MustacheReportRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Creates the embedded demo database with four months of sample data (if it is absent): gyms",
      "with leads and calls, and a coaching app with users, sessions and detected errors. Then writes",
      "daily and weekly lead reports and the learning daily report (JSON, CSV, HTML, PDF, PNG charts)",
      "and prints their paths."
    })
final class DemoCommand implements Callable<Integer> {

  static final ZoneId DEMO_ZONE = ZoneId.of("America/New_York");

  private final CliContext context;

  @Option(names = "--db-file", paramLabel = "FILE", description = "the demo SQLite database (default ${DEFAULT-VALUE})", defaultValue = "pulse-reports.db")
  Path databaseFile;

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default ${DEFAULT-VALUE})", defaultValue = "reports")
  Path out;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  /** The demo writes only into its own database, never into one the user made. */
  private void requireDemoDatabase(JdbcPersistence database) {
    if (!database.hasDemoSchema()) {
      throw new BadInputException(
          "--db-file", databaseFile + " is not a Pulse Reports demo database; give another --db-file, or use 'reporting generate --db' for your own data");
    }
  }

  @Override
  public Integer call() {
    LocalDate today = LocalDate.now(context.clock().withZone(DEMO_ZONE));
    boolean create = !Files.exists(databaseFile);
    try (JdbcPersistence database = JdbcPersistence.sqlite(databaseFile)) {
      if (create) {
        SyntheticDataSpec spec = SyntheticDataSpec.demo(today);
        context.err().printf("Creating the demo database %s (%,d leads, %,d calls, %,d learning rows)%n",
            databaseFile, spec.totalLeads(), spec.totalCalls(), spec.learning().totalRows());
        database.migrate();
        SeedDataCommand.load(database, spec, context);
      } else {
        context.err().println("Using the existing demo database " + databaseFile + " (delete it to start afresh)");
        requireDemoDatabase(database);
        database.migrate();
        // A demo database from an earlier version lacks the learning tables: add them (empty).
        database.installDemoSchema();
      }
      Reporting reporting =
          Reporting.builder()
              .clock(context.clock())
              .leadActivity(database.leadActivity())
              .learningActivity(database.learningActivity())
              .build();
      ReportWriter writer = new ReportWriter(MustacheReportRenderer.create());
      List<ReportFormat> formats = List.of(ReportFormat.values());
      String gym = SyntheticDataSpec.gymId(0).toString();
      String branch = SyntheticDataSpec.branchId(0, 0).toString();
      for (GenerateReportCommand command :
          List.of(
              GenerateReportCommand.builder("daily").gymId(gym).branchId(branch).timezone(DEMO_ZONE.getId()).build(),
              GenerateReportCommand.builder("weekly").gymId(gym).branchId(branch).timezone(DEMO_ZONE.getId()).build(),
              GenerateReportCommand.builder("weekly").gymId(gym).timezone(DEMO_ZONE.getId()).build())) {
        Report<?> report = reporting.generate(command).report();
        writer.writeFiles(report, formats, out).forEach(path -> context.out().println(path));
      }
      Report<?> learning = reporting.generate(
          GenerateReportCommand.builder("learning-daily").timezone(DEMO_ZONE.getId()).build()).report();
      writer.writeFiles(learning, formats, out)
          .forEach(path -> context.out().println(path));
    }
    context.err().println("Open the .html files in a browser (or the .pdf files in a PDF viewer). Try: reporting generate --help");
    return ReportingCli.OK;
  }
}
