package io.pulsereports.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** What every command shares: the streams, the environment, the clock. */
record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {

  static final String DB_URL_VARIABLE = "REPORTING_DB_URL";
  static final Path EMBEDDED_DATABASE = Path.of("pulse-reports.db");

  /** {@code --db} if given, else REPORTING_DB_URL, else the embedded SQLite file. */
  String databaseUrl(Optional<String> option) {
    return option
        .or(() -> Optional.ofNullable(env.get(DB_URL_VARIABLE)).filter(url -> !url.isBlank()))
        .orElse("jdbc:sqlite:" + EMBEDDED_DATABASE);
  }
}
