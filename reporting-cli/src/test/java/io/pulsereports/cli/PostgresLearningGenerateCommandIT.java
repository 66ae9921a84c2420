package io.pulsereports.cli;

import io.pulsereports.cli.HandMadeLearningDatabase.Content;
import org.junit.jupiter.api.BeforeAll;

class PostgresLearningGenerateCommandIT extends LearningGenerateCommandContract {

  private static String url;
  private static String withoutTriggersUrl;
  private static String emptyUrl;

  @BeforeAll
  static void createDatabases() throws Exception {
    url = PostgresServer.newDatabaseUrl("learning");
    HandMadeLearningDatabase.create(url, Content.FULL);
    withoutTriggersUrl = PostgresServer.newDatabaseUrl("learning_no_triggers");
    HandMadeLearningDatabase.create(withoutTriggersUrl, Content.WITHOUT_CONVERSION_TRIGGERS);
    emptyUrl = PostgresServer.newDatabaseUrl("learning_empty");
    HandMadeLearningDatabase.create(emptyUrl, Content.EMPTY);
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
}
