package io.pulsereports.persistence.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryId;
import io.pulsereports.core.delivery.DeliveryPage;
import io.pulsereports.core.delivery.DeliveryQuery;
import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.port.out.DeliveryRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The delivery log in report_deliveries (state migrations V1 and V2).
 *
 * <p>What makes delivery exactly-once in practice rests on the database: the unique idempotency
 * key (insert … ON CONFLICT DO NOTHING, then read the key's row), a claim that is one UPDATE …
 * RETURNING over the due rows (PostgreSQL: a FOR UPDATE SKIP LOCKED sub-query, so parallel workers
 * take disjoint rows without waiting on each other; SQLite: one writer at a time, waiting up to the
 * pool's busy timeout), and compare-and-set updates guarded by status, attempt count and lease
 * owner. See the statements in
 * {@code sql/common/delivery_*.sql} and {@code sql/<dialect>/delivery_claim.sql}.
 *
 * <p>Failures surface as {@link PersistenceException} naming the operation and the delivery;
 * their messages never carry bound values (recipients may be webhook URLs, which are secrets).
 */
final class JdbiDeliveryRepository implements DeliveryRepository {

  private static final String COMMON = "common";
  /**
   * The claim statement's order, oldest due first: next attempt time (none first), created_at,
   * then id as the databases order it (the lower-case text, byte by byte).
   */
  private static final Comparator<Delivery> DUE_ORDER =
      Comparator.comparing(
              (Delivery delivery) -> delivery.nextAttemptAt().orElse(Instant.MIN))
          .thenComparing(Delivery::createdAt)
          .thenComparing(delivery -> delivery.id().toString());

  private final StateStatements statements;
  private final Dialect dialect;
  private final DeliveryColumns columns;

  JdbiDeliveryRepository(Jdbi jdbi, Dialect dialect) {
    this.statements = new StateStatements(jdbi, dialect);
    this.dialect = requireNonNull(dialect, "dialect");
    this.columns = new DeliveryColumns(dialect);
  }

  @Override
  public Stored insertIfAbsent(Delivery delivery) {
    requireNonNull(delivery, "delivery");
    BoundSql insert =
        new BoundSql(SqlResources.load(COMMON, "delivery_insert"), columns.row(delivery));
    return statements.call(
        "store delivery " + delivery.id(),
        handle -> {
          int inserted = insert.bindTo(handle.createUpdate(insert.sql())).execute();
          Delivery stored =
              handle
                  .createQuery(SqlResources.load(COMMON, "delivery_by_key"))
                  .bind("idempotencyKey", delivery.idempotencyKey())
                  .map(columns)
                  .one();
          return new Stored(stored, inserted == 1);
        });
  }

  @Override
  public Optional<Delivery> find(DeliveryId id) {
    requireNonNull(id, "id");
    return statements.call(
        "read delivery " + id,
        handle ->
            handle
                .createQuery(SqlResources.load(COMMON, "delivery_by_id"))
                .bind("id", columns.id(id))
                .map(columns)
                .findOne());
  }

  @Override
  public DeliveryPage list(DeliveryQuery query) {
    requireNonNull(query, "query");
    Map<String, Object> filterValues = new LinkedHashMap<>();
    String filters = filters(query, filterValues);
    StateStatements.PageRows<Delivery> rows = statements.page(
        "list deliveries", "delivery", filters, filterValues, query.limit(), query.offset(), columns);
    return new DeliveryPage(rows.items(), rows.total());
  }

  @Override
  public List<Delivery> claimDue(Instant now, Lease lease, int limit) {
    requireNonNull(now, "now");
    requireNonNull(lease, "lease");
    checkArgument(limit >= 1, "limit %s is below 1", limit);
    BoundSql claim = claimStatement(now, lease, limit, Optional.empty());
    return statements.call(
        "claim due deliveries for " + lease.owner(),
        handle -> {
          List<Delivery> claimed =
              new ArrayList<>(claim.bindTo(handle.createQuery(claim.sql())).map(columns).list());
          // RETURNING gives no order; restore the claim's.
          claimed.sort(DUE_ORDER);
          return List.copyOf(claimed);
        });
  }

  @Override
  public Optional<Delivery> claim(DeliveryId id, Instant now, Lease lease) {
    requireNonNull(id, "id");
    requireNonNull(now, "now");
    requireNonNull(lease, "lease");
    BoundSql claim = claimStatement(now, lease, 1, Optional.of(id));
    return statements.call(
        "claim delivery " + id + " for " + lease.owner(),
        handle -> claim.bindTo(handle.createQuery(claim.sql())).map(columns).findOne());
  }

  @Override
  public boolean compareAndSet(Delivery expected, Delivery updated) {
    requireNonNull(expected, "expected");
    requireNonNull(updated, "updated");
    checkArgument(
        expected.id().equals(updated.id()),
        "cannot replace delivery %s with the state of delivery %s",
        expected.id(),
        updated.id());
    Map<String, Object> parameters = columns.state(updated);
    parameters.put("id", columns.id(expected.id()));
    parameters.put("expectedStatus", expected.status().code());
    parameters.put("expectedAttemptCount", expected.attemptCount());
    parameters.put("expectedLockedBy", expected.lease().map(Lease::owner).orElse(null));
    BoundSql update =
        new BoundSql(SqlResources.load(COMMON, "delivery_compare_and_set"), parameters);
    return statements.call(
        "update delivery " + expected.id(),
        handle -> update.bindTo(handle.createUpdate(update.sql())).execute() == 1);
  }

  /** The claim statement, narrowed to one delivery by {@code id}; visible to the plan checks. */
  BoundSql claimStatement(Instant now, Lease lease, int limit, Optional<DeliveryId> id) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("now", columns.instant(now));
    parameters.put("owner", lease.owner());
    parameters.put("until", columns.instant(lease.until()));
    parameters.put("limit", limit);
    id.ifPresent(one -> parameters.put("id", columns.id(one)));
    String sql =
        SqlResources.load(dialect.folder(), "delivery_claim")
            .replace("{idFilter}", id.isPresent() ? "AND id = :id" : "");
    return new BoundSql(sql, parameters);
  }

  /** The WHERE conjunction of {@code query}, putting its values into {@code parameters}. */
  private String filters(DeliveryQuery query, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    query.status().ifPresent(status -> {
      conditions.add("status = :status");
      parameters.put("status", status.code());
    });
    query.reportType().ifPresent(type -> {
      conditions.add("report_type = :reportType");
      parameters.put("reportType", type.name());
    });
    query.branchId().ifPresent(branch -> {
      conditions.add("branch_id = :branchId");
      parameters.put("branchId", columns.uuid(branch));
    });
    query.gymIds().ifPresent(gyms -> conditions.add(columns.gymIn(gyms, query.withoutGym(), parameters)));
    query.createdFrom().ifPresent(from -> {
      conditions.add("created_at >= :createdFrom");
      parameters.put("createdFrom", columns.instant(from));
    });
    query.createdTo().ifPresent(to -> {
      conditions.add("created_at < :createdTo");
      parameters.put("createdTo", columns.instant(to));
    });
    return conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions);
  }
}
