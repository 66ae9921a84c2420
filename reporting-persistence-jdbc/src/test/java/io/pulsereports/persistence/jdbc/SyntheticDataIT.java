package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pulsereports.core.model.InactiveUsers;
import io.pulsereports.core.model.LearnerSessions;
import io.pulsereports.core.model.MistakeActivity;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.RoleEngagement;
import io.pulsereports.core.model.ScoredSession;
import io.pulsereports.core.port.out.LearningActivityPort;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's synthetic data on both engines. Its lead rows are pinned: the same spec must keep
 * writing the same leads and calls (tests and benchmarks elsewhere rely on them), whatever else
 * the generator writes. Its learning rows are deterministic, exactly as many as announced, shaped
 * so that every block of a learning report has something to show, and read the same on both
 * engines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntheticDataIT {

  private static final LocalDate END = LocalDate.of(2026, 3, 1);
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final SyntheticDataSpec DEMO = SyntheticDataSpec.demo(END);
  /** The report date of the demo: the day before the end of the data. */
  private static final LocalDate D = END.minusDays(1);
  private static final ReportPeriod WEEK = ReportPeriod.range(D.minusDays(6), D, ZONE);
  private static final ReportPeriod FORTNIGHT = ReportPeriod.range(D.minusDays(13), D, ZONE);
  private static final ReportPeriod MONTH = ReportPeriod.range(D.minusDays(29), D, ZONE);
  private static final List<String> TABLES =
      List.of("users", "coaching_sessions", "detected_errors", "conversion_triggers");

  @TempDir static Path directory;

  private JdbcPersistence sqlite;
  private JdbcPersistence postgres;

  @BeforeAll
  void writeTheDemoOnBothEngines() {
    sqlite = JdbcPersistence.sqlite(directory.resolve("demo.db"));
    SyntheticLeadData.write(sqlite, DEMO, rows -> {});
    postgres =
        JdbcPersistence.postgres(EmbeddedPostgresServer.newDatabase("synthetic_learning", "UTC"));
    SyntheticLeadData.write(postgres, DEMO, rows -> {});
  }

  @AfterAll
  void close() {
    sqlite.close();
    postgres.close();
  }

  /** The bulk load drops the report indexes of the empty tables and builds them again. */
  @Test
  void keepsEveryReportIndexOnBothEngines() {
    List<String> expected = List.of(
        "idx_call_logs_created", "idx_call_logs_gym_branch_created", "idx_call_logs_gym_created",
        "idx_call_logs_lead", "idx_coaching_sessions_started", "idx_coaching_sessions_user_started",
        "idx_detected_errors_detected", "idx_leads_created", "idx_leads_gym_branch_created",
        "idx_leads_gym_branch_status_updated", "idx_leads_gym_created", "idx_leads_gym_status_updated",
        "idx_leads_status_updated");
    List<String> onSqlite = sqlite.jdbi().withHandle(h -> h.createQuery(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'idx_%' ORDER BY name")
        .mapTo(String.class).list());
    List<String> onPostgres = postgres.jdbi().withHandle(h -> h.createQuery(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE 'idx_%'"
            + " ORDER BY indexname COLLATE \"C\"").mapTo(String.class).list());

    assertThat(onSqlite).containsAll(expected).isEqualTo(onPostgres);
  }

  @Test
  void writesTheSameLeadRowsAsAlwaysOnSqlite() {
    assertThat(SyntheticDataDigests.digest(sqlite, "leads", "id"))
        .isEqualTo("5760:3064b5a5a75a8c22f5493660966f27928f1ce0d0ab26412346370cd2b4e42142");
    assertThat(SyntheticDataDigests.digest(sqlite, "call_logs", "id"))
        .isEqualTo("28800:d29a7e12c1f31f96e6379fa9a5c38b69505427647c4445ccfa7278a5c2b0f8db");
  }

  @Test
  void writesTheSameLeadRowsAsAlwaysOnPostgresql() {
    assertThat(SyntheticDataDigests.digest(postgres, "leads", "id"))
        .isEqualTo("5760:c0c5c1e2013ab2c0593a260d95505112fbf49abe4a8f96ba771dda58ce9ec893");
    assertThat(SyntheticDataDigests.digest(postgres, "call_logs", "id"))
        .isEqualTo("28800:9354a0ef72951aaa5ef0662bdb80977a3753635dccf26da1f11ca9783a9e1200");
  }

  @Test
  void writesExactlyTheAnnouncedLearningRowsAndTheSameRowsEachTime() {
    long rows = TABLES.stream().mapToLong(table -> count(sqlite, table)).sum();
    assertThat(rows).isEqualTo(DEMO.learning().totalRows());
    assertThat(count(sqlite, "users")).isEqualTo(400);
    assertThat(DEMO.totalRows()).isEqualTo(DEMO.totalLeads() + DEMO.totalCalls() + rows);

    long[] progress = {0};
    try (JdbcPersistence again = JdbcPersistence.sqlite(directory.resolve("again.db"))) {
      SyntheticLeadData.write(again, DEMO, written -> progress[0] += written);
      assertThat(progress[0]).isEqualTo(DEMO.totalRows());
      for (String table : TABLES) {
        assertThat(SyntheticDataDigests.digest(again, table, idColumn(table)))
            .as(table)
            .isEqualTo(SyntheticDataDigests.digest(sqlite, table, idColumn(table)));
      }
    }
  }

  /**
   * The benchmark's order: each day's rows of every branch in time order, and a branch's rows the
   * same whatever the number of gyms after it (the bench's SMALL and LARGE share a branch).
   */
  @Test
  void inTimeOrderTheTableFillsUpAsTimePassesAndABranchKeepsItsRows() {
    SyntheticDataSpec oneGym = new SyntheticDataSpec(1, 2, 3, 6, 4, 30, END, ZONE, 11L);
    SyntheticDataSpec threeGyms = new SyntheticDataSpec(3, 2, 3, 6, 4, 30, END, ZONE, 11L);
    try (JdbcPersistence small = JdbcPersistence.sqlite(directory.resolve("time-1.db"));
        JdbcPersistence large = JdbcPersistence.sqlite(directory.resolve("time-3.db"))) {
      SyntheticLeadData.write(small, oneGym, SyntheticLeadData.RowOrder.BY_TIME, rows -> {});
      SyntheticLeadData.write(large, threeGyms, SyntheticLeadData.RowOrder.BY_TIME, rows -> {});

      assertThat(count(large, "call_logs")).isEqualTo(threeGyms.totalCalls());
      assertThat(count(large, "leads")).isEqualTo(threeGyms.totalLeads());
      for (String table : List.of("call_logs", "leads")) {
        List<String> created = large.jdbi().withHandle(h -> h.createQuery(
            "SELECT datetime(created_at) FROM " + table + " ORDER BY rowid").mapTo(String.class).list());
        assertThat(created).as(table).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(created.get(0)).isLessThan(created.get(created.size() - 1));
      }
      String branch = SyntheticDataSpec.branchId(0, 0).toString();
      String calls = "SELECT id, lead_id, user_id, status, outcome, duration, created_at FROM call_logs"
          + " WHERE branch_id = :branch ORDER BY id";
      String leads = "SELECT id, first_name, lead_status, created_at, updated_at FROM leads"
          + " WHERE branch_id = :branch ORDER BY id";
      for (String query : List.of(calls, leads)) {
        List<Map<String, Object>> inSmall = small.jdbi().withHandle(h -> h.createQuery(query).bind("branch", branch).mapToMap().list());
        List<Map<String, Object>> inLarge = large.jdbi().withHandle(h -> h.createQuery(query).bind("branch", branch).mapToMap().list());
        assertThat(inSmall).isNotEmpty().isEqualTo(inLarge);
      }
    }
  }

  @Test
  void theSameSpecWithoutLearningWritesNoLearningRows() {
    SyntheticDataSpec leadsOnly = DEMO.withLearning(SyntheticLearningSpec.none());
    try (JdbcPersistence database = JdbcPersistence.sqlite(directory.resolve("leads-only.db"))) {
      SyntheticLeadData.write(database, leadsOnly, rows -> {});

      assertThat(TABLES).allSatisfy(table -> assertThat(count(database, table)).isZero());
      assertThat(leadsOnly.totalRows()).isEqualTo(DEMO.totalLeads() + DEMO.totalCalls());
    }
  }

  @Test
  void everyRoleIncludingAnUndocumentedOneAndNoRoleIsActiveInTheWeek() {
    List<RoleEngagement> roles = sqlite.learningActivity().engagementByRole(WEEK);

    assertThat(roles)
        .extracting(RoleEngagement::role)
        .contains("free", "student", "coach", "superuser", "trial", "unknown");
    assertThat(roles).anySatisfy(r -> assertThat(r.confidenceCount()).isLessThan(r.sessions()));
    assertThat(roles).anySatisfy(r -> assertThat(r.errorCountCount()).isLessThan(r.sessions()));
  }

  @Test
  void theTopTenMistakesAreMeaningfulAndTheHeatmapCoversEveryType() {
    MistakeActivity mistakes = sqlite.learningActivity().mistakes(MONTH, 10);

    assertThat(mistakes.totalErrors()).isGreaterThan(3_000);
    assertThat(mistakes.top()).hasSize(10);
    assertThat(mistakes.top().get(0).frequency())
        .isGreaterThan(2 * mistakes.top().get(9).frequency());
    assertThat(mistakes.heatmap())
        .extracting(cell -> cell.errorType())
        .contains("grammar", "pronunciation", "vocabulary");
    assertThat(mistakes.heatmap())
        .extracting(cell -> cell.errorCategory())
        .contains("Articles", "Prepositions", "Verb tenses", "Vowel sounds", "Word choice");
  }

  @Test
  void someFreeUsersEndWithAStreakAndSomeOfThemWereSentAnOfferLately() {
    LearningActivityPort learning = sqlite.learningActivity();
    List<LearnerSessions> free = learning.freeLearnerSessions(FORTNIGHT);
    Set<String> streakers =
        free.stream()
            .filter(SyntheticDataIT::beginsWithThreeScoresAboveEight)
            .map(LearnerSessions::userId)
            .collect(Collectors.toSet());
    Set<String> offered = learning.usersOfferedIn(MONTH);

    assertThat(streakers.size()).isBetween(free.size() / 20, free.size() / 3);
    assertThat(offered).isNotEmpty().anyMatch(streakers::contains);
    assertThat(streakers).anyMatch(user -> !offered.contains(user));
  }

  @Test
  void someUsersAreInactiveForThirtyDaysAndSomeSessionsBelongToDeletedUsers() {
    InactiveUsers inactive = sqlite.learningActivity().inactiveUsers(MONTH, 100);

    assertThat(inactive.count()).isBetween(30L, 150L);
    long orphanSessions =
        sqlite
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM coaching_sessions s WHERE NOT EXISTS"
                                + " (SELECT 1 FROM users u WHERE u.user_id = s.user_id)")
                        .mapTo(Long.class)
                        .one());
    assertThat(orphanSessions).isPositive();
  }

  @Test
  void bothEnginesAnswerAlikeOnTheSameData() {
    LearningActivityPort onSqlite = sqlite.learningActivity();
    LearningActivityPort onPostgres = postgres.learningActivity();

    List<RoleEngagement> sqliteRoles = onSqlite.engagementByRole(WEEK);
    List<RoleEngagement> postgresRoles = onPostgres.engagementByRole(WEEK);
    assertThat(postgresRoles).hasSameSizeAs(sqliteRoles);
    for (int i = 0; i < sqliteRoles.size(); i++) {
      RoleEngagement s = sqliteRoles.get(i);
      RoleEngagement p = postgresRoles.get(i);
      // Sums of doubles may be added in another order.
      assertThat(p.confidenceSum()).isCloseTo(s.confidenceSum(), within(1e-6));
      assertThat(new RoleEngagement(p.role(), p.activeUsers(), p.sessions(), s.confidenceSum(),
              p.confidenceCount(), p.errorCountSum(), p.errorCountCount()))
          .isEqualTo(s);
    }
    assertThat(onPostgres.mistakes(MONTH, 10)).isEqualTo(onSqlite.mistakes(MONTH, 10));
    assertThat(sorted(onPostgres.freeLearnerSessions(FORTNIGHT)))
        .isEqualTo(sorted(onSqlite.freeLearnerSessions(FORTNIGHT)));
    assertThat(onPostgres.usersOfferedIn(MONTH)).isEqualTo(onSqlite.usersOfferedIn(MONTH));
    assertThat(onPostgres.inactiveUsers(MONTH, 100)).isEqualTo(onSqlite.inactiveUsers(MONTH, 100));
  }

  private static boolean beginsWithThreeScoresAboveEight(LearnerSessions learner) {
    List<ScoredSession> scored =
        learner.sessions().stream()
            .filter(s -> s.confidenceScore().isPresent())
            .sorted(
                Comparator.comparing(ScoredSession::startedAt)
                    .thenComparing(ScoredSession::sessionId)
                    .reversed())
            .toList();
    return scored.size() >= 3
        && scored.subList(0, 3).stream().allMatch(s -> s.confidenceScore().getAsDouble() > 8.0);
  }

  /** Sessions in a fixed order (the port promises none). */
  private static List<LearnerSessions> sorted(List<LearnerSessions> learners) {
    return learners.stream()
        .map(
            l ->
                new LearnerSessions(
                    l.userId(),
                    l.email(),
                    l.englishLevel(),
                    l.sessions().stream()
                        .sorted(Comparator.comparing(ScoredSession::sessionId))
                        .toList()))
        .toList();
  }

  private static String idColumn(String table) {
    return switch (table) {
      case "users" -> "user_id";
      case "coaching_sessions" -> "session_id";
      case "detected_errors" -> "error_id";
      default -> "trigger_id";
    };
  }

  private static long count(JdbcPersistence database, String table) {
    return database
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
  }
}
