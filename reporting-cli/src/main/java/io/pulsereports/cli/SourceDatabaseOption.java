package io.pulsereports.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --source-db} option of the commands that read operational data (leads, call_logs and
 * the learning tables): that data comes from this database, opened read-only with a pool of its
 * own (a read replica, say), while report state stays in {@code --db}.
 */
final class SourceDatabaseOption {

  static final String SOURCE_DB_URL_VARIABLE = "REPORTING_SOURCE_DB_URL";

  @Option(names = "--source-db", paramLabel = "JDBC_URL",
      description = "read leads, calls and learning data from this database, read-only (e.g. a read replica);"
          + " state stays in --db (default $" + SOURCE_DB_URL_VARIABLE + ", else --db itself)")
  String sourceDb;

  /** --source-db if given, else REPORTING_SOURCE_DB_URL; empty: the operational data is in --db. */
  Optional<String> url(CliContext context) {
    return Optional.ofNullable(sourceDb)
        .or(() -> Optional.ofNullable(context.env().get(SOURCE_DB_URL_VARIABLE)))
        .map(String::strip)
        .filter(url -> !url.isEmpty());
  }
}
