package io.pulsereports.persistence.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.port.out.SubscriptionRepository;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.schedule.SubscriptionId;
import io.pulsereports.core.schedule.SubscriptionPage;
import io.pulsereports.core.schedule.SubscriptionQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The subscriptions in report_subscriptions (state migrations V1 and V3) and their schedule
 * state, in the manner of {@link JdbiDeliveryRepository}.
 *
 * <p>Every write is one statement whose guard the database checks: updates compare and set on
 * updated_at (the configuration's version, which only updates change); a claim is one UPDATE …
 * RETURNING over the due rows (PostgreSQL: a FOR UPDATE SKIP LOCKED sub-query, so parallel
 * schedulers take disjoint rows without waiting on each other; SQLite: one writer at a time,
 * waiting up to the pool's busy timeout) that sets the lease and nothing else; ending a run and
 * releasing one are guarded by the lease (owner and end) the claim set. See the statements in
 * {@code sql/common/subscription_*.sql} and {@code sql/<dialect>/subscription_claim.sql}.
 *
 * <p>Failures surface as {@link PersistenceException} naming the operation and the subscription;
 * their messages never carry bound values (recipients may be webhook URLs, which are secrets).
 */
final class JdbiSubscriptionRepository implements SubscriptionRepository {

  private static final String COMMON = "common";
  /** The claim statement's order: next run, then id as the databases order it (lower-case text). */
  private static final Comparator<Subscription> DUE_ORDER =
      Comparator.comparing((Subscription subscription) -> subscription.nextRunAt().orElseThrow())
          .thenComparing(subscription -> subscription.id().toString());

  private final StateStatements statements;
  private final Dialect dialect;
  private final SubscriptionColumns columns;

  JdbiSubscriptionRepository(Jdbi jdbi, Dialect dialect) {
    this.statements = new StateStatements(jdbi, dialect);
    this.dialect = requireNonNull(dialect, "dialect");
    this.columns = new SubscriptionColumns(dialect);
  }

  @Override
  public void insert(Subscription subscription) {
    requireNonNull(subscription, "subscription");
    SubscriptionColumns.checkStorable(subscription);
    BoundSql insert =
        new BoundSql(SqlResources.load(COMMON, "subscription_insert"), columns.row(subscription));
    statements.call(
        "store subscription " + subscription.id(),
        handle -> insert.bindTo(handle.createUpdate(insert.sql())).execute());
  }

  @Override
  public Optional<Subscription> find(SubscriptionId id) {
    requireNonNull(id, "id");
    return statements.call(
        "read subscription " + id,
        handle ->
            handle
                .createQuery(SqlResources.load(COMMON, "subscription_by_id"))
                .bind("id", columns.id(id))
                .map(columns)
                .findOne());
  }

  @Override
  public SubscriptionPage list(SubscriptionQuery query) {
    requireNonNull(query, "query");
    Map<String, Object> filterValues = new LinkedHashMap<>();
    String filters = filters(query, filterValues);
    StateStatements.PageRows<Subscription> rows = statements.page(
        "list subscriptions", "subscription", filters, filterValues, query.limit(), query.offset(), columns);
    return new SubscriptionPage(rows.items(), rows.total());
  }

  @Override
  public boolean update(Subscription expected, Subscription updated) {
    requireNonNull(expected, "expected");
    requireNonNull(updated, "updated");
    checkSame(expected, updated, "replace");
    SubscriptionColumns.checkStorable(updated);
    Map<String, Object> parameters = columns.configuration(updated);
    parameters.put("id", columns.id(expected.id()));
    parameters.put("expectedUpdatedAt", columns.instant(expected.updatedAt()));
    BoundSql update = new BoundSql(SqlResources.load(COMMON, "subscription_update"), parameters);
    return statements.call(
        "update subscription " + expected.id(),
        handle -> update.bindTo(handle.createUpdate(update.sql())).execute() == 1);
  }

  @Override
  public boolean delete(SubscriptionId id) {
    requireNonNull(id, "id");
    Object key = columns.id(id);
    return statements.call(
        "delete subscription " + id,
        handle ->
            handle.inTransaction(
                transaction -> {
                  boolean deleted =
                      transaction
                              .createUpdate(SqlResources.load(COMMON, "subscription_delete"))
                              .bind("id", key)
                              .execute()
                          == 1;
                  if (deleted && dialect == Dialect.SQLITE) {
                    // PostgreSQL's foreign key sets the deliveries' subscription_id to NULL.
                    transaction
                        .createUpdate(SqlResources.load("sqlite", "subscription_unlink_deliveries"))
                        .bind("id", key)
                        .execute();
                  }
                  return deleted;
                }));
  }

  @Override
  public boolean templateExists(UUID templateId, Optional<UUID> gymId) {
    requireNonNull(templateId, "templateId");
    requireNonNull(gymId, "gymId");
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("templateId", columns.uuid(templateId));
    parameters.put("gymId", gymId.map(columns::uuid).orElse(null));
    BoundSql exists =
        new BoundSql(SqlResources.load(COMMON, "subscription_template_exists"), parameters);
    return statements.call(
        "look up template " + templateId,
        handle -> exists.bindTo(handle.createQuery(exists.sql())).mapTo(Long.class).one() > 0);
  }

  @Override
  public List<Subscription> unscheduled(int limit) {
    checkArgument(limit >= 1, "limit %s is below 1", limit);
    return statements.call(
        "read unscheduled subscriptions",
        handle ->
            handle
                .createQuery(SqlResources.load(COMMON, "subscription_unscheduled"))
                .bind("limit", limit)
                .map(columns)
                .list());
  }

  @Override
  public List<Subscription> claimDue(Instant now, Lease lease, int limit) {
    requireNonNull(now, "now");
    requireNonNull(lease, "lease");
    checkArgument(limit >= 1, "limit %s is below 1", limit);
    BoundSql claim = claimStatement(now, lease, limit);
    return statements.call(
        "claim due subscriptions for " + lease.owner(),
        handle -> {
          List<Subscription> claimed =
              new ArrayList<>(claim.bindTo(handle.createQuery(claim.sql())).map(columns).list());
          // RETURNING gives no order; restore the claim's.
          claimed.sort(DUE_ORDER);
          return List.copyOf(claimed);
        });
  }

  @Override
  public boolean finishRun(Subscription claimed, Subscription updated) {
    requireNonNull(claimed, "claimed");
    requireNonNull(updated, "updated");
    checkSame(claimed, updated, "end the run of");
    Lease lease = leaseOf(claimed, "end the run of");
    Map<String, Object> parameters = columns.run(updated);
    parameters.put("nextRunAt", columns.nextRunAt(updated));
    parameters.put("claimedUpdatedAt", columns.instant(claimed.updatedAt()));
    putLease(parameters, claimed, lease);
    BoundSql finish =
        new BoundSql(SqlResources.load(COMMON, "subscription_finish_run"), parameters);
    return statements.call(
        "end the run of subscription " + claimed.id(),
        handle -> finish.bindTo(handle.createUpdate(finish.sql())).execute() == 1);
  }

  @Override
  public boolean release(Subscription claimed) {
    requireNonNull(claimed, "claimed");
    Lease lease = leaseOf(claimed, "release");
    Map<String, Object> parameters = new LinkedHashMap<>();
    putLease(parameters, claimed, lease);
    BoundSql release = new BoundSql(SqlResources.load(COMMON, "subscription_release"), parameters);
    return statements.call(
        "release subscription " + claimed.id(),
        handle -> release.bindTo(handle.createUpdate(release.sql())).execute() == 1);
  }

  /** The claim statement; visible to the plan checks. */
  BoundSql claimStatement(Instant now, Lease lease, int limit) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("now", columns.instant(now));
    parameters.put("owner", lease.owner());
    parameters.put("until", columns.instant(lease.until()));
    parameters.put("limit", limit);
    return new BoundSql(SqlResources.load(dialect.folder(), "subscription_claim"), parameters);
  }

  private void putLease(Map<String, Object> parameters, Subscription claimed, Lease lease) {
    parameters.put("id", columns.id(claimed.id()));
    parameters.put("owner", lease.owner());
    parameters.put("until", columns.instant(lease.until()));
  }

  private static Lease leaseOf(Subscription claimed, String action) {
    return claimed
        .lease()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "cannot " + action + " subscription " + claimed.id() + ": it was not claimed"));
  }

  private static void checkSame(Subscription before, Subscription after, String action) {
    checkArgument(
        before.id().equals(after.id()),
        "cannot %s subscription %s with the state of subscription %s",
        action,
        before.id(),
        after.id());
  }

  /** The WHERE conjunction of {@code query}, putting its values into {@code parameters}. */
  private String filters(SubscriptionQuery query, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    query.gymIds().ifPresent(gyms -> conditions.add(columns.gymIn(gyms, query.withoutGym(), parameters)));
    query.branchId().ifPresent(branch -> {
      conditions.add("branch_id = :branchId");
      parameters.put("branchId", columns.uuid(branch));
    });
    query.active().ifPresent(active -> {
      conditions.add("is_active = :active");
      parameters.put("active", active);
    });
    return conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions);
  }
}
