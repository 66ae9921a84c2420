package io.pulsereports.persistence.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The two Flyway migration sets of this module, each with its own history table so that neither
 * collides with a user's own Flyway history:
 *
 * <ul>
 *   <li>{@link #STATE}: Pulse Reports' own tables (report_templates, report_subscriptions,
 *       report_deliveries), history in {@code pulse_reports_schema_history};
 *   <li>{@link #DEMO}: the lead tables of the embedded demo database, opt-in, history in {@code
 *       pulse_reports_demo_schema_history}.
 * </ul>
 *
 * <p>An existing database that already holds other tables gets a baseline row at version 0 in the
 * history table (Flyway's baselineOnMigrate), so every migration of ours still runs and nothing
 * else is touched. Clean is disabled.
 */
enum SchemaMigrations {
  STATE("state", "pulse_reports_schema_history", "Pulse Reports state tables"),
  DEMO("demo", "pulse_reports_demo_schema_history", "Pulse Reports demo lead tables");

  private static final String ROOT = "classpath:io/pulsereports/persistence/jdbc/migration/";

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
      Flyway.configure(SchemaMigrations.class.getClassLoader())
          .dataSource(dataSource)
          .locations(ROOT + folder + "/" + dialect.folder())
          .table(historyTable)
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .baselineDescription("<< database before Pulse Reports >>")
          .failOnMissingLocations(true)
          .validateMigrationNaming(true)
          .cleanDisabled(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new PersistenceException(
          "Could not migrate the " + description + " of " + databaseDescription + ": "
              + e.getMessage(),
          e);
    }
  }
}
