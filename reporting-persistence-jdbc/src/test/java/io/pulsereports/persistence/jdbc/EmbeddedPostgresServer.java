package io.pulsereports.persistence.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server (zonky embedded binaries) for the whole test JVM, started on first
 * use and stopped at JVM exit; each test class gets its own fresh database.
 */
final class EmbeddedPostgresServer {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresServer() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException ignored) {
                      // the JVM is exiting
                    }
                  }));
    }
    return server;
  }

  /**
   * A new, empty database whose default time zone is {@code sessionTimeZone}. (pgjdbc sends the
   * JVM's zone at connect, which failsafe sets to Asia/Tokyo, so sessions start in that zone.)
   */
  static DataSource newDatabase(String prefix, String sessionTimeZone) {
    return newDatabase(prefix, sessionTimeZone, "");
  }

  /**
   * A new, empty database whose text columns sort by the ICU en-US collation by default, as a
   * production database created with a linguistic locale does ('a' &lt; 'é' &lt; 'Z').
   */
  static DataSource newLinguisticDatabase(String prefix, String sessionTimeZone) {
    return newDatabase(
        prefix,
        sessionTimeZone,
        " TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'");
  }

  /**
   * A new, empty database reached through a URL with a password (the server ignores it), for the
   * tests that no error message repeats a password.
   */
  static JdbcPersistence newUnmigratedDatabaseWithPassword() {
    String name = createDatabase("unmigrated", "UTC", "");
    return JdbcPersistence.fromUrl(jdbcUrl(name) + "&password=s3cret-password");
  }

  private static DataSource newDatabase(String prefix, String sessionTimeZone, String options) {
    return server().getDatabase("postgres", createDatabase(prefix, sessionTimeZone, options));
  }

  private static String createDatabase(String prefix, String sessionTimeZone, String options) {
    String name = prefix + "_" + DATABASES.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name + options);
      statement.execute("ALTER DATABASE " + name + " SET timezone = '" + sessionTimeZone + "'");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return name;
  }

  static String jdbcUrl(String database) {
    return server().getJdbcUrl("postgres", database);
  }
}
