package io.pulsereports.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One real PostgreSQL server for the test JVM; a fresh database per call, reached by JDBC URL. */
final class PostgresServer {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private PostgresServer() {}

  static synchronized String newDatabaseUrl(String prefix) {
    try {
      if (server == null) {
        server = EmbeddedPostgres.start();
        EmbeddedPostgres started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.close();
          } catch (IOException ignored) {
            // the JVM is exiting
          }
        }));
      }
      String name = prefix + "_" + DATABASES.incrementAndGet();
      try (Connection connection = server.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + name);
        // A session zone other than UTC proves reports do not depend on it.
        statement.execute("ALTER DATABASE " + name + " SET timezone = 'Asia/Tokyo'");
      }
      return server.getJdbcUrl("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL", e);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create a test database", e);
    }
  }
}
