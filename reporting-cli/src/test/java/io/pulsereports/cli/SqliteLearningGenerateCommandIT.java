package io.pulsereports.cli;

import io.pulsereports.cli.HandMadeLearningDatabase.Content;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class SqliteLearningGenerateCommandIT extends LearningGenerateCommandContract {

  @TempDir static Path folder;
  private static String url;
  private static String withoutTriggersUrl;
  private static String emptyUrl;
  private static String odditiesUrl;

  @BeforeAll
  static void createDatabases() throws Exception {
    url = "jdbc:sqlite:" + folder.resolve("their-coaching-app.db");
    HandMadeLearningDatabase.create(url, Content.FULL);
    withoutTriggersUrl = "jdbc:sqlite:" + folder.resolve("no-triggers.db");
    HandMadeLearningDatabase.create(withoutTriggersUrl, Content.WITHOUT_CONVERSION_TRIGGERS);
    emptyUrl = "jdbc:sqlite:" + folder.resolve("empty.db");
    HandMadeLearningDatabase.create(emptyUrl, Content.EMPTY);
    odditiesUrl = "jdbc:sqlite:" + folder.resolve("oddities.db");
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
