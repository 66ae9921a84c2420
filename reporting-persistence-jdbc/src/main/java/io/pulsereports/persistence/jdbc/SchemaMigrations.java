package io.pulsereports.persistence.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The two Flyway migration sets of this module, each with its own history table so that neither
 * collides with a user's own Flyway history:
 *
 * <ul>
 *   <li>{@link #STATE}: Pulse Reports' own tables (report_templates, report_subscriptions,
 *       report_deliveries, api_tokens), history in {@code pulse_reports_schema_history};
 *   <li>{@link #DEMO}: the SPEC tables of the embedded demo database, opt-in: the lead tables
 *       (V1) and the learning tables (V2), history in {@code pulse_reports_demo_schema_history}.
 * </ul>
 *
 * <p>An existing database that already holds other tables gets a baseline row at version 0 in the
 * history table (Flyway's baselineOnMigrate), so every migration of ours still runs and nothing
 * else is touched. Before anything runs, the tables that the pending migrations create are looked
 * up: if one already exists it is not ours, and the migration is refused with the database left
 * exactly as it was (not even a history table is created). The pending migrations then run in one
 * transaction (both databases have transactional DDL), so a failure midway leaves nothing either.
 * Clean is disabled.
 */
enum SchemaMigrations {
  STATE("state", "pulse_reports_schema_history", "Pulse Reports state tables"),
  DEMO("demo", "pulse_reports_demo_schema_history", "Pulse Reports demo tables");

  private static final String ROOT = "io/pulsereports/persistence/jdbc/migration/";
  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z_][A-Za-z0-9_]*)",
          Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  private final String folder;
  private final String historyTable;
  private final String description;

  SchemaMigrations(String folder, String historyTable, String description) {
    this.folder = folder;
    this.historyTable = historyTable;
    this.description = description;
  }

  String historyTable() {
    return historyTable;
  }

  void migrate(DataSource dataSource, Dialect dialect, String databaseDescription) {
    try {
      Flyway flyway =
          Flyway.configure(SchemaMigrations.class.getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:" + location(dialect))
              .table(historyTable)
              .baselineOnMigrate(true)
              .baselineVersion("0")
              .baselineDescription("<< database before Pulse Reports >>")
              .failOnMissingLocations(true)
              .validateMigrationNaming(true)
              .group(true)
              .cleanDisabled(true)
              .load();
      refuseTablesThatAreNotOurs(flyway, dataSource, dialect, databaseDescription);
      flyway.migrate();
    } catch (FlywayException e) {
      throw new PersistenceException(
          "Could not migrate the " + description + " of " + databaseDescription + ": "
              + e.getMessage(),
          e);
    }
  }

  private String location(Dialect dialect) {
    return ROOT + folder + "/" + dialect.folder();
  }

  private void refuseTablesThatAreNotOurs(
      Flyway flyway, DataSource dataSource, Dialect dialect, String databaseDescription) {
    List<String> created = new ArrayList<>();
    for (MigrationInfo pending : flyway.info().pending()) {
      created.addAll(tablesCreatedBy(location(dialect) + "/" + pending.getScript()));
    }
    if (created.isEmpty()) {
      return;
    }
    List<String> existing;
    try (Connection connection = dataSource.getConnection()) {
      existing = existingTables(connection, created);
    } catch (SQLException e) {
      throw new PersistenceException(
          "Could not read the tables of " + databaseDescription + ": " + e.getMessage(), e);
    }
    if (!existing.isEmpty()) {
      throw new PersistenceException(
          "Refusing to create the "
              + description
              + " in "
              + databaseDescription
              + ": "
              + String.join(", ", existing)
              + (existing.size() == 1 ? " already exists" : " already exist")
              + " and " + (existing.size() == 1 ? "is" : "are")
              + " not Pulse Reports'; nothing was changed."
              + (this == DEMO
                  ? " The demo tables are for an empty demo database; reports read a database's"
                      + " own tables as they are."
                  : ""));
    }
  }

  /** The tables a migration script creates, from its CREATE TABLE statements. */
  private static List<String> tablesCreatedBy(String resource) {
    String script;
    try (InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Migration missing from the jar: " + resource);
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read migration " + resource, e);
    }
    List<String> tables = new ArrayList<>();
    Matcher matcher = CREATE_TABLE.matcher(script);
    while (matcher.find()) {
      tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
    }
    return tables;
  }

  private static List<String> existingTables(Connection connection, List<String> names)
      throws SQLException {
    List<String> existing = new ArrayList<>();
    for (String name : names) {
      // Any relation type: a view, index or sequence of that name blocks CREATE TABLE too.
      if (DatabaseTables.exists(connection, name, null)) {
        existing.add(name);
      }
    }
    return existing;
  }
}
