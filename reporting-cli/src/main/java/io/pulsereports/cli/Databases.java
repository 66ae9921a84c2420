package io.pulsereports.cli;

import io.pulsereports.persistence.jdbc.JdbcPersistence;
import java.util.Optional;

/**
 * Where a command finds its data: report state in {@code state} ({@code --db}); operational data
 * in {@code source} ({@code --source-db}, opened read-only) when given, else in {@code state}.
 */
record Databases(String state, Optional<String> source) {

  static Databases of(CliContext context, DatabaseOption database, SourceDatabaseOption source) {
    return new Databases(database.url(context), source.url(context));
  }

  static Databases stateOnly(String state) {
    return new Databases(state, Optional.empty());
  }

  /** The read-only source database, when there is one; a missing SQLite file is bad input. */
  Optional<JdbcPersistence> openSource() {
    return source.map(url -> Database.openReadOnly("--source-db", url));
  }
}
