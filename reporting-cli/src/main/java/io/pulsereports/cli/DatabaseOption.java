package io.pulsereports.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by the commands that read a user's database. */
final class DatabaseOption {

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "jdbc:sqlite:FILE or jdbc:postgresql://… (default $REPORTING_DB_URL, else the embedded pulse-reports.db)")
  String db;

  String url(CliContext context) {
    return context.databaseUrl(Optional.ofNullable(db));
  }
}
