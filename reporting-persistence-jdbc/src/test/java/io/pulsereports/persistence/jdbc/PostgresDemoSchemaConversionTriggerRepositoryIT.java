package io.pulsereports.persistence.jdbc;

/** The contract on the demo schema's conversion_triggers on PostgreSQL: primary key, jsonb, boolean. */
class PostgresDemoSchemaConversionTriggerRepositoryIT extends PostgresConversionTriggerRepositoryIT {

  @Override
  protected JdbcPersistence openDatabaseWithTable() {
    JdbcPersistence persistence = openDatabaseWithoutTable();
    persistence.installDemoSchema();
    return persistence;
  }
}
