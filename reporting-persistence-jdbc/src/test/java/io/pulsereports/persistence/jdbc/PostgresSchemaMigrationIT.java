package io.pulsereports.persistence.jdbc;

import java.util.List;
import java.util.UUID;

class PostgresSchemaMigrationIT extends SchemaMigrationContract {

  @Override
  protected JdbcPersistence openEmptyDatabase() {
    return JdbcPersistence.postgres(EmbeddedPostgresServer.newDatabase("migration", "UTC"));
  }

  @Override
  protected List<String> userLeadsTable() {
    return List.of(
        "CREATE TABLE leads (id text PRIMARY KEY, note text)",
        "INSERT INTO leads (id, note) VALUES ('u-1', 'keep me')");
  }

  @Override
  protected String insertDelivery(String id, String idempotencyKey) {
    return "INSERT INTO report_deliveries (id, report_type, period_start, period_end, timezone,"
        + " delivery_method, recipients, idempotency_key) VALUES ('" + id + "', 'daily',"
        + " DATE '2026-03-08', DATE '2026-03-08', 'UTC', 'email', '[\"a@example.com\"]', '"
        + idempotencyKey + "')";
  }

  @Override
  protected String newId() {
    return UUID.randomUUID().toString();
  }

  @Override
  protected List<String> deliveryIndexesAfterVersion2() {
    return List.of(
        "idx_report_deliveries_waiting",
        "idx_report_deliveries_leased",
        "idx_report_deliveries_created",
        "idx_report_deliveries_gym_created",
        "idx_report_deliveries_subscription");
  }

  @Override
  protected String tokenColumnComments(JdbcPersistence persistence) {
    return persistence
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT string_agg(d.description, E'\\n' ORDER BY d.objsubid)"
                            + " FROM pg_description d"
                            + " WHERE d.objoid = 'api_tokens'::regclass")
                    .mapTo(String.class)
                    .one());
  }
}
