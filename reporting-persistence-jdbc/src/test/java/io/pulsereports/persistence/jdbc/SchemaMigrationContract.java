package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryId;
import io.pulsereports.core.delivery.DeliveryStatus;
import io.pulsereports.core.delivery.RecipientOutcome;
import io.pulsereports.core.delivery.RecipientOutcome.State;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.out.SubscriptionRepository;
import io.pulsereports.core.port.out.TemplateRepository;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.schedule.SubscriptionId;
import io.pulsereports.core.schedule.SubscriptionQuery;
import io.pulsereports.core.template.ReportTemplate;
import io.pulsereports.core.template.TemplateQuery;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/** What {@link JdbcPersistence#migrate()} and {@link JdbcPersistence#installDemoSchema()} do. */
abstract class SchemaMigrationContract {

  private static final List<String> STATE_TABLES =
      List.of("report_templates", "report_subscriptions", "report_deliveries", "api_tokens");
  private static final List<String> LEARNING_TABLES =
      List.of(
          "users", "coaching_sessions", "detected_errors", "it_errors", "pricing_errors",
          "lead_scores", "conversion_triggers");
  private static final List<String> SUBSCRIPTION_COLUMNS_OF_VERSION_1 =
      List.of(
          "id", "gym_id", "branch_id", "name", "report_type", "delivery_method", "recipients",
          "formats", "delivery_time", "delivery_days", "timezone", "template_id", "is_active",
          "created_at", "updated_at");
  private static final List<String> SUBSCRIPTION_COLUMNS_OF_VERSION_3 =
      List.of(
          "skip_if_empty", "next_run_at", "failed_attempts", "locked_by", "locked_until",
          "last_run_due_at", "last_run_at", "last_run_period_start", "last_run_period_end",
          "last_run_outcome", "last_run_delivery_id", "last_run_error");
  /** A user's own users table with one row (portable SQL). */
  private static final List<String> USER_USERS_TABLE =
      List.of(
          "CREATE TABLE users (user_id TEXT PRIMARY KEY, nickname TEXT)",
          "INSERT INTO users (user_id, nickname) VALUES ('u-1', 'keep me')");

  /** A new, empty database. */
  protected abstract JdbcPersistence openEmptyDatabase() throws Exception;

  /** SQL for a user's own leads table with one row (id 'u-1', note 'keep me'). */
  protected abstract List<String> userLeadsTable();

  /** An INSERT of a delivery row with the given idempotency key. */
  protected abstract String insertDelivery(String id, String idempotencyKey);

  protected abstract String newId();

  /** The indexes of report_deliveries once version 2 has run. */
  protected abstract List<String> deliveryIndexesAfterVersion2();

  @Test
  void migrateCreatesTheStateTablesAndIsIdempotent() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      persistence.migrate();
      persistence.migrate();

      assertThat(tables(persistence))
          .containsAll(STATE_TABLES)
          .contains("pulse_reports_schema_history")
          .doesNotContain("flyway_schema_history", "leads", "call_logs", "users");
      assertThat(successfulRuns(persistence, "1")).isEqualTo(1);
    }
  }

  @Test
  void version2AddsRecipientOutcomesAndTheIndexesThatClaimDueWork() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      persistence.migrate();

      assertThat(successfulRuns(persistence, "2")).isEqualTo(1);
      assertThat(columns(persistence, "report_deliveries"))
          .contains("recipients", "recipient_outcomes", "next_attempt_at", "locked_until");
      assertThat(indexes(persistence, "report_deliveries"))
          .containsAll(deliveryIndexesAfterVersion2());
    }
  }

  @Test
  void version2GivesEachVersion1DeliveryAnOutcomePerRecipientMatchingItsStatus() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      migrateStateTo(persistence, "1");
      UUID sent = UUID.randomUUID();
      UUID failed = UUID.randomUUID();
      UUID pending = UUID.randomUUID();
      persistence.jdbi().useHandle(h -> {
        h.execute(version1Delivery(sent, "sent", 1, null));
        h.execute(version1Delivery(failed, "failed", 5, "SMTP 550 mailbox unavailable"));
        h.execute(version1Delivery(pending, "pending", 0, null));
      });

      persistence.migrate();

      Instant updatedAt = Instant.parse("2026-03-09T07:00:05Z");
      Delivery sentDelivery = persistence.deliveries().find(new DeliveryId(sent)).orElseThrow();
      assertThat(sentDelivery.status()).isEqualTo(DeliveryStatus.SENT);
      assertThat(sentDelivery.recipients())
          .as("sent without a sent_at: sent when last updated")
          .containsExactly(
              new RecipientOutcome(
                  "a@example.com", State.SENT, 1, Optional.of(updatedAt), Optional.empty()),
              new RecipientOutcome(
                  "b@example.com", State.SENT, 1, Optional.of(updatedAt), Optional.empty()));
      assertThat(persistence.deliveries().find(new DeliveryId(failed)).orElseThrow().recipients())
          .containsExactly(
              new RecipientOutcome("a@example.com", State.FAILED, 5, Optional.empty(),
                  Optional.of("SMTP 550 mailbox unavailable")),
              new RecipientOutcome("b@example.com", State.FAILED, 5, Optional.empty(),
                  Optional.of("SMTP 550 mailbox unavailable")));
      assertThat(persistence.deliveries().find(new DeliveryId(pending)).orElseThrow().recipients())
          .containsExactly(
              RecipientOutcome.pending("a@example.com"), RecipientOutcome.pending("b@example.com"));
    }
  }

  @Test
  void version3AddsTheScheduleStateOfSubscriptionsAndTheIndexThatClaimsDueOnes() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      persistence.migrate();

      assertThat(successfulRuns(persistence, "3")).isEqualTo(1);
      assertThat(columns(persistence, "report_subscriptions"))
          .containsAll(SUBSCRIPTION_COLUMNS_OF_VERSION_1)
          .containsAll(SUBSCRIPTION_COLUMNS_OF_VERSION_3)
          .hasSize(
              SUBSCRIPTION_COLUMNS_OF_VERSION_1.size() + SUBSCRIPTION_COLUMNS_OF_VERSION_3.size());
      assertThat(indexes(persistence, "report_subscriptions"))
          .contains(
              "idx_report_subscriptions_due",
              "idx_report_subscriptions_active_gym",
              "idx_report_subscriptions_gym_branch");
    }
  }

  @Test
  void version3LeavesVersion1SubscriptionsUnscheduledReadableAndUpdatable() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      migrateStateTo(persistence, "1");
      UUID weekly = UUID.randomUUID();
      UUID daily = UUID.randomUUID();
      persistence.jdbi().useHandle(h -> {
        // Timestamps in V1's default form (milliseconds), and V1's defaults.
        h.execute(
            "INSERT INTO report_subscriptions (id, gym_id, report_type, delivery_method,"
                + " recipients, delivery_time, delivery_days, timezone, created_at, updated_at)"
                + " VALUES ('" + weekly + "', '" + UUID.randomUUID() + "', 'weekly', 'email',"
                + " '[\"a@example.com\"]', '07:00', '[\"monday\"]', 'Europe/Berlin',"
                + " '2026-03-09T07:00:00.000Z', '2026-03-09T07:00:05.500Z')");
        h.execute(
            "INSERT INTO report_subscriptions (id, report_type, delivery_method, recipients,"
                + " delivery_time) VALUES ('" + daily + "', 'daily', 'slack', '[\"x\"]', '08:30')");
      });

      persistence.migrate();

      SubscriptionRepository subscriptions = persistence.subscriptions();
      Subscription weeklyRead = subscriptions.find(new SubscriptionId(weekly)).orElseThrow();
      assertThat(weeklyRead.createdAt()).isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
      assertThat(weeklyRead.updatedAt()).isEqualTo(Instant.parse("2026-03-09T07:00:05.500Z"));
      assertThat(weeklyRead.schedule().deliveryDays()).containsExactly(DayOfWeek.MONDAY);
      for (UUID id : List.of(weekly, daily)) {
        Subscription read = subscriptions.find(new SubscriptionId(id)).orElseThrow();
        assertThat(read.active()).isTrue();
        assertThat(read.skipIfEmpty()).isFalse();
        assertThat(read.nextRunAt()).as("not scheduled until the core computes it").isEmpty();
        assertThat(read.failedAttempts()).isZero();
        assertThat(read.lastRun()).isEmpty();
        assertThat(read.lease()).isEmpty();
        Subscription renamed =
            SubscriptionRepositoryContract.renamed(
                read, "renamed", read.updatedAt().plusSeconds(1));
        assertThat(subscriptions.update(read, renamed))
            .as("its updated_at compares equal to the one read")
            .isTrue();
        assertThat(subscriptions.find(read.id())).contains(renamed);
      }
      assertThat(subscriptions.list(SubscriptionQuery.all(10)).items())
          .extracting(Subscription::id)
          .containsExactly(new SubscriptionId(weekly), new SubscriptionId(daily));
    }
  }

  @Test
  void version4IndexesTheSubscriptionsOfEachTemplate() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      persistence.migrate();

      assertThat(successfulRuns(persistence, "4")).isEqualTo(1);
      assertThat(columns(persistence, "report_templates"))
          .containsExactly(
              "id", "gym_id", "name", "description", "report_type", "format", "subject",
              "content", "is_default", "created_at", "updated_at");
      assertThat(indexes(persistence, "report_templates")).contains("idx_report_templates_gym_type");
      assertThat(indexes(persistence, "report_subscriptions"))
          .contains("idx_report_subscriptions_template", "idx_report_subscriptions_due");
    }
  }

  @Test
  void version4LeavesEarlierTemplatesReadableListedInOrderAndUpdatable() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      migrateStateTo(persistence, "3");
      UUID gym = UUID.randomUUID();
      UUID later = UUID.randomUUID();
      UUID earlier = UUID.randomUUID();
      UUID defaults = UUID.randomUUID();
      persistence.jdbi().useHandle(h -> {
        // Timestamps in V1's default form (milliseconds), without a fraction, and V1's defaults.
        h.execute(
            "INSERT INTO report_templates (id, gym_id, name, description, report_type, format,"
                + " subject, content, is_default, created_at, updated_at) VALUES ('" + later
                + "', '" + gym + "', 'Täglich', 'für alle', 'daily', 'html', 'Bericht',"
                + " '<p>{{leads}}</p>', TRUE, '2026-03-09T07:00:00.000Z',"
                + " '2026-03-09T07:00:05.500Z')");
        h.execute(
            "INSERT INTO report_templates (id, name, report_type, content, created_at,"
                + " updated_at) VALUES ('" + earlier + "', 'shared', 'daily', '<p/>',"
                + " '2026-03-09T06:59:59Z', '2026-03-09T06:59:59Z')");
        h.execute(
            "INSERT INTO report_templates (id, name, report_type, content) VALUES ('" + defaults
                + "', 'defaults', 'weekly', '<p/>')");
      });

      persistence.migrate();

      TemplateRepository templates = persistence.templates();
      assertThat(templates.find(later))
          .contains(
              new ReportTemplate(later, Optional.of(gym), "Täglich", Optional.of("für alle"),
                  ReportType.DAILY, "html", Optional.of("Bericht"), "<p>{{leads}}</p>", true,
                  Instant.parse("2026-03-09T07:00:00Z"),
                  Instant.parse("2026-03-09T07:00:05.500Z")));
      ReportTemplate withDefaults = templates.find(defaults).orElseThrow();
      assertThat(withDefaults.format()).isEqualTo("html");
      assertThat(withDefaults.isDefault()).isFalse();
      assertThat(withDefaults.gymId()).isEmpty();
      assertThat(
              templates
                  .list(new TemplateQuery(Optional.of(Set.of(gym)), Optional.of(ReportType.DAILY),
                      10, 0))
                  .items())
          .extracting(ReportTemplate::id)
          .containsExactly(earlier, later);
      for (UUID id : List.of(later, earlier, defaults)) {
        ReportTemplate read = templates.find(id).orElseThrow();
        ReportTemplate renamed =
            TemplateFixture.renamed(read, "renamed", read.updatedAt().plusSeconds(1));
        assertThat(templates.update(read, renamed))
            .as("its updated_at compares equal to the one read")
            .isTrue();
        assertThat(templates.find(id)).contains(renamed);
      }
    }
  }

  @Test
  void version5CreatesTheTokenTableWithAUniqueHash() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      persistence.migrate();

      assertThat(successfulRuns(persistence, "5")).isEqualTo(1);
      assertThat(columns(persistence, "api_tokens"))
          .containsExactlyInAnyOrder(
              "id", "name", "gym_ids", "learning_reports", "token_hash", "token_prefix", "created_at",
              "revoked_at");
      assertThat(uniqueIndexColumns(persistence, "api_tokens")).contains("id", "token_hash");
      assertThat(tokenColumnComments(persistence))
          .as("the schema says that only the hash is stored")
          .contains("SHA-256")
          .contains("never the token");
    }
  }

  @Test
  void version5LeavesTheEarlierStateAsItWas() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      migrateStateTo(persistence, "4");
      assertThat(tables(persistence)).doesNotContain("api_tokens");
      ReportTemplate template = TemplateFixture.aTemplate().build();
      persistence.templates().insert(template);

      persistence.migrate();

      assertThat(persistence.templates().find(template.id())).contains(template);
      assertThat(persistence.tokens().list()).isEmpty();
      io.pulsereports.core.access.ApiToken token = TokenFixture.aToken().build();
      persistence.tokens().insert(token);
      assertThat(persistence.tokens().findByHash(token.tokenHash())).contains(token);
    }
  }

  @Test
  void version6KeepsEveryTokenAsOneForItsGymsOnly() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      migrateStateTo(persistence, "5");
      UUID id = UUID.randomUUID();
      persistence.jdbi().useHandle(h -> h.execute(
          "INSERT INTO api_tokens (id, name, gym_ids, token_hash, token_prefix, created_at)"
              + " VALUES ('" + id + "', 'crm', '[\"" + DeliveryFixture.GYM_A + "\"]', '"
              + "a".repeat(64) + "', 'prt_Ab3dE', '2026-03-09T07:00:00.000000Z')"));

      persistence.migrate();

      io.pulsereports.core.access.ApiToken kept = persistence.tokens().find(id).orElseThrow();
      assertThat(kept.gymIds()).containsExactly(DeliveryFixture.GYM_A);
      assertThat(kept.learningReports()).isFalse();
      assertThat(kept.name()).contains("crm");
      assertThat(persistence.tokens().findByHash("a".repeat(64))).contains(kept);
    }
  }

  /** Applies the state migrations up to {@code version} only, as an older release left the database. */
  /** How many times state migration {@code version} ran successfully. */
  private static int successfulRuns(JdbcPersistence persistence, String version) {
    return persistence.jdbi().withHandle(h -> h.createQuery(
            "SELECT count(*) FROM pulse_reports_schema_history WHERE success AND version = :version")
        .bind("version", version)
        .mapTo(Integer.class)
        .one());
  }

  private void migrateStateTo(JdbcPersistence persistence, String version) {
    Flyway.configure(getClass().getClassLoader())
        .dataSource(persistence.dataSource())
        .locations("classpath:io/pulsereports/persistence/jdbc/migration/state/" + persistence.dialect().folder())
        .table(SchemaMigrations.STATE.historyTable())
        .target(version)
        .load()
        .migrate();
  }

  /** The comments the schema keeps on api_tokens and its columns, as one text. */
  protected abstract String tokenColumnComments(JdbcPersistence persistence);

  /** A report_deliveries row as version 1 knew it (literals both engines read as their types). */
  private static String version1Delivery(UUID id, String status, int attempts, String lastError) {
    return "INSERT INTO report_deliveries (id, report_type, period_start, period_end, timezone,"
        + " delivery_method, recipients, status, attempt_count, last_error, idempotency_key,"
        + " report_data, created_at, updated_at) VALUES ('" + id + "', 'daily', '2026-03-08',"
        + " '2026-03-08', 'UTC', 'email', '[\"a@example.com\", \"b@example.com\"]', '" + status
        + "', " + attempts + ", " + (lastError == null ? "NULL" : "'" + lastError + "'") + ", '"
        + id + "', '{}', '2026-03-09T07:00:00.000Z', '2026-03-09T07:00:05.000Z')";
  }

  @Test
  void migrateNeverTouchesAnExistingUserTable() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      persistence.jdbi().useHandle(h -> userLeadsTable().forEach(h::execute));
      List<String> columnsBefore = columns(persistence, "leads");

      persistence.migrate();
      persistence.migrate();

      assertThat(columns(persistence, "leads")).isEqualTo(columnsBefore);
      List<Map<String, Object>> rows =
          persistence
              .jdbi()
              .withHandle(h -> h.createQuery("SELECT id, note FROM leads").mapToMap().list());
      assertThat(rows).containsExactly(Map.of("id", "u-1", "note", "keep me"));
      assertThat(tables(persistence)).containsAll(STATE_TABLES);
    }
  }

  @Test
  void deliveriesRejectASecondRowWithTheSameIdempotencyKey() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      persistence.migrate();
      persistence.jdbi().useHandle(h -> h.execute(insertDelivery(newId(), "sub-1/2026-03-08")));

      assertThatThrownBy(
              () ->
                  persistence
                      .jdbi()
                      .useHandle(h -> h.execute(insertDelivery(newId(), "sub-1/2026-03-08"))))
          .hasMessageContaining("idempotency_key");
    }
  }

  @Test
  void installDemoSchemaCreatesTheLeadTablesWithTheirIndexesInItsOwnHistory() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      persistence.migrate();
      assertThat(persistence.hasDemoSchema()).isFalse();
      persistence.installDemoSchema();
      persistence.installDemoSchema();
      assertThat(persistence.hasDemoSchema()).isTrue();

      assertThat(tables(persistence))
          .contains("leads", "call_logs", "pulse_reports_demo_schema_history")
          .containsAll(STATE_TABLES);
      assertThat(indexes(persistence, "leads"))
          .contains(
              "idx_leads_gym_branch_created",
              "idx_leads_gym_created",
              "idx_leads_gym_branch_status_updated");
      assertThat(indexes(persistence, "call_logs"))
          .contains("idx_call_logs_gym_branch_created", "idx_call_logs_gym_created");
    }
  }

  @Test
  void installDemoSchemaCreatesTheSevenLearningTablesWithTheirReportIndexes() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      persistence.installDemoSchema();

      assertThat(tables(persistence)).containsAll(LEARNING_TABLES);
      assertThat(columns(persistence, "conversion_triggers"))
          .containsExactly(
              "trigger_id", "user_id", "trigger_type", "conditions_met", "confidence_scores",
              "triggered_at", "offer_sent", "offer_accepted");
      assertThat(columns(persistence, "coaching_sessions"))
          .containsExactly(
              "session_id", "user_id", "session_topic", "user_level", "started_at", "ended_at",
              "duration_seconds", "confidence_score", "message_count", "error_count", "phase");
      assertThat(indexes(persistence, "coaching_sessions"))
          .contains("idx_coaching_sessions_started", "idx_coaching_sessions_user_started");
      assertThat(indexes(persistence, "detected_errors")).contains("idx_detected_errors_detected");
      assertThat(indexes(persistence, "users")).contains("idx_users_role");
      assertThat(indexes(persistence, "conversion_triggers"))
          .contains(
              "idx_conversion_triggers_triggered", "idx_conversion_triggers_user_triggered");
    }
  }

  @Test
  void installDemoSchemaAddsTheLearningTablesToADemoDatabaseOfTheFirstVersion() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      demoFlyway(persistence).target("1").load().migrate();
      assertThat(tables(persistence)).contains("leads").doesNotContain("users");

      persistence.installDemoSchema();

      assertThat(tables(persistence)).contains("leads", "call_logs").containsAll(LEARNING_TABLES);
    }
  }

  @Test
  void installDemoSchemaRefusesToReplaceAUserLeadsTableAndChangesNothing() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      persistence.jdbi().useHandle(h -> userLeadsTable().forEach(h::execute));

      assertThatThrownBy(persistence::installDemoSchema)
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("demo tables")
          .hasMessageContaining("leads already exists");
      assertThat(columns(persistence, "leads")).containsExactly("id", "note");
      assertThat(tables(persistence)).containsExactly("leads");
      assertThat(persistence.hasDemoSchema()).isFalse();
    }
  }

  @Test
  void installDemoSchemaRefusesADatabaseWithAUserUsersTableAndChangesNothing() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      persistence.jdbi().useHandle(h -> USER_USERS_TABLE.forEach(h::execute));

      assertThatThrownBy(persistence::installDemoSchema)
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("users already exists");
      assertThat(tables(persistence)).containsExactly("users");
      assertThat(columns(persistence, "users")).containsExactly("user_id", "nickname");
      List<Map<String, Object>> rows =
          persistence
              .jdbi()
              .withHandle(h -> h.createQuery("SELECT user_id, nickname FROM users").mapToMap().list());
      assertThat(rows).containsExactly(Map.of("user_id", "u-1", "nickname", "keep me"));
      assertThat(persistence.hasDemoSchema()).isFalse();
    }
  }

  @Test
  void installDemoSchemaRefusesToAddTheLearningTablesBesideAUserUsersTable() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      demoFlyway(persistence).target("1").load().migrate();
      persistence.jdbi().useHandle(h -> USER_USERS_TABLE.forEach(h::execute));

      assertThatThrownBy(persistence::installDemoSchema)
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("users already exists");
      assertThat(columns(persistence, "users")).containsExactly("user_id", "nickname");
      assertThat(tables(persistence)).doesNotContain("coaching_sessions", "detected_errors");
    }
  }

  /** The demo migrations as installDemoSchema runs them, for stopping at an older version. */
  private static FluentConfiguration demoFlyway(JdbcPersistence persistence) {
    return Flyway.configure()
        .dataSource(persistence.dataSource())
        .locations(
            "classpath:io/pulsereports/persistence/jdbc/migration/demo/"
                + persistence.dialect().folder())
        .table(SchemaMigrations.DEMO.historyTable())
        .baselineOnMigrate(true)
        .baselineVersion("0");
  }

  static List<String> tables(JdbcPersistence persistence) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Handle h = persistence.jdbi().open();
        ResultSet rs = meta(h).getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  static List<String> columns(JdbcPersistence persistence, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Handle h = persistence.jdbi().open();
        ResultSet rs = meta(h).getColumns(null, null, table, "%")) {
      while (rs.next()) {
        names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  static List<String> indexes(JdbcPersistence persistence, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Handle h = persistence.jdbi().open();
        ResultSet rs = meta(h).getIndexInfo(null, null, table, false, false)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        if (name != null) {
          names.add(name.toLowerCase(Locale.ROOT));
        }
      }
    }
    return names;
  }

  static List<String> uniqueIndexColumns(JdbcPersistence persistence, String table)
      throws SQLException {
    List<String> names = new ArrayList<>();
    try (Handle h = persistence.jdbi().open();
        ResultSet rs = meta(h).getIndexInfo(null, null, table, true, false)) {
      while (rs.next()) {
        String column = rs.getString("COLUMN_NAME");
        if (column != null) {
          names.add(column.toLowerCase(Locale.ROOT));
        }
      }
    }
    return names;
  }

  private static DatabaseMetaData meta(Handle handle) throws SQLException {
    return handle.getConnection().getMetaData();
  }
}
