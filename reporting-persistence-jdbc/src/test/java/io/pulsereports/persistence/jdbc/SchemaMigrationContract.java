package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryId;
import io.pulsereports.core.delivery.DeliveryStatus;
import io.pulsereports.core.delivery.RecipientOutcome;
import io.pulsereports.core.delivery.RecipientOutcome.State;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/** What {@link JdbcPersistence#migrate()} and {@link JdbcPersistence#installDemoSchema()} do. */
abstract class SchemaMigrationContract {

  private static final List<String> STATE_TABLES =
      List.of("report_templates", "report_subscriptions", "report_deliveries");

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
          .doesNotContain("flyway_schema_history", "leads", "call_logs");
      int appliedV1 =
          persistence
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT count(*) FROM pulse_reports_schema_history WHERE success"
                                  + " AND version = '1'")
                          .mapTo(Integer.class)
                          .one());
      assertThat(appliedV1).isEqualTo(1);
    }
  }

  @Test
  void version2AddsRecipientOutcomesAndTheIndexesThatClaimDueWork() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      persistence.migrate();

      int appliedV2 =
          persistence
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT count(*) FROM pulse_reports_schema_history WHERE success"
                                  + " AND version = '2'")
                          .mapTo(Integer.class)
                          .one());
      assertThat(appliedV2).isEqualTo(1);
      assertThat(columns(persistence, "report_deliveries"))
          .contains("recipients", "recipient_outcomes", "next_attempt_at", "locked_until");
      assertThat(indexes(persistence, "report_deliveries"))
          .containsAll(deliveryIndexesAfterVersion2());
    }
  }

  @Test
  void version2GivesEachVersion1DeliveryAnOutcomePerRecipientMatchingItsStatus() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      Flyway.configure(getClass().getClassLoader())
          .dataSource(persistence.dataSource())
          .locations(
              "classpath:io/pulsereports/persistence/jdbc/migration/state/"
                  + persistence.dialect().folder())
          .table(SchemaMigrations.STATE.historyTable())
          .target("1")
          .load()
          .migrate();
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
  void installDemoSchemaRefusesToReplaceAUserLeadsTable() throws Exception {
    try (JdbcPersistence persistence = openEmptyDatabase()) {
      persistence.jdbi().useHandle(h -> userLeadsTable().forEach(h::execute));

      assertThatThrownBy(persistence::installDemoSchema)
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("demo lead tables");
      assertThat(columns(persistence, "leads")).containsExactly("id", "note");
    }
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

  private static DatabaseMetaData meta(Handle handle) throws SQLException {
    return handle.getConnection().getMetaData();
  }
}
