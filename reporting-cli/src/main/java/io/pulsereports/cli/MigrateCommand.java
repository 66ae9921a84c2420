package io.pulsereports.cli;

import io.pulsereports.persistence.jdbc.JdbcPersistence;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Creates or upgrades Pulse Reports' own tables (report_templates, report_subscriptions,",
      "report_deliveries). Your leads and call_logs tables are never created, altered or dropped."
    })
final class MigrateCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin DatabaseOption databaseOption;

  @Option(names = "--demo-schema", description = "also create the demo leads/call_logs tables (for an empty demo database only)")
  boolean demoSchema;

  MigrateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (JdbcPersistence database = Database.open(databaseOption.url(context))) {
      database.migrate();
      context.out().println("Pulse Reports tables are up to date in " + database);
      if (demoSchema) {
        database.installDemoSchema();
        context.out().println("Demo lead tables are up to date in " + database);
      }
    }
    return ReportingCli.OK;
  }
}
