package io.pulsereports.cli;

import io.pulsereports.cli.HandMadeLearningDatabase.Content;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same contract on PostgreSQL tables whose instants are {@code timestamp} without time zone
 * holding UTC (SPEC section 1: read as UTC), in a database whose session zone is Asia/Tokyo.
 */
class PostgresPlainTimestampLearningGenerateCommandIT extends LearningGenerateCommandContract {

  private static String url;
  private static String withoutTriggersUrl;
  private static String emptyUrl;
  private static String odditiesUrl;

  @BeforeAll
  static void createDatabases() throws Exception {
    url = PostgresServer.newDatabaseUrl("learning_plain");
    HandMadeLearningDatabase.create(url, Content.FULL, true);
    withoutTriggersUrl = PostgresServer.newDatabaseUrl("learning_plain_no_triggers");
    HandMadeLearningDatabase.create(withoutTriggersUrl, Content.WITHOUT_CONVERSION_TRIGGERS, true);
    emptyUrl = PostgresServer.newDatabaseUrl("learning_plain_empty");
    HandMadeLearningDatabase.create(emptyUrl, Content.EMPTY, true);
    odditiesUrl = PostgresServer.newDatabaseUrl("learning_plain_oddities");
    HandMadeLearningDatabase.create(odditiesUrl, Content.ODDITIES, true);
  }

  @Override
  String databaseUrl() {
    return url;
  }

  @Override
  String databaseUrlWithoutConversionTriggers() {
    return withoutTriggersUrl;
  }

  @Override
  String emptyDatabaseUrl() {
    return emptyUrl;
  }

  @Override
  String odditiesDatabaseUrl() {
    return odditiesUrl;
  }
}
