package io.pulsereports.persistence.jdbc;

import static io.pulsereports.persistence.jdbc.LearningActivityFixture.CONVERSION_WINDOW;
import static io.pulsereports.persistence.jdbc.LearningActivityFixture.ENGAGEMENT_WEEK;
import static io.pulsereports.persistence.jdbc.LearningActivityFixture.NEW_YORK;
import static io.pulsereports.persistence.jdbc.LearningActivityFixture.SPRING_FORWARD_DAY;
import static io.pulsereports.persistence.jdbc.LearningActivityFixture.THIRTY_DAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.model.HeatmapCell;
import io.pulsereports.core.model.InactiveUser;
import io.pulsereports.core.model.InactiveUsers;
import io.pulsereports.core.model.LearnerSessions;
import io.pulsereports.core.model.MistakeActivity;
import io.pulsereports.core.model.MistakeCount;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.RoleEngagement;
import io.pulsereports.core.model.ScoredSession;
import io.pulsereports.core.port.out.LearningActivityPort;
import io.pulsereports.persistence.jdbc.LearningActivityFixture.DetectedError;
import io.pulsereports.persistence.jdbc.LearningActivityFixture.Session;
import io.pulsereports.persistence.jdbc.LearningActivityFixture.Trigger;
import io.pulsereports.persistence.jdbc.LearningActivityFixture.User;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every {@link LearningActivityPort} adapter must show, on the {@link
 * LearningActivityFixture} loaded into tables created by hand (no indexes), with expectations
 * computed by hand. A subclass opens an empty database and says how its columns are declared and
 * take timestamps and offer_sent values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LearningActivityPortContract {

  private JdbcPersistence persistence;
  private LearningActivityPort port;

  /** A new, empty database. */
  protected abstract JdbcPersistence openEmptyDatabase() throws Exception;

  /** Test resource creating users, coaching_sessions and detected_errors, without indexes. */
  protected abstract String learningTablesScript();

  /** Test resource creating conversion_triggers. */
  protected abstract String conversionTriggersScript();

  /** How a timestamp is written into the learning tables. */
  protected abstract Argument timestamp(Stamp value);

  /** How a client's offer_sent value (Boolean, Integer, String or null) is written. */
  protected abstract Argument offerSent(Object value);

  @BeforeAll
  void loadFixture() throws Exception {
    persistence = openEmptyDatabase();
    createTables(persistence, learningTablesScript());
    createTables(persistence, conversionTriggersScript());
    port = persistence.learningActivity();
    persistence.jdbi().useTransaction(this::insertFixture);
  }

  @AfterAll
  void closeDatabase() {
    if (persistence != null) {
      persistence.close();
    }
  }

  private void insertFixture(Handle handle) {
    PreparedBatch users =
        handle.prepareBatch(
            "INSERT INTO users (user_id, email, role, english_level)"
                + " VALUES (:id, :email, :role, :level)");
    for (User user : LearningActivityFixture.USERS) {
      users
          .bind("id", user.userId())
          .bind("email", user.email())
          .bind("role", user.role())
          .bind("level", user.englishLevel())
          .add();
    }
    users.execute();
    PreparedBatch sessions =
        handle.prepareBatch(
            "INSERT INTO coaching_sessions (session_id, user_id, started_at, confidence_score,"
                + " error_count) VALUES (:id, :user, :started, :score, :errors)");
    for (Session session : LearningActivityFixture.SESSIONS) {
      sessions
          .bind("id", session.sessionId())
          .bind("user", session.userId())
          .bind("started", timestamp(session.startedAt()))
          .bind("score", session.score())
          .bind("errors", session.errors())
          .add();
    }
    sessions.execute();
    PreparedBatch errors =
        handle.prepareBatch(
            "INSERT INTO detected_errors (error_id, session_id, user_id, error_type,"
                + " error_category, error_text, severity, detected_at)"
                + " VALUES (:id, 's01', 'u01', :type, :category, :text, 'low', :detected)");
    int n = 0;
    for (DetectedError error : LearningActivityFixture.ERRORS) {
      errors
          .bind("id", "e" + ++n)
          .bind("type", error.type())
          .bind("category", error.category())
          .bind("text", error.text())
          .bind("detected", timestamp(error.detectedAt()))
          .add();
    }
    errors.execute();
    PreparedBatch triggers =
        handle.prepareBatch(
            "INSERT INTO conversion_triggers (trigger_id, user_id, trigger_type, triggered_at,"
                + " offer_sent) VALUES (:id, :user, 'high_confidence_streak', :triggered, :sent)");
    n = 0;
    for (Trigger trigger : LearningActivityFixture.TRIGGERS) {
      triggers
          .bind("id", "t" + ++n)
          .bind("user", trigger.userId())
          .bind("triggered", timestamp(trigger.triggeredAt()))
          .bind("sent", offerSent(trigger.offerSent()))
          .add();
    }
    triggers.execute();
  }

  // engagementByRole

  @Test
  void engagementCountsTheWeeksSessionsByTheRoleOfTheirUser() {
    assertThat(port.engagementByRole(ENGAGEMENT_WEEK))
        .containsExactlyInAnyOrder(
            // u01: s01 (at the start), s03, s04 (no score); u02: s05. Not s02 (at the end), s06.
            new RoleEngagement("free", 2, 4, 9.0 + 8.5 + 7.0, 3, 2 + 0 + 4, 3),
            // s08 has neither a score nor an error count
            new RoleEngagement("student", 1, 2, 6.5, 1, 3, 1),
            new RoleEngagement("coach", 1, 1, 8.0, 1, 1, 1),
            new RoleEngagement("unknown", 1, 1, 5.0, 1, 2, 1), // NULL role
            new RoleEngagement("trial", 1, 2, 9.75 + 7.0, 2, 0 + 1, 2), // undocumented role
            new RoleEngagement("superuser", 1, 1, 7.5, 1, 1, 1)); // s13 at 23:59:59 EDT
    // The session of 'ghost', who is absent from users, is counted nowhere.
  }

  @Test
  void engagementOfTheSpringForwardDayEndsAtMidnightEdt() {
    // [03-08T05:00Z, 03-09T04:00Z): s03 01:30 EST, s04 03:30 EDT, s13 23:59:59 EDT; not s17
    // (03-07 23:00 EST), s02 (00:00 EDT 03-09) or s14.
    assertThat(port.engagementByRole(SPRING_FORWARD_DAY))
        .containsExactlyInAnyOrder(
            new RoleEngagement("free", 1, 2, 8.5, 1, 0, 1),
            new RoleEngagement("superuser", 1, 1, 7.5, 1, 1, 1));
  }

  @Test
  void engagementOfAWindowWithoutSessionsIsEmpty() {
    assertThat(port.engagementByRole(ReportPeriod.day(LocalDate.of(2026, 6, 1), NEW_YORK)))
        .isEmpty();
  }

  // mistakes

  private static MistakeCount mistake(String type, String category, String text, long frequency) {
    return new MistakeCount(type, category, Optional.ofNullable(text), frequency);
  }

  private static final List<MistakeCount> TOP_TEN =
      List.of(
          mistake("grammar", "Articles", "a information", 4), // start in; end and before out
          mistake("grammar", "Prepositions", "depend of", 3),
          // ties by type, category, text in code point order; NULL text first; "Verb tenses"
          // (V) before "articles" (a)
          mistake("grammar", "Verb tenses", null, 2),
          mistake("grammar", "Verb tenses", "Zed went", 2),
          mistake("grammar", "Verb tenses", "ate", 2),
          mistake("grammar", "Verb tenses", "été", 2),
          mistake("grammar", "articles", "the the", 2),
          mistake("pronunciation", "unknown", "th", 2), // NULL category
          mistake("unknown", "Articles", "an hour", 2), // NULL type: after pronunciation
          mistake("pronunciation", "Vowel sounds", "sheep", 1));

  @Test
  void mistakesCountTheThirtyDaysErrorsAndRankTheTopTenByFrequencyThenCodePoints() {
    MistakeActivity mistakes = port.mistakes(THIRTY_DAYS, 10);

    assertThat(mistakes.totalErrors()).isEqualTo(23);
    // The eleventh, vocabulary / Word choice / "make a photo" (1), is cut.
    assertThat(mistakes.top()).containsExactlyElementsOf(TOP_TEN);
  }

  @Test
  void mistakesTopIsCutToTheLimitAndTotalCoversEveryError() {
    assertThat(port.mistakes(THIRTY_DAYS, 3))
        .isEqualTo(
            new MistakeActivity(23, TOP_TEN.subList(0, 3), port.mistakes(THIRTY_DAYS, 0).heatmap()));
    assertThat(port.mistakes(THIRTY_DAYS, 0).top()).isEmpty();
    assertThat(port.mistakes(THIRTY_DAYS, 50).top())
        .hasSize(11)
        .endsWith(mistake("vocabulary", "Word choice", "make a photo", 1));
  }

  @Test
  void mistakesHeatmapHasEveryNonZeroCategoryAndTypeCellInCodePointOrder() {
    assertThat(port.mistakes(THIRTY_DAYS, 10).heatmap())
        .containsExactly(
            new HeatmapCell("Articles", "grammar", 4),
            new HeatmapCell("Articles", "unknown", 2),
            new HeatmapCell("Prepositions", "grammar", 3),
            new HeatmapCell("Verb tenses", "grammar", 8),
            new HeatmapCell("Vowel sounds", "pronunciation", 1),
            new HeatmapCell("Word choice", "vocabulary", 1),
            new HeatmapCell("articles", "grammar", 2),
            new HeatmapCell("unknown", "pronunciation", 2));
  }

  @Test
  void mistakesOfAWindowWithoutErrorsAreZero() {
    assertThat(port.mistakes(ReportPeriod.day(LocalDate.of(2026, 6, 1), NEW_YORK), 10))
        .isEqualTo(new MistakeActivity(0, List.of(), List.of()));
  }

  // freeLearnerSessions

  @Test
  void freeLearnerSessionsAreEveryWindowSessionOfUsersWithRoleFree() {
    List<LearnerSessions> learners = port.freeLearnerSessions(CONVERSION_WINDOW);

    assertThat(learners).extracting(LearnerSessions::userId).containsExactly("u01", "u02");
    LearnerSessions u01 = learners.get(0);
    assertThat(u01.email()).contains("u01@example.com");
    assertThat(u01.englishLevel()).contains("B1");
    // s15 at the start; not s16 (a second before) nor s02 (at the end)
    assertThat(u01.sessions())
        .containsExactlyInAnyOrder(
            ScoredSession.scored("s15", Instant.parse("2026-02-23T05:00:00Z"), 6.0),
            ScoredSession.scored("s01", Instant.parse("2026-03-02T05:00:00Z"), 9.0),
            ScoredSession.scored("s03", Instant.parse("2026-03-08T06:30:00Z"), 8.5),
            ScoredSession.unscored("s04", Instant.parse("2026-03-08T07:30:00.250Z")));
    LearnerSessions u02 = learners.get(1);
    assertThat(u02.email()).isEmpty();
    assertThat(u02.englishLevel()).isEmpty();
    assertThat(u02.sessions())
        .containsExactlyInAnyOrder(
            ScoredSession.scored("s05", Instant.parse("2026-03-05T12:00:00.500Z"), 7.0),
            ScoredSession.scored("s06", Instant.parse("2026-03-02T04:59:59.999Z"), 10.0));
  }

  @Test
  void freeLearnerSessionsLeaveOutUsersWithoutASessionInTheWindow() {
    assertThat(port.freeLearnerSessions(SPRING_FORWARD_DAY))
        .singleElement()
        .satisfies(
            u01 ->
                assertThat(u01.sessions())
                    .extracting(ScoredSession::sessionId)
                    .containsExactlyInAnyOrder("s03", "s04"));
  }

  // usersOfferedIn

  @Test
  void usersOfferedAreThoseWithATriggerWhoseOfferWasSentInTheWindow() {
    // true, 1, 't', '1' and 'TRUE' count; 0, 'f', 'false' and NULL do not; u03 is at the end,
    // u09 and u11 before the start.
    assertThat(port.usersOfferedIn(THIRTY_DAYS))
        .containsExactlyInAnyOrder("u01", "u02", "u04", "u05", "ghost");
  }

  @Test
  void usersOfferedAreNoneWhenTheDatabaseHasNoConversionTriggersTable() throws Exception {
    try (JdbcPersistence withoutTriggers = openEmptyDatabase()) {
      createTables(withoutTriggers, learningTablesScript());

      assertThat(withoutTriggers.learningActivity().usersOfferedIn(THIRTY_DAYS)).isEmpty();
    }
  }

  // inactiveUsers

  private static InactiveUser inactive(String id, String role, String lastSession) {
    String email = (id.equals("é1") ? "e1" : id.toLowerCase(Locale.ROOT)) + "@example.com";
    return new InactiveUser(id, Optional.of(email), role, Instant.parse(lastSession));
  }

  private static final List<InactiveUser> INACTIVE_FOR_THIRTY_DAYS =
      List.of(
          inactive("u09", "student", "2026-02-07T04:59:59.999Z"), // a moment before the start
          inactive("u13", "student", "2026-01-20T10:00:00Z"), // not s24, after the end
          inactive("u15", "superuser", "2026-01-15T10:00:00Z"),
          inactive("u08", "free", "2026-01-10T09:00:00Z"), // the later instant, not the raw max
          inactive("Z1", "free", "2026-01-05T12:00:00Z"), // ties by code point
          inactive("a1", "trial", "2026-01-05T12:00:00Z"),
          inactive("é1", "student", "2026-01-05T12:00:00Z"),
          inactive("u14", "unknown", "2025-12-01T08:00:00Z")); // NULL role

  @Test
  void inactiveUsersHadASessionBeforeTheEndAndNoneInTheWindowNewestFirst() {
    // Not u10 (no session), u11 (a session at the start), u12 (only a session at the end).
    assertThat(port.inactiveUsers(THIRTY_DAYS, 100))
        .isEqualTo(new InactiveUsers(8, INACTIVE_FOR_THIRTY_DAYS));
  }

  @Test
  void inactiveUsersListsAtMostTheLimitButCountsAll() {
    assertThat(port.inactiveUsers(THIRTY_DAYS, 5))
        .isEqualTo(new InactiveUsers(8, INACTIVE_FOR_THIRTY_DAYS.subList(0, 5)));
    assertThat(port.inactiveUsers(THIRTY_DAYS, 0)).isEqualTo(new InactiveUsers(8, List.of()));
  }

  @Test
  void inactiveUsersOfOneDayFindTheLatestSessionBeforeItsStart() {
    // Day window [03-08T05:00Z, 03-09T04:00Z): u06's latest is s17 at 03-08T04:00Z, whose text
    // starts with the window's date.
    InactiveUsers inactive = port.inactiveUsers(SPRING_FORWARD_DAY, 4);

    assertThat(inactive.count()).isEqualTo(14);
    assertThat(inactive.users())
        .containsExactly(
            inactive("u06", "trial", "2026-03-08T04:00:00Z"),
            inactive("u05", "unknown", "2026-03-06T10:00:00Z"),
            inactive("u04", "coach", "2026-03-06T09:00:00Z"),
            new InactiveUser("u02", Optional.empty(), "free", Instant.parse("2026-03-05T12:00:00.500Z")));
  }

  @Test
  void inactiveUsersAreNoneWhenEveryoneWithASessionHadOneInTheWindow() {
    ReportPeriod everything =
        ReportPeriod.range(LocalDate.of(2025, 11, 1), LocalDate.of(2026, 3, 31), NEW_YORK);

    assertThat(port.inactiveUsers(everything, 100)).isEqualTo(new InactiveUsers(0, List.of()));
  }

  // one snapshot

  @Test
  void aSnapshotAnswersLikeThePortAndEndsWithItsCall() {
    LearningActivityPort[] escaped = new LearningActivityPort[1];
    List<Object> inSnapshot =
        persistence.inLearningSnapshot(
            learning -> {
              escaped[0] = learning;
              return List.of(
                  learning.engagementByRole(ENGAGEMENT_WEEK),
                  learning.mistakes(THIRTY_DAYS, 10),
                  learning.freeLearnerSessions(CONVERSION_WINDOW),
                  learning.usersOfferedIn(THIRTY_DAYS),
                  learning.inactiveUsers(THIRTY_DAYS, 100));
            });

    assertThat(inSnapshot)
        .containsExactly(
            port.engagementByRole(ENGAGEMENT_WEEK),
            port.mistakes(THIRTY_DAYS, 10),
            port.freeLearnerSessions(CONVERSION_WINDOW),
            port.usersOfferedIn(THIRTY_DAYS),
            port.inactiveUsers(THIRTY_DAYS, 100));
    assertThatThrownBy(() -> escaped[0].engagementByRole(ENGAGEMENT_WEEK))
        .isInstanceOf(IllegalStateException.class);
  }

  protected JdbcPersistence persistence() {
    return persistence;
  }

  protected LearningActivityPort port() {
    return port;
  }

  static void createTables(JdbcPersistence persistence, String resource) throws IOException {
    String ddl;
    try (InputStream in = LearningActivityPortContract.class.getResourceAsStream(resource)) {
      ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    persistence.jdbi().useHandle(handle -> handle.createScript(ddl).execute());
  }
}
