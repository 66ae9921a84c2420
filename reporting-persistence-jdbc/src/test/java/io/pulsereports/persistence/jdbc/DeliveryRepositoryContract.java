package io.pulsereports.persistence.jdbc;

import static io.pulsereports.persistence.jdbc.DeliveryFixture.BRANCH_1;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.BRANCH_2;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.GYM_A;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.GYM_B;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.GYM_C;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.NOW;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.aDelivery;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.leaseOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryId;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.DeliveryPage;
import io.pulsereports.core.delivery.DeliveryQuery;
import io.pulsereports.core.delivery.DeliveryStatus;
import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.delivery.RecipientOutcome;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.out.DeliveryRepository;
import io.pulsereports.core.port.out.DeliveryRepository.Stored;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every {@link DeliveryRepository} adapter must show. A subclass opens a migrated
 * database once; every test starts from an empty delivery log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeliveryRepositoryContract {

  static final String WEBHOOK = "https://hooks.slack.com/services/T0001/B0001/s3cretT0ken";

  protected JdbcPersistence persistence;
  protected DeliveryRepository deliveries;

  /** A database on which {@link JdbcPersistence#migrate()} has run. */
  protected abstract JdbcPersistence openMigratedDatabase() throws Exception;

  /** A database without Pulse Reports' tables. */
  protected abstract JdbcPersistence openUnmigratedDatabase() throws Exception;

  @BeforeAll
  void openDatabase() throws Exception {
    persistence = openMigratedDatabase();
    deliveries = persistence.deliveries();
  }

  @AfterAll
  void closeDatabase() {
    if (persistence != null) {
      persistence.close();
    }
  }

  @BeforeEach
  void emptyTheLog() {
    persistence.jdbi().useHandle(h -> {
      h.execute("DELETE FROM report_deliveries");
      h.execute("DELETE FROM report_subscriptions");
    });
  }

  // --- round trip -------------------------------------------------------------------------------

  @Test
  void storesAndReadsBackEveryField() {
    UUID subscription = insertSubscription();
    Delivery delivery =
        aDelivery()
            .subscription(subscription)
            .template(UUID.randomUUID())
            .reportType(ReportType.WEEKLY)
            .branch(GYM_B, BRANCH_2)
            .period(ReportPeriod.range(
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), ZoneId.of("America/St_Johns")))
            .method(DeliveryMethod.SLACK)
            .recipients(
                RecipientOutcome.pending(WEBHOOK).sent(NOW.minusSeconds(60)),
                RecipientOutcome.pending("https://hooks.slack.com/services/T2/B2/ünï")
                    .retryableError("HTTP 429 — réessayer 🔁"),
                RecipientOutcome.pending("https://hooks.slack.com/services/T3/B3/x")
                    .failed("HTTP 404 channel_not_found"))
            .attempts(2)
            .dueAt(NOW.minus(Duration.ofMinutes(2)))
            .lastError("Zeitüberschreitung: 接続がタイムアウトしました ✗")
            .sendingUnder("worker-ü-1", NOW.plus(Duration.ofMinutes(5)))
            .key("sub/2026-W10/Ärger")
            .reportData(
                "{\"report_type\": \"weekly\",  \"zeta\": 1,"
                    + " \"alpha\": [\"ü\", \"日本\", \"🚀\"],"
                    + "\n \"rate\": 0.10, \"nested\": {\"b\": null, \"a\": 1e2}}")
            .createdAt(NOW.minusSeconds(3600))
            .updatedAt(NOW)
            .sentAt(NOW.minusSeconds(60))
            .build();

    Stored stored = deliveries.insertIfAbsent(delivery);

    assertThat(stored).isEqualTo(new Stored(delivery, true));
    assertThat(deliveries.find(delivery.id())).contains(delivery);
  }

  @Test
  void storesEveryEmptyOptionalAsAbsent() {
    Delivery unscoped =
        aDelivery().scope(Optional.empty()).notScheduled().key("unscoped").build();
    Delivery wholeGym = aDelivery().gym(GYM_C).key("whole-gym").build();

    deliveries.insertIfAbsent(unscoped);
    deliveries.insertIfAbsent(wholeGym);

    Delivery readUnscoped = deliveries.find(unscoped.id()).orElseThrow();
    assertThat(readUnscoped).isEqualTo(unscoped);
    assertThat(readUnscoped.subscriptionId()).isEmpty();
    assertThat(readUnscoped.scope()).isEmpty();
    assertThat(readUnscoped.nextAttemptAt()).isEmpty();
    assertThat(readUnscoped.lastError()).isEmpty();
    assertThat(readUnscoped.lease()).isEmpty();
    assertThat(readUnscoped.sentAt()).isEmpty();
    assertThat(deliveries.find(wholeGym.id())).contains(wholeGym);
    assertThat(wholeGym.scope().orElseThrow().branchId()).isEmpty();
  }

  @Test
  void keepsInstantsToTheMicrosecond() {
    Instant nanos = Instant.parse("2026-03-09T07:00:00.123456789Z");
    Delivery delivery =
        aDelivery()
            .createdAt(nanos)
            .dueAt(nanos)
            .recipients(RecipientOutcome.pending("a@example.com").sent(nanos))
            .sentAt(nanos)
            .build();

    Delivery stored = deliveries.insertIfAbsent(delivery).delivery();

    Instant micros = Instant.parse("2026-03-09T07:00:00.123456Z");
    assertThat(stored.createdAt()).isEqualTo(micros);
    assertThat(stored.updatedAt()).isEqualTo(micros);
    assertThat(stored.nextAttemptAt()).contains(micros);
    assertThat(stored.sentAt()).contains(micros);
    assertThat(stored.recipients().get(0).sentAt()).contains(micros);
    assertThat(deliveries.find(delivery.id())).contains(stored);
  }

  @Test
  void findsNothingForAnUnknownId() {
    assertThat(deliveries.find(new DeliveryId(UUID.randomUUID()))).isEmpty();
  }

  // --- insertIfAbsent ---------------------------------------------------------------------------

  @Test
  void aTakenIdempotencyKeyReturnsTheDeliveryAlreadyStored() {
    Delivery first = aDelivery().key("sub-1/2026-03-08").build();
    Delivery second =
        aDelivery()
            .key("sub-1/2026-03-08")
            .reportData("{\"other\":true}")
            .createdAt(NOW.plusSeconds(5))
            .build();

    assertThat(deliveries.insertIfAbsent(first)).isEqualTo(new Stored(first, true));
    assertThat(deliveries.insertIfAbsent(second)).isEqualTo(new Stored(first, false));
    assertThat(deliveries.insertIfAbsent(first)).isEqualTo(new Stored(first, false));
    assertThat(deliveries.find(second.id())).isEmpty();
  }

  @Test
  void eightConcurrentInsertsOfOneKeyCreateExactlyOneDelivery() throws Exception {
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Callable<Stored>> inserts = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Delivery candidate = aDelivery().key("sub-9/2026-03-08").build();
      inserts.add(() -> {
        start.await(10, TimeUnit.SECONDS);
        return deliveries.insertIfAbsent(candidate);
      });
    }

    List<Stored> results = runConcurrently(inserts);

    assertThat(results).filteredOn(Stored::created).hasSize(1);
    Delivery winner = results.stream().filter(Stored::created).findFirst().orElseThrow().delivery();
    assertThat(results).extracting(Stored::delivery).containsOnly(winner);
    assertThat(deliveries.list(DeliveryQuery.latest(10)).items()).containsExactly(winner);
  }

  // --- claims -----------------------------------------------------------------------------------

  @Test
  void claimDueTakesWaitingDeliveriesThatAreDueAndSendingOnesWhoseLeaseEnded() {
    Delivery pendingDue = store(aDelivery().dueAt(NOW.minusSeconds(60)));
    Delivery pendingDueNow = store(aDelivery().dueAt(NOW));
    Delivery retryingDue =
        store(aDelivery().status(DeliveryStatus.RETRYING).attempts(1).lastError("timeout")
            .dueAt(NOW.minusSeconds(300)));
    Delivery pendingLater = store(aDelivery().dueAt(NOW.plusSeconds(1)));
    Delivery retryingLater =
        store(aDelivery().status(DeliveryStatus.RETRYING).attempts(1).dueAt(NOW.plusSeconds(60)));
    Delivery unscheduled = store(aDelivery().notScheduled());
    Delivery sendingLive =
        store(aDelivery().dueAt(NOW.minusSeconds(600)).sendingUnder("alive", NOW.plusSeconds(60)));
    Delivery sendingExpired =
        store(aDelivery().dueAt(NOW.minusSeconds(600)).sendingUnder("dead", NOW.minusSeconds(1)));
    Delivery sendingEndsNow =
        store(aDelivery().dueAt(NOW.minusSeconds(500)).attempts(2).sendingUnder("dead", NOW));
    List<Delivery> done =
        List.of(
            store(aDelivery().status(DeliveryStatus.SENT).attempts(1).dueAt(NOW.minusSeconds(900))
                .recipients(RecipientOutcome.pending("a@example.com").sent(NOW)).sentAt(NOW)),
            store(aDelivery().status(DeliveryStatus.FAILED).attempts(5)
                .dueAt(NOW.minusSeconds(900))),
            store(aDelivery().status(DeliveryStatus.SKIPPED).dueAt(NOW.minusSeconds(900))));
    Lease lease = leaseOf("worker-1", Duration.ofMinutes(5));

    List<Delivery> claimed = deliveries.claimDue(NOW, lease, 100);

    assertThat(claimed)
        .containsExactly(
            claimedAs(sendingExpired, lease),
            claimedAs(sendingEndsNow, lease),
            claimedAs(retryingDue, lease),
            claimedAs(pendingDue, lease),
            claimedAs(pendingDueNow, lease));
    assertThat(claimed.get(0).attemptCount()).isEqualTo(2);
    assertThat(claimed.get(1).attemptCount()).isEqualTo(3);
    for (Delivery delivery : claimed) {
      assertThat(deliveries.find(delivery.id())).contains(delivery);
    }
    List<Delivery> untouched = new ArrayList<>(done);
    untouched.addAll(List.of(pendingLater, retryingLater, unscheduled, sendingLive));
    for (Delivery delivery : untouched) {
      assertThat(deliveries.find(delivery.id())).contains(delivery);
    }
    assertThat(deliveries.claimDue(NOW, leaseOf("worker-2", Duration.ofMinutes(5)), 100)).isEmpty();
  }

  @Test
  void claimDueTakesTheOldestDueFirstAndNoMoreThanTheLimit() {
    Delivery second =
        store(aDelivery().dueAt(NOW.minusSeconds(40)).createdAt(NOW.minusSeconds(90)));
    Delivery fifth = store(aDelivery().dueAt(NOW.minusSeconds(10)));
    Delivery first = store(aDelivery().dueAt(NOW.minusSeconds(50)));
    Delivery fourth =
        store(aDelivery().dueAt(NOW.minusSeconds(40)).createdAt(NOW.minusSeconds(10)));
    Delivery third =
        store(aDelivery().dueAt(NOW.minusSeconds(40)).createdAt(NOW.minusSeconds(50)));
    Lease lease = leaseOf("worker-1", Duration.ofMinutes(5));

    assertThat(deliveries.claimDue(NOW, lease, 3))
        .extracting(Delivery::id)
        .containsExactly(first.id(), second.id(), third.id());
    assertThat(deliveries.claimDue(NOW, lease, 3))
        .extracting(Delivery::id)
        .containsExactly(fourth.id(), fifth.id());
    assertThat(deliveries.claimDue(NOW, lease, 3)).isEmpty();
  }

  @Test
  void claimTakesOneDeliveryOnlyWhileItIsDue() {
    Delivery due = store(aDelivery().dueAt(NOW.minusSeconds(1)));
    Delivery later = store(aDelivery().dueAt(NOW.plusSeconds(1)));
    Lease first = leaseOf("worker-1", Duration.ofMinutes(1));
    Lease second = leaseOf("worker-2", Duration.ofMinutes(1));

    assertThat(deliveries.claim(due.id(), NOW, first)).contains(claimedAs(due, first));
    assertThat(deliveries.claim(due.id(), NOW, second)).isEmpty();
    assertThat(deliveries.claim(later.id(), NOW, second)).isEmpty();
    assertThat(deliveries.claim(new DeliveryId(UUID.randomUUID()), NOW, second)).isEmpty();

    Instant afterTheLease = first.until();
    Lease takeover = new Lease("worker-2", afterTheLease.plusSeconds(60));
    Optional<Delivery> takenOver = deliveries.claim(due.id(), afterTheLease, takeover);
    assertThat(takenOver).isPresent();
    assertThat(takenOver.get().lease()).contains(takeover);
    assertThat(takenOver.get().attemptCount()).isEqualTo(2);
    assertThat(takenOver.get().updatedAt()).isEqualTo(afterTheLease);
    assertThat(deliveries.find(later.id())).contains(later);
  }

  // --- compareAndSet ----------------------------------------------------------------------------

  @Test
  void theLeaseOwnerRecordsTheOutcome() {
    store(aDelivery().recipients(
        RecipientOutcome.pending("a@example.com"), RecipientOutcome.pending("b@example.com")));
    Delivery claimed =
        deliveries.claimDue(NOW, leaseOf("worker-1", Duration.ofMinutes(5)), 1).get(0);
    Instant sentAt = NOW.plusSeconds(2);
    Delivery sent =
        claimed.withState(
            claimed.recipients().stream().map(r -> r.sent(sentAt)).toList(),
            DeliveryStatus.SENT,
            claimed.attemptCount(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            sentAt,
            Optional.of(sentAt));

    assertThat(deliveries.compareAndSet(claimed, sent)).isTrue();
    assertThat(deliveries.find(claimed.id())).contains(sent);
    assertThat(deliveries.compareAndSet(claimed, sent)).as("the same update twice").isFalse();
  }

  @Test
  void aWorkerWhoseLeaseWasTakenOverChangesNothing() {
    store(aDelivery());
    Delivery claimedByA =
        deliveries.claimDue(NOW, leaseOf("worker-a", Duration.ofMinutes(1)), 1).get(0);
    Instant later = NOW.plus(Duration.ofMinutes(2));
    Delivery claimedByB =
        deliveries
            .claimDue(later, new Lease("worker-b", later.plus(Duration.ofMinutes(1))), 1)
            .get(0);
    Delivery retryByA =
        claimedByA.withState(
            List.of(claimedByA.recipients().get(0).retryableError("SMTP 451")),
            DeliveryStatus.RETRYING,
            claimedByA.attemptCount(),
            Optional.of(later.plusSeconds(60)),
            Optional.of("SMTP 451"),
            Optional.empty(),
            later,
            Optional.empty());

    assertThat(deliveries.compareAndSet(claimedByA, retryByA)).isFalse();
    assertThat(deliveries.find(claimedByA.id())).contains(claimedByB);
  }

  @Test
  void compareAndSetMatchesADeliveryWithoutALease() {
    Delivery pending = store(aDelivery());
    Delivery skipped =
        pending.withState(pending.recipients(), DeliveryStatus.SKIPPED, 0, Optional.empty(),
            Optional.empty(), Optional.empty(), NOW.plusSeconds(1), Optional.empty());

    assertThat(deliveries.compareAndSet(pending, skipped)).isTrue();
    assertThat(deliveries.find(pending.id())).contains(skipped);
  }

  @Test
  void compareAndSetRefusesTheStateOfAnotherDelivery() {
    Delivery one = store(aDelivery());
    Delivery other = store(aDelivery());

    assertThatThrownBy(() -> deliveries.compareAndSet(one, other))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(deliveries.find(one.id())).contains(one);
  }

  // --- list -------------------------------------------------------------------------------------

  @Test
  void listFiltersByStatusReportTypeBranchAndCreatedRange() {
    Delivery dailyBranch1 =
        store(aDelivery().branch(GYM_A, BRANCH_1).createdAt(NOW.minusSeconds(30)));
    Delivery weeklyBranch1 =
        store(aDelivery().branch(GYM_A, BRANCH_1).reportType(ReportType.WEEKLY)
            .createdAt(NOW.minusSeconds(20)));
    Delivery dailyBranch2Failed =
        store(aDelivery().branch(GYM_A, BRANCH_2).status(DeliveryStatus.FAILED)
            .createdAt(NOW.minusSeconds(10)));
    Delivery dailyAtNow = store(aDelivery().branch(GYM_A, BRANCH_2).createdAt(NOW));

    assertThat(list(query().status(DeliveryStatus.FAILED)).items())
        .containsExactly(dailyBranch2Failed);
    assertThat(list(query().reportType(ReportType.DAILY)).items())
        .containsExactly(dailyAtNow, dailyBranch2Failed, dailyBranch1);
    assertThat(list(query().branch(BRANCH_1)).items()).containsExactly(weeklyBranch1, dailyBranch1);
    assertThat(list(query().createdFrom(NOW.minusSeconds(20)).createdTo(NOW)).items())
        .as("[from, to)")
        .containsExactly(dailyBranch2Failed, weeklyBranch1);
    QueryBuilder allThree =
        query().status(DeliveryStatus.PENDING).reportType(ReportType.DAILY).branch(BRANCH_2);
    assertThat(list(allThree).items()).containsExactly(dailyAtNow);
    assertThat(list(query().status(DeliveryStatus.SENT))).isEqualTo(new DeliveryPage(List.of(), 0));
  }

  @Test
  void listShowsACallerOnlyTheGymsItMaySee() {
    Delivery gymA = store(aDelivery().gym(GYM_A).createdAt(NOW.minusSeconds(3)));
    Delivery gymB = store(aDelivery().branch(GYM_B, BRANCH_2).createdAt(NOW.minusSeconds(2)));
    Delivery gymC = store(aDelivery().gym(GYM_C).createdAt(NOW.minusSeconds(1)));
    Delivery unscoped = store(aDelivery().scope(Optional.empty()).createdAt(NOW));

    assertThat(list(query().gyms(Set.of(GYM_A, GYM_C))))
        .isEqualTo(new DeliveryPage(List.of(gymC, gymA), 2));
    assertThat(list(query().gyms(Set.of(GYM_B))).items()).containsExactly(gymB);
    assertThat(list(query().gyms(Set.of())))
        .as("a caller scoped to no gym")
        .isEqualTo(new DeliveryPage(List.of(), 0));
    assertThat(list(query()).items()).containsExactly(unscoped, gymC, gymB, gymA);
    assertThat(list(query().gyms(Set.of(GYM_A)).withoutGym()))
        .as("a caller who also sees the reports without a gym")
        .isEqualTo(new DeliveryPage(List.of(unscoped, gymA), 2));
    assertThat(list(query().gyms(Set.of()).withoutGym()))
        .as("a caller who sees only the reports without a gym")
        .isEqualTo(new DeliveryPage(List.of(unscoped), 1));
  }

  @Test
  void listPagesTheLogNewestFirstWithTheTotal() {
    List<Delivery> newestFirst = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      newestFirst.add(store(aDelivery().createdAt(NOW.minusSeconds(i))));
    }
    // Two created at the same instant come in id order.
    List<Delivery> tied =
        new ArrayList<>(List.of(store(aDelivery().createdAt(NOW.minusSeconds(10))),
            store(aDelivery().createdAt(NOW.minusSeconds(10)))));
    tied.sort((a, b) -> a.id().toString().compareTo(b.id().toString()));
    newestFirst.addAll(tied);

    List<Delivery> paged = new ArrayList<>();
    for (int offset = 0; offset < 7; offset += 3) {
      DeliveryPage page = list(query().page(3, offset));
      assertThat(page.total()).isEqualTo(7);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
      paged.addAll(page.items());
    }
    assertThat(paged).containsExactlyElementsOf(newestFirst);
    assertThat(list(query().page(3, 9))).isEqualTo(new DeliveryPage(List.of(), 7));
  }

  // --- errors -----------------------------------------------------------------------------------

  @Test
  void aFailureNamesTheOperationButNotTheRecipientsOrTheReport() throws Exception {
    Delivery slack =
        aDelivery().method(DeliveryMethod.SLACK).recipients(RecipientOutcome.pending(WEBHOOK))
            .reportData("{\"leads\":{\"new\":4711}}").build();
    try (JdbcPersistence unmigrated = openUnmigratedDatabase()) {
      DeliveryRepository repository = unmigrated.deliveries();

      assertThatThrownBy(() -> repository.insertIfAbsent(slack))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("store delivery " + slack.id())
          .hasMessageContaining("report_deliveries")
          .hasMessageNotContaining("s3cretT0ken")
          .hasMessageNotContaining("4711");
      assertThatThrownBy(() -> repository.claimDue(NOW, leaseOf("w", Duration.ofMinutes(1)), 5))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("claim due deliveries");
    }
  }

  // --- helpers ----------------------------------------------------------------------------------

  Delivery store(DeliveryFixture fixture) {
    Stored stored = deliveries.insertIfAbsent(fixture.build());
    assertThat(stored.created()).isTrue();
    return stored.delivery();
  }

  static Delivery claimedAs(Delivery before, Lease lease) {
    return before.withState(before.recipients(), DeliveryStatus.SENDING, before.attemptCount() + 1,
        before.nextAttemptAt(), before.lastError(), Optional.of(lease), NOW, before.sentAt());
  }

  UUID insertSubscription() {
    UUID id = UUID.randomUUID();
    persistence.jdbi().useHandle(h -> h.execute(
        "INSERT INTO report_subscriptions (id, report_type, delivery_method, recipients,"
            + " delivery_time) VALUES ('" + id + "', 'weekly', 'slack', '[\"x\"]', '07:00')"));
    return id;
  }

  DeliveryPage list(QueryBuilder query) {
    return deliveries.list(query.build());
  }

  static QueryBuilder query() {
    return new QueryBuilder();
  }

  /** Fills a {@link DeliveryQuery}; every filter absent, the first 100. */
  static final class QueryBuilder {
    private Optional<DeliveryStatus> status = Optional.empty();
    private Optional<ReportType> reportType = Optional.empty();
    private Optional<UUID> branch = Optional.empty();
    private Optional<Set<UUID>> gyms = Optional.empty();
    private boolean withoutGym;
    private Optional<Instant> from = Optional.empty();
    private Optional<Instant> to = Optional.empty();
    private int limit = 100;
    private int offset;

    QueryBuilder status(DeliveryStatus value) {
      status = Optional.of(value);
      return this;
    }

    QueryBuilder reportType(ReportType value) {
      reportType = Optional.of(value);
      return this;
    }

    QueryBuilder branch(UUID value) {
      branch = Optional.of(value);
      return this;
    }

    QueryBuilder gyms(Set<UUID> value) {
      gyms = Optional.of(value);
      return this;
    }

    QueryBuilder withoutGym() {
      withoutGym = true;
      return this;
    }

    QueryBuilder createdFrom(Instant value) {
      from = Optional.of(value);
      return this;
    }

    QueryBuilder createdTo(Instant value) {
      to = Optional.of(value);
      return this;
    }

    QueryBuilder page(int pageLimit, int pageOffset) {
      limit = pageLimit;
      offset = pageOffset;
      return this;
    }

    DeliveryQuery build() {
      return new DeliveryQuery(status, reportType, branch, gyms, from, to, withoutGym, limit, offset);
    }
  }

  /** Runs the tasks on one thread each and returns their results in task order. */
  static <T> List<T> runConcurrently(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<T>> futures = pool.invokeAll(tasks, 60, TimeUnit.SECONDS);
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return Collections.unmodifiableList(results);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Lets each worker claim batches of due deliveries at NOW, all starting at once, until none is
   * left. Each holds on to its first batch until every worker has one, so they all hold leases at
   * once whatever the lock scheduling (a SQLite writer whose commits are slow could otherwise take
   * everything while the other backs off). Asserts that every one of {@code due} was claimed
   * exactly once, by the worker whose lease it now holds, in one attempt. Returns how many each
   * worker claimed.
   */
  List<Integer> claimAllConcurrently(
      List<DeliveryRepository> workers, List<Delivery> due, int batch) throws Exception {
    CyclicBarrier start = new CyclicBarrier(workers.size());
    CountDownLatch everyoneHoldsABatch = new CountDownLatch(workers.size());
    List<Callable<List<DeliveryId>>> claimers = new ArrayList<>();
    for (int w = 0; w < workers.size(); w++) {
      DeliveryRepository worker = workers.get(w);
      Lease lease = new Lease("worker-" + w, NOW.plus(Duration.ofMinutes(5)));
      claimers.add(() -> {
        start.await(10, TimeUnit.SECONDS);
        List<DeliveryId> claimed = new ArrayList<>();
        List<Delivery> claimedNow;
        while (!(claimedNow = worker.claimDue(NOW, lease, batch)).isEmpty()) {
          if (claimed.isEmpty()) {
            everyoneHoldsABatch.countDown();
            assertThat(everyoneHoldsABatch.await(10, TimeUnit.SECONDS)).isTrue();
          }
          claimedNow.forEach(d -> claimed.add(d.id()));
        }
        return claimed;
      });
    }

    List<List<DeliveryId>> claimedPerWorker = runConcurrently(claimers);

    List<DeliveryId> all = claimedPerWorker.stream().flatMap(List::stream).toList();
    assertThat(all).doesNotHaveDuplicates();
    assertThat(all).containsExactlyInAnyOrderElementsOf(due.stream().map(Delivery::id).toList());
    for (int w = 0; w < workers.size(); w++) {
      for (DeliveryId id : claimedPerWorker.get(w)) {
        Delivery stored = deliveries.find(id).orElseThrow();
        assertThat(stored.attemptCount()).isEqualTo(1);
        assertThat(stored.lease().orElseThrow().owner()).isEqualTo("worker-" + w);
      }
    }
    return claimedPerWorker.stream().map(List::size).toList();
  }

  /** Stores {@code count} pending deliveries, due one second apart before NOW. */
  List<Delivery> storeDue(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> store(aDelivery().dueAt(NOW.minusSeconds(count - i))))
        .toList();
  }
}
