package io.pulsereports.persistence.jdbc;

import org.jdbi.v3.core.argument.Argument;

/**
 * The contract on a real PostgreSQL whose learning tables use plain {@code timestamp} columns
 * holding UTC, a numeric confidence_score and a text offer_sent (a schema the user may already
 * have), in sessions whose time zone is not UTC.
 */
class PostgresPlainTimestampLearningActivityIT extends PostgresLearningActivityIT {

  @Override
  protected JdbcPersistence openEmptyDatabase() {
    return JdbcPersistence.postgres(
        EmbeddedPostgresServer.newLinguisticDatabase("learning_plain", "America/Los_Angeles"));
  }

  @Override
  protected String learningTablesScript() {
    return "/learning-tables-plain-timestamp.sql";
  }

  @Override
  protected String conversionTriggersScript() {
    return "/conversion-triggers-plain-timestamp.sql";
  }

  @Override
  protected Argument timestamp(Stamp value) {
    return value.asPlainTimestamp();
  }

  @Override
  protected Argument offerSent(Object value) {
    return (position, statement, context) ->
        statement.setString(position, value == null ? null : value.toString());
  }
}
