package io.pulsereports.cli;

import io.pulsereports.persistence.jdbc.JdbcPersistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Opens the database a command names, refusing what cannot be right before connecting. */
final class Database {

  private static final String SQLITE = "jdbc:sqlite:";

  private Database() {}

  /** Opens an existing database; a SQLite file that does not exist is bad input, not a new file. */
  static JdbcPersistence openExisting(String url) {
    sqliteFile(url).ifPresent(file -> {
      if (!Files.isRegularFile(file)) {
        throw new BadInputException(
            "--db", "no database file at " + file + " (run 'reporting demo' to create the sample database)");
      }
    });
    return open(url);
  }

  /**
   * Opens an existing database read-only (a separate pool whose connections cannot write), named
   * {@code option} in errors.
   */
  static JdbcPersistence openReadOnly(String option, String url) {
    sqliteFile(url).ifPresent(file -> {
      if (!Files.isRegularFile(file)) {
        throw new BadInputException(option, "no database file at " + file);
      }
    });
    try {
      return JdbcPersistence.readOnly(url);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(option, e.getMessage());
    }
  }

  /** Opens a database, creating an SQLite file if it is missing. */
  static JdbcPersistence open(String url) {
    try {
      return JdbcPersistence.fromUrl(url);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--db", e.getMessage());
    }
  }

  static java.util.Optional<Path> sqliteFile(String url) {
    if (!url.toLowerCase(Locale.ROOT).startsWith(SQLITE)) {
      return java.util.Optional.empty();
    }
    String path = url.substring(SQLITE.length()).split("\\?", 2)[0];
    if (path.isEmpty() || path.contains(":memory:") || path.startsWith("file:")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Path.of(path));
  }
}
