package io.pulsereports.cli;

import org.junit.jupiter.api.BeforeAll;

class PostgresGenerateCommandIT extends GenerateCommandContract {

  private static String url;

  @BeforeAll
  static void createDatabase() throws Exception {
    url = PostgresServer.newDatabaseUrl("generate");
    HandMadeLeadDatabase.create(url);
  }

  @Override
  String databaseUrl() {
    return url;
  }
}
