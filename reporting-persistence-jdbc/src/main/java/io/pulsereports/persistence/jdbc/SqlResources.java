package io.pulsereports.persistence.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Loads the SQL statements kept in resources under {@code io/pulsereports/persistence/jdbc/sql/}.
 * Whole-line {@code --} comments are dropped so that documentation in the files never reaches the
 * statement parser.
 */
final class SqlResources {

  private static final String ROOT = "io/pulsereports/persistence/jdbc/sql/";
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private SqlResources() {}

  /** The statement {@code sql/<folder>/<name>.sql}; {@code folder} is a dialect or "common". */
  static String load(String folder, String name) {
    return CACHE.computeIfAbsent(folder + "/" + name, SqlResources::read);
  }

  private static String read(String relative) {
    String path = ROOT + relative + ".sql";
    try (InputStream in = SqlResources.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("SQL resource missing from the jar: " + path);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines()
          .filter(line -> !line.stripLeading().startsWith("--"))
          .collect(Collectors.joining("\n"))
          .strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read SQL resource " + path, e);
    }
  }
}
