package io.pulsereports.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class SqliteGenerateCommandIT extends GenerateCommandContract {

  @TempDir static Path folder;
  private static String url;

  @BeforeAll
  static void createDatabase() throws Exception {
    url = "jdbc:sqlite:" + folder.resolve("their-gyms.db");
    HandMadeLeadDatabase.create(url);
  }

  @Override
  String databaseUrl() {
    return url;
  }
}
