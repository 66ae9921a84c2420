package io.pulsereports.cli;

import io.pulsereports.cli.HandMadeLearningDatabase.Content;
import org.junit.jupiter.api.BeforeAll;

class PostgresLearningGenerateCommandIT extends LearningGenerateCommandContract {

  private static String url;
  private static String withoutTriggersUrl;
  private static String emptyUrl;
  private static String odditiesUrl;

  @BeforeAll
  static void createDatabases() throws Exception {
    url = PostgresServer.newDatabaseUrl("learning");
    HandMadeLearningDatabase.create(url, Content.FULL);
    withoutTriggersUrl = PostgresServer.newDatabaseUrl("learning_no_triggers");
    HandMadeLearningDatabase.create(withoutTriggersUrl, Content.WITHOUT_CONVERSION_TRIGGERS);
    emptyUrl = PostgresServer.newDatabaseUrl("learning_empty");
    HandMadeLearningDatabase.create(emptyUrl, Content.EMPTY);
    odditiesUrl = PostgresServer.newDatabaseUrl("learning_oddities");
    HandMadeLearningDatabase.create(odditiesUrl, Content.ODDITIES);
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
