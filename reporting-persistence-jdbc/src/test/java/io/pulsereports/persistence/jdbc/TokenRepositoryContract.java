package io.pulsereports.persistence.jdbc;

import static io.pulsereports.persistence.jdbc.DeliveryFixture.GYM_A;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.GYM_B;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.GYM_C;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.NOW;
import static io.pulsereports.persistence.jdbc.TokenFixture.aToken;
import static io.pulsereports.persistence.jdbc.TokenFixture.revoked;
import static io.pulsereports.persistence.jdbc.TokenFixture.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.access.ApiToken;
import io.pulsereports.core.port.out.TokenRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every {@link TokenRepository} adapter must show. A subclass opens a migrated
 * database once; every test starts without tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TokenRepositoryContract {

  /** A hash that no error message may repeat. */
  static final String SECRET_HASH = sha256("prt_s3cretToken");

  protected JdbcPersistence persistence;
  protected TokenRepository tokens;

  /** A database on which {@link JdbcPersistence#migrate()} has run. */
  protected abstract JdbcPersistence openMigratedDatabase() throws Exception;

  /** A database without Pulse Reports' tables. */
  protected abstract JdbcPersistence openUnmigratedDatabase() throws Exception;

  @BeforeAll
  void openDatabase() throws Exception {
    persistence = openMigratedDatabase();
    tokens = persistence.tokens();
  }

  @AfterAll
  void closeDatabase() {
    if (persistence != null) {
      persistence.close();
    }
  }

  @BeforeEach
  void emptyTheTable() {
    persistence.jdbi().useHandle(h -> h.execute("DELETE FROM api_tokens"));
  }

  // --- round trip -------------------------------------------------------------------------------

  @Test
  void storesAndReadsBackEveryFieldOfANamedTokenOfSeveralGyms() {
    ApiToken token =
        aToken()
            .name("Dashboard — Empfang 受付 🚀")
            .gyms(GYM_C, GYM_A, GYM_B)
            .prefix("prt_Zz9yX")
            .createdAt(NOW.minus(Duration.ofDays(30)))
            .build();

    tokens.insert(token);

    ApiToken read = tokens.find(token.id()).orElseThrow();
    assertThat(read).isEqualTo(token);
    assertThat(read.gymIds()).containsExactlyInAnyOrder(GYM_A, GYM_B, GYM_C);
    assertThat(read.active()).isTrue();
    assertThat(tokens.findByHash(token.tokenHash())).contains(token);
  }

  @Test
  void storesAnUnnamedTokenOfOneGymAndARevokedOneAsTheyAre() {
    ApiToken unnamed = aToken().gyms(GYM_B).build();
    ApiToken revokedOne =
        aToken().name("old").gyms(GYM_A, GYM_C).revokedAt(NOW.plusSeconds(60)).build();

    tokens.insert(unnamed);
    tokens.insert(revokedOne);

    ApiToken read = tokens.find(unnamed.id()).orElseThrow();
    assertThat(read).isEqualTo(unnamed);
    assertThat(read.name()).isEmpty();
    assertThat(read.gymIds()).containsExactly(GYM_B);
    assertThat(read.revokedAt()).isEmpty();
    assertThat(tokens.find(revokedOne.id())).contains(revokedOne);
    assertThat(tokens.findByHash(revokedOne.tokenHash()))
        .as("found by its hash, revoked or not")
        .contains(revokedOne);
  }

  @Test
  void storesALearningOnlyTokenAndOneForGymsAndTheLearningReports() {
    ApiToken learningOnly = aToken().gyms().learningReports().build();
    ApiToken both = aToken().gyms(GYM_A).learningReports().build();

    tokens.insert(learningOnly);
    tokens.insert(both);

    assertThat(tokens.find(learningOnly.id())).contains(learningOnly);
    assertThat(tokens.find(both.id())).contains(both);
    assertThat(tokens.findByHash(both.tokenHash()).orElseThrow().learningReports()).isTrue();
  }

  @Test
  void theTableRefusesATokenThatSeesNothing() {
    assertThatThrownBy(() -> persistence.jdbi().useHandle(h -> h.execute(
        "INSERT INTO api_tokens (id, gym_ids, token_hash, token_prefix, created_at)"
            + " VALUES ('" + UUID.randomUUID() + "', '[]', '" + SECRET_HASH
            + "', 'prt_x', '2026-03-09T07:00:00.000000Z')")))
        .isInstanceOf(JdbiException.class);
    assertThat(tokens.list()).isEmpty();
  }

  @Test
  void storesTheGymsAsAJsonArrayOfLowerCaseUuidStrings() {
    ApiToken token = aToken().gyms(GYM_B, GYM_A).build();
    tokens.insert(token);

    String stored =
        persistence.jdbi().withHandle(h ->
            h.createQuery("SELECT gym_ids FROM api_tokens").mapTo(String.class).one());

    assertThat(RecipientsJson.readStringArray(stored, "gym_ids"))
        .containsExactly(GYM_A.toString(), GYM_B.toString());
  }

  @Test
  void keepsInstantsToTheMicrosecond() {
    Instant nanos = Instant.parse("2026-03-09T07:00:00.123456789Z");
    ApiToken token = aToken().createdAt(nanos).revokedAt(nanos.plusSeconds(1)).build();

    tokens.insert(token);

    ApiToken read = tokens.find(token.id()).orElseThrow();
    assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-03-09T07:00:00.123456Z"));
    assertThat(read.revokedAt()).contains(Instant.parse("2026-03-09T07:00:01.123456Z"));
  }

  // --- finding ----------------------------------------------------------------------------------

  @Test
  void findsNothingForAnUnknownHashOrId() {
    ApiToken token = store(aToken());

    assertThat(tokens.findByHash(sha256("prt_unknown"))).isEmpty();
    assertThat(tokens.findByHash(token.tokenHash().toUpperCase()))
        .as("hashes are lower-case hex; another case is another hash")
        .isEmpty();
    assertThat(tokens.find(UUID.randomUUID())).isEmpty();
  }

  // --- uniqueness -------------------------------------------------------------------------------

  @Test
  void aDuplicateHashIsRefusedNamingTheTokenButNotTheHashAndNothingChanges() {
    ApiToken first = store(aToken().hash(SECRET_HASH).name("first"));
    ApiToken second = aToken().hash(SECRET_HASH).name("second").gyms(GYM_B).build();

    assertThatThrownBy(() -> tokens.insert(second))
        .isInstanceOf(PersistenceException.class)
        .hasMessageContaining("store token " + second.id())
        .hasMessageNotContaining(SECRET_HASH)
        .satisfies(TokenRepositoryContract::assertNoCauseRepeatsTheHash);
    assertThat(tokens.find(second.id())).isEmpty();
    assertThat(tokens.findByHash(SECRET_HASH)).contains(first);
    assertThat(tokens.list()).containsExactly(first);
  }

  @Test
  void aSecondInsertOfAnIdIsRefusedAndNothingChanges() {
    ApiToken first = store(aToken().hash(SECRET_HASH));
    ApiToken sameId = aToken().id(first.id()).name("other").build();

    assertThatThrownBy(() -> tokens.insert(sameId))
        .isInstanceOf(PersistenceException.class)
        .hasMessageContaining("store token " + first.id())
        .hasMessageNotContaining(SECRET_HASH)
        .hasMessageNotContaining(sameId.tokenHash());
    assertThat(tokens.list()).containsExactly(first);
    assertThat(tokens.findByHash(sameId.tokenHash())).isEmpty();
  }

  // --- list -------------------------------------------------------------------------------------

  @Test
  void listsEveryTokenOldestFirstThenById() {
    assertThat(tokens.list()).isEmpty();
    ApiToken newest = store(aToken().createdAt(NOW.plusSeconds(5)).revokedAt(NOW.plusSeconds(6)));
    ApiToken oldest = store(aToken().gyms(GYM_B).createdAt(NOW.minus(Duration.ofDays(400))));
    // Two created at the same instant come in id order.
    List<ApiToken> tied =
        new ArrayList<>(
            List.of(store(aToken().createdAt(NOW)), store(aToken().name("tied").createdAt(NOW))));
    tied.sort(Comparator.comparing(token -> token.id().toString()));
    ApiToken microLater = store(aToken().createdAt(NOW.plusNanos(1_000)));

    List<ApiToken> expected = new ArrayList<>();
    expected.add(oldest);
    expected.addAll(tied);
    expected.add(microLater);
    expected.add(newest);
    assertThat(tokens.list()).containsExactlyElementsOf(expected);
  }

  // --- revoke -----------------------------------------------------------------------------------

  @Test
  void revokesATokenOnceKeepingTheFirstRevokedAt() {
    ApiToken token = store(aToken().name("to revoke").gyms(GYM_A, GYM_B));
    ApiToken other = store(aToken());
    Instant at = NOW.plus(Duration.ofHours(2));

    assertThat(tokens.revoke(token.id(), at)).isTrue();
    assertThat(tokens.revoke(token.id(), at.plusSeconds(60))).as("revoked already").isFalse();

    ApiToken read = tokens.find(token.id()).orElseThrow();
    assertThat(read).isEqualTo(revoked(token, at));
    assertThat(read.active()).isFalse();
    assertThat(tokens.findByHash(token.tokenHash())).contains(revoked(token, at));
    assertThat(tokens.find(other.id())).contains(other);
    assertThat(tokens.revoke(UUID.randomUUID(), at)).as("no such token").isFalse();
  }

  @Test
  void aTokenStoredRevokedCannotBeRevokedAgain() {
    ApiToken token = store(aToken().revokedAt(NOW.plusSeconds(1)));

    assertThat(tokens.revoke(token.id(), NOW.plusSeconds(2))).isFalse();
    assertThat(tokens.find(token.id())).contains(token);
  }

  // --- errors -----------------------------------------------------------------------------------

  @Test
  void aFailureNamesTheOperationAndTheTokenButNeverItsHash() throws Exception {
    ApiToken token = aToken().hash(SECRET_HASH).build();
    try (JdbcPersistence unmigrated = openUnmigratedDatabase()) {
      TokenRepository repository = unmigrated.tokens();

      assertThatThrownBy(() -> repository.insert(token))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("store token " + token.id())
          .hasMessageContaining("api_tokens")
          .hasMessageNotContaining(SECRET_HASH);
      assertThatThrownBy(() -> repository.findByHash(SECRET_HASH))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("read a token by its hash")
          .hasMessageNotContaining(SECRET_HASH);
      assertThatThrownBy(() -> repository.find(token.id()))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("read token " + token.id());
      assertThatThrownBy(repository::list)
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("list tokens");
      assertThatThrownBy(() -> repository.revoke(token.id(), NOW))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("revoke token " + token.id());
    }
  }

  @Test
  void aRowThatCannotBeReadIsNamedButItsHashIsNot() {
    ApiToken token = store(aToken().hash(SECRET_HASH));
    persistence.jdbi().useHandle(h -> h.execute(
        "UPDATE api_tokens SET gym_ids = '[\"not-a-gym\"]' WHERE id = '" + token.id() + "'"));

    assertThatThrownBy(() -> tokens.find(token.id()))
        .isInstanceOf(PersistenceException.class)
        .hasMessageContaining("Token " + token.id())
        .hasMessageNotContaining(SECRET_HASH);
    assertThatThrownBy(() -> tokens.findByHash(SECRET_HASH))
        .isInstanceOf(PersistenceException.class)
        .hasMessageContaining("Token " + token.id())
        .hasMessageNotContaining(SECRET_HASH);
    assertThatThrownBy(tokens::list)
        .isInstanceOf(PersistenceException.class)
        .hasMessageContaining("Token " + token.id());
  }

  @Test
  void theTableRefusesAHashThatIsNotSixtyFourHexDigits() {
    for (String bad : List.of(SECRET_HASH.substring(1), SECRET_HASH + "0",
        SECRET_HASH.substring(1) + "g")) {
      assertThatThrownBy(() -> persistence.jdbi().useHandle(h -> h.execute(
          "INSERT INTO api_tokens (id, gym_ids, token_hash, token_prefix, created_at)"
              + " VALUES ('" + UUID.randomUUID() + "', '[\"" + GYM_A + "\"]', '" + bad
              + "', 'prt_x', '2026-03-09T07:00:00.000000Z')")))
          .as(bad)
          .isInstanceOf(JdbiException.class);
    }
    assertThat(tokens.list()).isEmpty();
  }

  // --- helpers ----------------------------------------------------------------------------------

  /** A logged stack trace repeats every message of the cause chain: none may hold the hash. */
  static void assertNoCauseRepeatsTheHash(Throwable thrown) {
    java.io.StringWriter trace = new java.io.StringWriter();
    thrown.printStackTrace(new java.io.PrintWriter(trace));
    assertThat(trace.toString())
        .contains("store token")
        .doesNotContain(SECRET_HASH);
  }

  ApiToken store(TokenFixture fixture) {
    ApiToken token = fixture.build();
    tokens.insert(token);
    return token;
  }
}
