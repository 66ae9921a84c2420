package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.persistence.jdbc.JdbcPersistence;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reporting tokens} end to end on SQLite: a token is printed once and only its hash is stored. */
class TokensCommandIT {

  @TempDir Path folder;
  private String url;
  private Map<String, String> env;

  @BeforeEach
  void createDatabase() throws Exception {
    url = "jdbc:sqlite:" + folder.resolve("gyms.db");
    HandMadeLeadDatabase.create(url);
    env = Map.of("REPORTING_DB_URL", url);
  }

  private CliRun run(String... args) {
    return CliRun.withEnv(env, args);
  }

  @Test
  void aTokenIsPrintedOnceStoredAsAHashListedAndRevoked() throws Exception {
    CliRun created = run("tokens", "create", "--gym-id", HandMadeLeadDatabase.GYM,
        "--gym-id", HandMadeLeadDatabase.OTHER_GYM, "--name", "CRM sync");

    assertThat(created.exitCode()).as(created.err()).isZero();
    String token = created.out().strip();
    assertThat(token).matches("prt_[A-Za-z0-9_-]{43}");
    assertThat(created.err()).contains("not shown again");

    CliRun listed = run("tokens", "list");
    assertThat(listed.out()).contains(token.substring(0, 10) + "…  active  gyms ")
        .contains("\"CRM sync\"").doesNotContain(token);
    String id = listed.out().substring(0, 36);

    // Nothing in the database holds the token itself.
    try (JdbcPersistence database = JdbcPersistence.fromUrl(url)) {
      assertThat(database.tokens().list()).singleElement().satisfies(stored -> {
        assertThat(stored.tokenHash()).doesNotContain(token.substring(4));
        assertThat(database.tokens().findByHash(stored.tokenHash())).contains(stored);
      });
      java.sql.Connection connection = java.sql.DriverManager.getConnection(url);
      try (connection; var rows = connection.createStatement().executeQuery("SELECT * FROM api_tokens")) {
        while (rows.next()) {
          for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
            assertThat(Optional.ofNullable(rows.getString(column)).orElse("")).doesNotContain(token.substring(4));
          }
        }
      }
    }

    CliRun revoked = run("tokens", "revoke", id);
    assertThat(revoked.exitCode()).as(revoked.err()).isZero();
    assertThat(revoked.out()).startsWith("Revoked token " + id);
    assertThat(run("tokens", "list").out()).contains("revoked ");
  }

  @Test
  void aTokenForTheLearningReportsNeedsNoGym() {
    CliRun created = run("tokens", "create", "--learning", "--name", "coaching app");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.err()).contains("for the learning reports.");
    CliRun both = run("tokens", "create", "--learning", "--gym-id", HandMadeLeadDatabase.GYM);
    assertThat(both.exitCode()).as(both.err()).isZero();
    assertThat(run("tokens", "list").out())
        .contains("active  the learning reports  created")
        .contains("active  gym " + HandMadeLeadDatabase.GYM + " and the learning reports  created");
  }

  @Test
  void badInputNamesTheOptionAndStoresNothing() {
    CliRun noGym = run("tokens", "create");
    assertThat(noGym.exitCode()).isEqualTo(2);
    assertThat(noGym.err()).startsWith("error: --gym-id: at least one gym is required");
    CliRun badGym = run("tokens", "create", "--gym-id", "gym-1");
    assertThat(badGym.exitCode()).isEqualTo(2);
    assertThat(badGym.err()).startsWith("error: --gym-id: 'gym-1' is not a UUID");
    CliRun unknown = run("tokens", "revoke", "00000000-0000-4000-8000-000000000000");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("error: ID: no token");
    assertThat(run("tokens", "list").out()).contains("No tokens yet");
  }
}
