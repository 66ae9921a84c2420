package io.pulsereports.persistence.jdbc;

import static io.pulsereports.persistence.jdbc.LearningActivityFixture.ENGAGEMENT_WEEK;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.model.RoleEngagement;
import java.sql.Types;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.argument.Argument;
import org.junit.jupiter.api.Test;

/**
 * The contract on a real PostgreSQL whose learning tables were made by hand (no indexes,
 * timestamptz, real scores, boolean offer_sent) in a database with a linguistic (ICU en-US)
 * default collation, in sessions whose time zone is not UTC (Asia/Tokyo, see the failsafe argLine).
 */
class PostgresLearningActivityIT extends LearningActivityPortContract {

  @Override
  protected JdbcPersistence openEmptyDatabase() {
    return JdbcPersistence.postgres(
        EmbeddedPostgresServer.newLinguisticDatabase("learning_tz", "Asia/Tokyo"));
  }

  @Override
  protected String learningTablesScript() {
    return "/learning-tables-postgresql.sql";
  }

  @Override
  protected String conversionTriggersScript() {
    return "/conversion-triggers-postgresql.sql";
  }

  @Override
  protected Argument timestamp(Stamp value) {
    return value.asTimestamptz();
  }

  @Override
  protected Argument offerSent(Object value) {
    Boolean sent = LearningActivityFixture.offerSentAsBoolean(value);
    return (position, statement, context) -> {
      if (sent == null) {
        statement.setNull(position, Types.BOOLEAN);
      } else {
        statement.setBoolean(position, sent);
      }
    };
  }

  @Test
  void aRealScoreIsReadAsTheDecimalItShowsNotItsSinglePrecisionBinaryValue() {
    persistence().jdbi().useHandle(handle -> {
      handle.execute("INSERT INTO users (user_id, email, role) VALUES ('real-scores', 'r@example.com', 'free')");
      handle.execute("INSERT INTO coaching_sessions (session_id, user_id, started_at, confidence_score, error_count)"
          + " VALUES ('rs-1', 'real-scores', '2026-03-06 15:00:00+00', 8.1, 1),"
          + " ('rs-2', 'real-scores', '2026-03-06 16:00:00+00', 8.2, 1),"
          + " ('rs-3', 'real-scores', '2026-03-06 17:00:00+00', 8.3, 1)");
    });

    List<Double> scores = port().freeLearnerSessions(LearningActivityFixture.CONVERSION_WINDOW).stream()
        .filter(learner -> learner.userId().equals("real-scores"))
        .flatMap(learner -> learner.sessions().stream())
        .map(session -> session.confidenceScore().getAsDouble())
        .sorted()
        .toList();

    // As float4, 8.1 is 8.100000381…: strictly greater than a configured threshold of 8.1.
    assertThat(scores).containsExactly(8.1, 8.2, 8.3);
  }

  @Test
  void aSnapshotDoesNotSeeSessionsCommittedWhileItReads() {
    List<RoleEngagement> before = port().engagementByRole(ENGAGEMENT_WEEK);
    try {
      List<List<RoleEngagement>> seen =
          persistence()
              .inLearningSnapshot(
                  learning -> {
                    List<RoleEngagement> first = learning.engagementByRole(ENGAGEMENT_WEEK);
                    // Another connection commits a session of the week meanwhile (another
                    // thread: Jdbi would lend this thread's open handle to a nested call).
                    CompletableFuture.runAsync(
                            () ->
                                persistence()
                                    .jdbi()
                                    .useHandle(
                                        h ->
                                            h.createUpdate(
                                                    "INSERT INTO coaching_sessions (session_id,"
                                                        + " user_id, started_at, confidence_score,"
                                                        + " error_count) VALUES ('late', 'u03',"
                                                        + " :at, 1, 1)")
                                                .bind(
                                                    "at",
                                                    timestamp(new Stamp("2026-03-05 10:00:00")))
                                                .execute()))
                        .join();
                    return List.of(first, learning.engagementByRole(ENGAGEMENT_WEEK));
                  });

      assertThat(seen).containsExactly(before, before);
      assertThat(port().engagementByRole(ENGAGEMENT_WEEK)).isNotEqualTo(before);
    } finally {
      persistence()
          .jdbi()
          .useHandle(h -> h.execute("DELETE FROM coaching_sessions WHERE session_id = 'late'"));
    }
  }
}
