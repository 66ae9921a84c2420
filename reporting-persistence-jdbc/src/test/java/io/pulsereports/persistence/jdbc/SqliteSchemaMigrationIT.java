package io.pulsereports.persistence.jdbc;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

class SqliteSchemaMigrationIT extends SchemaMigrationContract {

  @TempDir Path directory;

  @Override
  protected JdbcPersistence openEmptyDatabase() {
    return JdbcPersistence.fromUrl(
        "jdbc:sqlite:" + directory.resolve(UUID.randomUUID() + ".db").toAbsolutePath());
  }

  @Override
  protected List<String> userLeadsTable() {
    return List.of(
        "CREATE TABLE leads (id TEXT PRIMARY KEY, note TEXT)",
        "INSERT INTO leads (id, note) VALUES ('u-1', 'keep me')");
  }

  @Override
  protected String insertDelivery(String id, String idempotencyKey) {
    return "INSERT INTO report_deliveries (id, report_type, period_start, period_end, timezone,"
        + " delivery_method, recipients, idempotency_key) VALUES ('" + id + "', 'daily',"
        + " '2026-03-08', '2026-03-08', 'UTC', 'email', '[\"a@example.com\"]', '"
        + idempotencyKey + "')";
  }

  @Override
  protected String newId() {
    return UUID.randomUUID().toString();
  }

  @Override
  protected List<String> deliveryIndexesAfterVersion2() {
    return List.of(
        "idx_report_deliveries_due",
        "idx_report_deliveries_leased",
        "idx_report_deliveries_created",
        "idx_report_deliveries_gym_created",
        "idx_report_deliveries_subscription");
  }

  @Override
  protected String tokenColumnComments(JdbcPersistence persistence) {
    // SQLite keeps the CREATE TABLE text, comments included.
    return persistence
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT sql FROM sqlite_master WHERE name = 'api_tokens'")
                    .mapTo(String.class)
                    .one());
  }
}
