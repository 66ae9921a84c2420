package io.pulsereports.persistence.jdbc;

import static io.pulsereports.persistence.jdbc.DeliveryFixture.BRANCH_1;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.BRANCH_2;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.GYM_A;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.GYM_B;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.GYM_C;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.NOW;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.leaseOf;
import static io.pulsereports.persistence.jdbc.DeliveryRepositoryContract.runConcurrently;
import static io.pulsereports.persistence.jdbc.SubscriptionFixture.SEVEN;
import static io.pulsereports.persistence.jdbc.SubscriptionFixture.aSubscription;
import static io.pulsereports.persistence.jdbc.SubscriptionFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.delivery.DeliveryId;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.PeriodKind;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.out.SubscriptionRepository;
import io.pulsereports.core.schedule.DeliverySchedule;
import io.pulsereports.core.schedule.RunOutcome;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.schedule.SubscriptionId;
import io.pulsereports.core.schedule.SubscriptionPage;
import io.pulsereports.core.schedule.SubscriptionQuery;
import io.pulsereports.core.schedule.SubscriptionRun;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every {@link SubscriptionRepository} adapter must show. A subclass opens a
 * migrated database once; every test starts without subscriptions, templates and deliveries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SubscriptionRepositoryContract {

  static final String WEBHOOK = DeliveryRepositoryContract.WEBHOOK;
  static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu");

  protected JdbcPersistence persistence;
  protected SubscriptionRepository subscriptions;

  /** A database on which {@link JdbcPersistence#migrate()} has run. */
  protected abstract JdbcPersistence openMigratedDatabase() throws Exception;

  /** A database without Pulse Reports' tables. */
  protected abstract JdbcPersistence openUnmigratedDatabase() throws Exception;

  @BeforeAll
  void openDatabase() throws Exception {
    persistence = openMigratedDatabase();
    subscriptions = persistence.subscriptions();
  }

  @AfterAll
  void closeDatabase() {
    if (persistence != null) {
      persistence.close();
    }
  }

  @BeforeEach
  void emptyTheTables() {
    persistence.jdbi().useHandle(h -> {
      h.execute("DELETE FROM report_deliveries");
      h.execute("DELETE FROM report_subscriptions");
      h.execute("DELETE FROM report_templates");
    });
  }

  // --- round trip -------------------------------------------------------------------------------

  @Test
  void storesAndReadsBackEveryFieldOfAWeeklySubscription() {
    UUID template = insertTemplate(GYM_B);
    Subscription weekly =
        aSubscription()
            .name("Wöchentlich — 週報 🚀")
            .reportType(ReportType.WEEKLY)
            .branch(GYM_B, BRANCH_2)
            .method(DeliveryMethod.SLACK)
            .recipients(WEBHOOK, "https://hooks.slack.com/services/T2/B2/ünï")
            .schedule(DeliverySchedule.weekly(
                LocalTime.of(6, 45), Set.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY), KATHMANDU))
            .template(template)
            .skipIfEmpty()
            .createdAt(NOW.minus(Duration.ofDays(30)))
            .updatedAt(NOW.minus(Duration.ofDays(2)))
            .dueAt(NOW.plus(Duration.ofDays(3)))
            .failedAttempts(2)
            .lastRun(new SubscriptionRun(
                NOW.minus(Duration.ofDays(4)), NOW.minus(Duration.ofDays(4)).plusSeconds(75),
                LocalDate.of(2026, 2, 23), LocalDate.of(2026, 3, 1), RunOutcome.FAILED,
                Optional.of(new DeliveryId(UUID.randomUUID())),
                Optional.of("Zeitüberschreitung: 接続がタイムアウトしました ✗")))
            .leasedTo("scheduler-ü-1", NOW.plus(Duration.ofMinutes(5)))
            .build();

    subscriptions.insert(weekly);

    assertThat(subscriptions.find(weekly.id())).contains(weekly);
  }

  @Test
  void storesEveryEmptyOptionalAsAbsent() {
    Subscription learning =
        aSubscription()
            .reportType(ReportType.LEARNING_DAILY)
            .scope(Optional.empty())
            .notScheduled()
            .paused()
            .build();
    Subscription wholeGym = aSubscription().gym(GYM_C).build();

    subscriptions.insert(learning);
    subscriptions.insert(wholeGym);

    Subscription read = subscriptions.find(learning.id()).orElseThrow();
    assertThat(read).isEqualTo(learning);
    assertThat(read.name()).isEmpty();
    assertThat(read.scope()).isEmpty();
    assertThat(read.templateId()).isEmpty();
    assertThat(read.nextRunAt()).isEmpty();
    assertThat(read.lastRun()).isEmpty();
    assertThat(read.lease()).isEmpty();
    assertThat(read.schedule().deliveryDays()).isEmpty();
    assertThat(subscriptions.find(wholeGym.id())).contains(wholeGym);
    assertThat(wholeGym.scope().orElseThrow().branchId()).isEmpty();
  }

  @Test
  void aDailyScheduleKeepsItsDeliveryDaysAndEveryReportTypeButWeeklyIsDaily() {
    UUID shared = insertTemplate(null);
    Subscription weekdays =
        aSubscription()
            .schedule(DeliverySchedule.daily(
                LocalTime.of(23, 59),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                ZoneId.of("America/St_Johns")))
            .template(shared)
            .build();
    Subscription custom =
        aSubscription()
            .reportType(new ReportType("custom-kpis"))
            .schedule(DeliverySchedule.daily(LocalTime.MIDNIGHT, KATHMANDU))
            .build();

    subscriptions.insert(weekdays);
    subscriptions.insert(custom);

    assertThat(subscriptions.find(weekdays.id())).contains(weekdays);
    assertThat(subscriptions.find(custom.id())).contains(custom);
    assertThat(subscriptions.find(custom.id()).orElseThrow().schedule().kind())
        .isEqualTo(PeriodKind.DAY);
  }

  @Test
  void storesEveryRunOutcomeWithAndWithoutItsDeliveryAndError() {
    for (RunOutcome outcome : RunOutcome.values()) {
      Subscription bare = aSubscription().lastRun(run(outcome, Optional.empty(), Optional.empty()))
          .build();
      Subscription full =
          aSubscription()
              .lastRun(run(outcome, Optional.of(new DeliveryId(UUID.randomUUID())),
                  Optional.of("why " + outcome)))
              .build();
      subscriptions.insert(bare);
      subscriptions.insert(full);

      assertThat(subscriptions.find(bare.id())).as(outcome.code()).contains(bare);
      assertThat(subscriptions.find(full.id())).as(outcome.code()).contains(full);
    }
  }

  @Test
  void keepsInstantsToTheMicrosecond() {
    Instant nanos = Instant.parse("2026-03-09T07:00:00.123456789Z");
    Subscription subscription =
        aSubscription()
            .createdAt(nanos)
            .dueAt(nanos)
            .lastRun(new SubscriptionRun(nanos, nanos, LocalDate.of(2026, 3, 8),
                LocalDate.of(2026, 3, 8), RunOutcome.DELIVERED, Optional.empty(),
                Optional.empty()))
            .leasedTo("w", nanos)
            .build();

    subscriptions.insert(subscription);

    Instant micros = Instant.parse("2026-03-09T07:00:00.123456Z");
    Subscription read = subscriptions.find(subscription.id()).orElseThrow();
    assertThat(read.createdAt()).isEqualTo(micros);
    assertThat(read.updatedAt()).isEqualTo(micros);
    assertThat(read.nextRunAt()).contains(micros);
    assertThat(read.lastRun().orElseThrow().dueAt()).isEqualTo(micros);
    assertThat(read.lastRun().orElseThrow().ranAt()).isEqualTo(micros);
    assertThat(read.lease().orElseThrow().until()).isEqualTo(micros);
    assertThat(subscriptions.update(subscription, subscription))
        .as("the stored updated_at compares equal to the nanosecond one it came from")
        .isTrue();
  }

  @Test
  void storesDaysAsLowerCaseNamesTheTimeAsHoursAndMinutesAndTheTypeMethodAndZoneByName() {
    Subscription weekly =
        aSubscription()
            .reportType(ReportType.WEEKLY)
            .method(DeliveryMethod.SLACK)
            .recipients(WEBHOOK)
            .schedule(DeliverySchedule.weekly(
                LocalTime.of(8, 5), Set.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY), KATHMANDU))
            .build();
    subscriptions.insert(weekly);

    Map<String, Object> row =
        persistence.jdbi().withHandle(h -> h.createQuery(
                "SELECT delivery_days, delivery_time, recipients, report_type, delivery_method,"
                    + " timezone FROM report_subscriptions WHERE id = '" + weekly.id() + "'")
            .mapToMap()
            .one());

    assertThat(row.get("delivery_days").toString().replace(" ", ""))
        .isEqualTo("[\"monday\",\"sunday\"]");
    assertThat(row.get("delivery_time")).hasToString("08:05");
    assertThat(row.get("recipients").toString().replace(" ", ""))
        .isEqualTo("[\"" + WEBHOOK + "\"]");
    assertThat(row.get("report_type")).hasToString("weekly");
    assertThat(row.get("delivery_method")).hasToString("slack");
    assertThat(row.get("timezone")).hasToString("Asia/Kathmandu");
  }

  @Test
  void readsDayNamesInAnyCaseOrShortAndTimesWithSeconds() {
    UUID id = UUID.randomUUID();
    persistence.jdbi().useHandle(h -> h.execute(
        "INSERT INTO report_subscriptions (id, report_type, delivery_method, recipients,"
            + " delivery_time, delivery_days, timezone, created_at, updated_at) VALUES ('" + id
            + "', 'weekly', 'EMAIL', '[\"a@example.com\"]', '07:30:00', '[\"FRI\", \"Monday\"]',"
            + " 'Europe/Berlin', '2026-03-09T07:00:00.000000Z', '2026-03-09T07:00:00.000000Z')"));

    Subscription read = subscriptions.find(new SubscriptionId(id)).orElseThrow();

    assertThat(read.schedule())
        .isEqualTo(DeliverySchedule.weekly(LocalTime.of(7, 30),
            Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), ZoneId.of("Europe/Berlin")));
    assertThat(read.method()).isEqualTo(DeliveryMethod.EMAIL);
    assertThat(read.active()).isTrue();
    assertThat(read.skipIfEmpty()).isFalse();
    assertThat(read.failedAttempts()).isZero();
  }

  @Test
  void refusesAScheduleOfAnotherKindThanItsReportTypeAndStoresNothing() {
    Subscription dailyPerWeek =
        aSubscription()
            .schedule(DeliverySchedule.weekly(SEVEN, Set.of(DayOfWeek.MONDAY), ZoneOffset.UTC))
            .build();
    Subscription weeklyPerDay =
        aSubscription()
            .reportType(ReportType.WEEKLY)
            .schedule(DeliverySchedule.daily(SEVEN, ZoneOffset.UTC))
            .build();

    assertThatThrownBy(() -> subscriptions.insert(dailyPerWeek))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("daily");
    assertThatThrownBy(() -> subscriptions.insert(weeklyPerDay))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(subscriptions.list(SubscriptionQuery.all(10)).total()).isZero();
  }

  @Test
  void findsNothingForAnUnknownId() {
    assertThat(subscriptions.find(new SubscriptionId(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void aSecondInsertOfAnIdFailsNamingTheSubscriptionButNotItsRecipients() {
    Subscription slack =
        aSubscription().method(DeliveryMethod.SLACK).recipients(WEBHOOK).build();
    subscriptions.insert(slack);

    assertThatThrownBy(() -> subscriptions.insert(slack))
        .isInstanceOf(PersistenceException.class)
        .hasMessageContaining("store subscription " + slack.id())
        .hasMessageNotContaining("s3cretT0ken");
    assertThat(subscriptions.find(slack.id())).contains(slack);
  }

  // --- list -------------------------------------------------------------------------------------

  @Test
  void listShowsACallerOnlyTheGymsItMaySee() {
    Subscription gymA = store(aSubscription().gym(GYM_A).createdAt(NOW.minusSeconds(3)));
    Subscription gymB =
        store(aSubscription().branch(GYM_B, BRANCH_2).createdAt(NOW.minusSeconds(2)));
    Subscription gymC = store(aSubscription().gym(GYM_C).createdAt(NOW.minusSeconds(1)));
    Subscription unscoped = store(aSubscription().scope(Optional.empty()).createdAt(NOW));

    assertThat(list(query().gyms(Set.of(GYM_A, GYM_C))))
        .isEqualTo(new SubscriptionPage(List.of(gymA, gymC), 2));
    assertThat(list(query().gyms(Set.of(GYM_B))).items()).containsExactly(gymB);
    assertThat(list(query().gyms(Set.of())))
        .as("a caller scoped to no gym")
        .isEqualTo(new SubscriptionPage(List.of(), 0));
    assertThat(list(query()))
        .as("only the unfiltered list shows subscriptions without a gym")
        .isEqualTo(new SubscriptionPage(List.of(gymA, gymB, gymC, unscoped), 4));
    assertThat(list(query().gyms(Set.of(GYM_C)).withoutGym()))
        .as("a caller who also sees the subscriptions without a gym")
        .isEqualTo(new SubscriptionPage(List.of(gymC, unscoped), 2));
    assertThat(list(query().gyms(Set.of()).withoutGym()).items()).containsExactly(unscoped);
  }

  @Test
  void listFiltersByBranchAndWhetherActive() {
    Subscription branch1 =
        store(aSubscription().branch(GYM_A, BRANCH_1).createdAt(NOW.minusSeconds(30)));
    Subscription branch1Paused =
        store(aSubscription().branch(GYM_A, BRANCH_1).paused().createdAt(NOW.minusSeconds(20)));
    Subscription branch2 =
        store(aSubscription().branch(GYM_B, BRANCH_2).createdAt(NOW.minusSeconds(10)));
    Subscription wholeGymPaused = store(aSubscription().gym(GYM_A).paused().createdAt(NOW));

    assertThat(list(query().branch(BRANCH_1)).items()).containsExactly(branch1, branch1Paused);
    assertThat(list(query().active(true)).items()).containsExactly(branch1, branch2);
    assertThat(list(query().active(false)).items())
        .containsExactly(branch1Paused, wholeGymPaused);
    assertThat(list(query().branch(BRANCH_1).active(false).gyms(Set.of(GYM_A))))
        .isEqualTo(new SubscriptionPage(List.of(branch1Paused), 1));
    assertThat(list(query().branch(BRANCH_2).gyms(Set.of(GYM_A))))
        .isEqualTo(new SubscriptionPage(List.of(), 0));
  }

  @Test
  void listPagesOldestFirstWithTheTotal() {
    List<Subscription> oldestFirst = new ArrayList<>();
    // Two created at the same instant come in id order.
    List<Subscription> tied =
        new ArrayList<>(List.of(store(aSubscription().createdAt(NOW.minusSeconds(10))),
            store(aSubscription().createdAt(NOW.minusSeconds(10)))));
    tied.sort(Comparator.comparing(s -> s.id().toString()));
    oldestFirst.addAll(tied);
    for (int i = 4; i >= 0; i--) {
      oldestFirst.add(store(aSubscription().createdAt(NOW.minusSeconds(i))));
    }

    List<Subscription> paged = new ArrayList<>();
    for (int offset = 0; offset < 7; offset += 3) {
      SubscriptionPage page = list(query().page(3, offset));
      assertThat(page.total()).isEqualTo(7);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
      paged.addAll(page.items());
    }
    assertThat(paged).containsExactlyElementsOf(oldestFirst);
    assertThat(list(query().page(3, 9))).isEqualTo(new SubscriptionPage(List.of(), 7));
  }

  // --- update -----------------------------------------------------------------------------------

  @Test
  void updateReplacesTheConfigurationAndNextRunAndLeavesTheRunState() {
    UUID template = insertTemplate(GYM_C);
    SubscriptionRun lastRun =
        run(RunOutcome.DELIVERED, Optional.of(new DeliveryId(UUID.randomUUID())), Optional.empty());
    Subscription stored =
        store(aSubscription().name("before").failedAttempts(1).lastRun(lastRun)
            .leasedTo("scheduler-1", NOW.plusSeconds(60)));
    Instant later = NOW.plusSeconds(5);
    Subscription changed =
        new Subscription(stored.id(), Optional.of("after"), ReportType.WEEKLY,
            Optional.of(GymScope.wholeGym(GYM_C)), DeliveryMethod.SLACK, List.of(WEBHOOK),
            DeliverySchedule.weekly(LocalTime.of(9, 15), Set.of(DayOfWeek.SATURDAY), KATHMANDU),
            Optional.of(template), false, true, stored.createdAt(), later, Optional.empty(),
            0, Optional.empty(), Optional.empty());

    assertThat(subscriptions.update(stored, changed)).isTrue();

    assertThat(subscriptions.find(stored.id()))
        .contains(changed.withRunState(Optional.empty(), 1, Optional.of(lastRun),
            stored.lease()));
  }

  @Test
  void anUpdateFromAStaleReadChangesNothing() {
    Subscription stored = store(aSubscription().name("first"));
    Subscription byA = renamed(stored, "by A", NOW.plusSeconds(1));
    Subscription byB = renamed(stored, "by B", NOW.plusSeconds(2));

    assertThat(subscriptions.update(stored, byA)).isTrue();
    assertThat(subscriptions.update(stored, byB)).as("B read before A wrote").isFalse();
    assertThat(subscriptions.update(stored, byA)).as("the same update twice").isFalse();
    assertThat(subscriptions.find(stored.id())).contains(byA);
    assertThat(subscriptions.update(byA, byB)).isTrue();
    assertThat(subscriptions.find(stored.id())).contains(byB);
  }

  @Test
  void updateOfAnUnknownSubscriptionIsFalseAndAnotherSubscriptionsStateIsRefused() {
    Subscription one = store(aSubscription());
    Subscription other = store(aSubscription());
    Subscription unknown = aSubscription().build();

    assertThat(subscriptions.update(unknown, renamed(unknown, "x", NOW.plusSeconds(1)))).isFalse();
    assertThat(subscriptions.find(unknown.id())).isEmpty();
    assertThatThrownBy(() -> subscriptions.update(one, other))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(subscriptions.find(one.id())).contains(one);
  }

  // --- delete -----------------------------------------------------------------------------------

  @Test
  void deleteRemovesTheSubscriptionOnce() {
    Subscription gone = store(aSubscription());
    Subscription kept = store(aSubscription());

    assertThat(subscriptions.delete(gone.id())).isTrue();
    assertThat(subscriptions.delete(gone.id())).isFalse();
    assertThat(subscriptions.find(gone.id())).isEmpty();
    assertThat(subscriptions.find(kept.id())).contains(kept);
  }

  @Test
  void theDeliveriesOfADeletedSubscriptionStayInTheLogWithoutIt() {
    Subscription gone = store(aSubscription());
    io.pulsereports.core.delivery.Delivery delivery =
        DeliveryFixture.aDelivery().subscription(gone.id().value()).build();
    persistence.deliveries().insertIfAbsent(delivery);

    assertThat(subscriptions.delete(gone.id())).isTrue();

    assertThat(persistence.deliveries().find(delivery.id())).hasValueSatisfying(
        kept -> assertThat(kept.subscriptionId()).isEmpty());
  }

  // --- templates --------------------------------------------------------------------------------

  @Test
  void aTemplateIsUsableByItsOwnGymAndSharedOnesByEveryGym() {
    UUID gymA = insertTemplate(GYM_A);
    UUID shared = insertTemplate(null);
    UUID unknown = UUID.randomUUID();

    assertThat(subscriptions.templateExists(gymA, Optional.of(GYM_A))).isTrue();
    assertThat(subscriptions.templateExists(gymA, Optional.of(GYM_B))).isFalse();
    assertThat(subscriptions.templateExists(gymA, Optional.empty())).isFalse();
    assertThat(subscriptions.templateExists(shared, Optional.of(GYM_A))).isTrue();
    assertThat(subscriptions.templateExists(shared, Optional.of(GYM_B))).isTrue();
    assertThat(subscriptions.templateExists(shared, Optional.empty())).isTrue();
    assertThat(subscriptions.templateExists(unknown, Optional.of(GYM_A))).isFalse();
    assertThat(subscriptions.templateExists(unknown, Optional.empty())).isFalse();
  }

  // --- claims -----------------------------------------------------------------------------------

  @Test
  void claimDueTakesActiveDueSubscriptionsWithoutALiveLease() {
    Subscription due = store(aSubscription().dueAt(NOW.minusSeconds(60)));
    Subscription dueNow = store(aSubscription().dueAt(NOW));
    Subscription leaseEnded =
        store(aSubscription().dueAt(NOW.minusSeconds(600)).leasedTo("dead", NOW.minusSeconds(1)));
    Subscription leaseEndsNow =
        store(aSubscription().dueAt(NOW.minusSeconds(500)).leasedTo("dead", NOW));
    List<Subscription> untouched =
        List.of(
            store(aSubscription().dueAt(NOW.plusSeconds(1))),
            store(aSubscription().notScheduled()),
            store(aSubscription().paused().dueAt(NOW.minusSeconds(900))),
            store(aSubscription().paused().notScheduled()),
            store(aSubscription().dueAt(NOW.minusSeconds(900)).leasedTo("alive",
                NOW.plusSeconds(60))));
    Lease lease = leaseOf("scheduler-1", Duration.ofMinutes(5));

    List<Subscription> claimed = subscriptions.claimDue(NOW, lease, 100);

    assertThat(claimed)
        .containsExactly(
            claimedAs(leaseEnded, lease),
            claimedAs(leaseEndsNow, lease),
            claimedAs(due, lease),
            claimedAs(dueNow, lease));
    for (Subscription subscription : claimed) {
      assertThat(subscriptions.find(subscription.id())).contains(subscription);
    }
    for (Subscription subscription : untouched) {
      assertThat(subscriptions.find(subscription.id())).contains(subscription);
    }
    assertThat(subscriptions.claimDue(NOW, leaseOf("scheduler-2", Duration.ofMinutes(5)), 100))
        .isEmpty();
  }

  @Test
  void claimDueTakesTheEarliestDueFirstAndNoMoreThanTheLimit() {
    Subscription third = store(aSubscription().dueAt(NOW.minusSeconds(30)));
    Subscription fifth = store(aSubscription().dueAt(NOW.minusSeconds(10)));
    Subscription first = store(aSubscription().dueAt(NOW.minusSeconds(50)));
    List<Subscription> tied =
        new ArrayList<>(List.of(store(aSubscription().dueAt(NOW.minusSeconds(40))),
            store(aSubscription().dueAt(NOW.minusSeconds(40)))));
    tied.sort(Comparator.comparing(s -> s.id().toString()));
    Subscription fourth = store(aSubscription().dueAt(NOW.minusSeconds(20)));
    Lease lease = leaseOf("scheduler-1", Duration.ofMinutes(5));

    assertThat(subscriptions.claimDue(NOW, lease, 3))
        .extracting(Subscription::id)
        .containsExactly(first.id(), tied.get(0).id(), tied.get(1).id());
    assertThat(subscriptions.claimDue(NOW, lease, 3))
        .extracting(Subscription::id)
        .containsExactly(third.id(), fourth.id(), fifth.id());
    assertThat(subscriptions.claimDue(NOW, lease, 3)).isEmpty();
  }

  @Test
  void anotherSchedulerTakesOverASubscriptionWhoseLeaseRanOut() {
    Subscription due = store(aSubscription().dueAt(NOW.minusSeconds(1)));
    Lease first = leaseOf("scheduler-a", Duration.ofMinutes(1));
    assertThat(subscriptions.claimDue(NOW, first, 10)).containsExactly(claimedAs(due, first));
    Lease second = leaseOf("scheduler-b", Duration.ofMinutes(1));
    assertThat(subscriptions.claimDue(first.until().minusNanos(1000), second, 10)).isEmpty();

    Instant afterTheLease = first.until();
    Lease takeover = new Lease("scheduler-b", afterTheLease.plusSeconds(60));
    List<Subscription> takenOver = subscriptions.claimDue(afterTheLease, takeover, 10);

    assertThat(takenOver).containsExactly(claimedAs(due, takeover));
    assertThat(subscriptions.find(due.id())).contains(claimedAs(due, takeover));
  }

  // --- finishRun --------------------------------------------------------------------------------

  @Test
  void theLeaseOwnerEndsTheRunWritingItAndClearingTheLease() {
    Subscription stored = store(aSubscription().failedAttempts(2));
    Subscription claimed =
        subscriptions.claimDue(NOW, leaseOf("scheduler-1", Duration.ofMinutes(5)), 1).get(0);
    SubscriptionRun run =
        run(RunOutcome.CREATED, Optional.of(new DeliveryId(UUID.randomUUID())), Optional.empty());
    Instant next = NOW.plus(Duration.ofDays(1));
    Subscription done = claimed.withRunState(Optional.of(next), 0, Optional.of(run),
        Optional.empty());

    assertThat(subscriptions.finishRun(claimed, done)).isTrue();

    assertThat(subscriptions.find(stored.id())).contains(done);
    assertThat(subscriptions.finishRun(claimed, done)).as("the same run twice").isFalse();
    assertThat(subscriptions.release(claimed)).as("the lease is gone").isFalse();
    assertThat(subscriptions.claimDue(NOW, leaseOf("scheduler-1", Duration.ofMinutes(5)), 1))
        .as("not due before its next run")
        .isEmpty();
  }

  @Test
  void aSchedulerWhoseLeaseWasTakenOverEndsNothing() {
    store(aSubscription());
    Subscription claimedByA =
        subscriptions.claimDue(NOW, leaseOf("scheduler-a", Duration.ofMinutes(1)), 1).get(0);
    Instant later = NOW.plus(Duration.ofMinutes(2));
    Subscription claimedByB =
        subscriptions
            .claimDue(later, new Lease("scheduler-b", later.plus(Duration.ofMinutes(1))), 1)
            .get(0);
    Subscription failedByA =
        claimedByA.withRunState(Optional.of(NOW.plus(Duration.ofDays(1))), 1,
            Optional.of(run(RunOutcome.FAILED, Optional.empty(), Optional.of("timeout"))),
            Optional.empty());

    assertThat(subscriptions.finishRun(claimedByA, failedByA)).isFalse();
    assertThat(subscriptions.release(claimedByA)).isFalse();
    assertThat(subscriptions.find(claimedByA.id())).contains(claimedByB);
  }

  @Test
  void anOwnerHoldingANewerLeaseDoesNotEndItWithTheOlderClaim() {
    store(aSubscription());
    Subscription firstClaim =
        subscriptions.claimDue(NOW, leaseOf("scheduler-a", Duration.ofMinutes(1)), 1).get(0);
    Instant later = NOW.plus(Duration.ofMinutes(2));
    Subscription secondClaim =
        subscriptions
            .claimDue(later, new Lease("scheduler-a", later.plus(Duration.ofMinutes(1))), 1)
            .get(0);

    Subscription done = firstClaim.withRunState(Optional.of(NOW.plus(Duration.ofDays(1))), 0,
        Optional.of(run(RunOutcome.DELIVERED, Optional.empty(), Optional.empty())),
        Optional.empty());
    assertThat(subscriptions.finishRun(firstClaim, done)).isFalse();
    assertThat(subscriptions.find(firstClaim.id())).contains(secondClaim);
  }

  @Test
  void anUpdateDuringTheRunKeepsItsNextRunAndTheRunIsStillRecorded() {
    Subscription stored = store(aSubscription().name("before"));
    Subscription claimed =
        subscriptions.claimDue(NOW, leaseOf("scheduler-1", Duration.ofMinutes(5)), 1).get(0);
    Instant nextOfTheChange = NOW.plus(Duration.ofHours(3));
    Subscription changed =
        new Subscription(stored.id(), Optional.of("after"), stored.reportType(), stored.scope(),
            stored.method(), stored.recipients(),
            DeliverySchedule.daily(LocalTime.of(10, 0), ZoneOffset.UTC), stored.templateId(),
            true, false, stored.createdAt(), NOW.plusSeconds(1), Optional.of(nextOfTheChange),
            0, Optional.empty(), Optional.empty());
    assertThat(subscriptions.update(stored, changed)).isTrue();
    SubscriptionRun run = run(RunOutcome.SKIPPED, Optional.empty(), Optional.empty());

    Subscription done = claimed.withRunState(Optional.of(NOW.plus(Duration.ofDays(1))), 0,
        Optional.of(run), Optional.empty());
    assertThat(subscriptions.finishRun(claimed, done)).isTrue();

    assertThat(subscriptions.find(stored.id()))
        .contains(changed.withRunState(Optional.of(nextOfTheChange), 0, Optional.of(run),
            Optional.empty()));
  }

  @Test
  void aRunIsEndedOrReleasedOnlyFromAClaim() {
    Subscription unclaimed = store(aSubscription());

    assertThatThrownBy(() -> subscriptions.finishRun(unclaimed, unclaimed))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> subscriptions.release(unclaimed))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(subscriptions.find(unclaimed.id())).contains(unclaimed);
  }

  // --- release ----------------------------------------------------------------------------------

  @Test
  void releaseGivesBackAnUnrunSubscriptionOnlyWhileTheLeaseIsOurs() {
    Subscription stored = store(aSubscription());
    Subscription claimed =
        subscriptions.claimDue(NOW, leaseOf("scheduler-1", Duration.ofMinutes(5)), 1).get(0);

    assertThat(subscriptions.release(claimed)).isTrue();
    assertThat(subscriptions.find(stored.id())).contains(stored);
    assertThat(subscriptions.release(claimed)).isFalse();

    Subscription reclaimed =
        subscriptions.claimDue(NOW, leaseOf("scheduler-2", Duration.ofMinutes(5)), 1).get(0);
    assertThat(subscriptions.release(claimed)).as("scheduler-1's lease is gone").isFalse();
    assertThat(subscriptions.find(stored.id())).contains(reclaimed);
  }

  @Test
  void unscheduledListsOnlyActiveSubscriptionsWithoutANextRunOldestFirst() {
    Subscription older = store(aSubscription().notScheduled().createdAt(NOW.minus(Duration.ofDays(2))));
    Subscription newer = store(aSubscription().notScheduled().createdAt(NOW.minus(Duration.ofDays(1))));
    store(aSubscription().notScheduled().paused());
    store(aSubscription().dueAt(NOW));

    assertThat(subscriptions.unscheduled(10)).containsExactly(older, newer);
    assertThat(subscriptions.unscheduled(1)).containsExactly(older);

    Subscription scheduled = older.withRunState(Optional.of(NOW.plus(Duration.ofHours(1))), 0, Optional.empty(),
        Optional.empty());
    assertThat(subscriptions.update(older, scheduled)).isTrue();
    assertThat(subscriptions.unscheduled(10)).containsExactly(newer);
  }

  // --- errors -----------------------------------------------------------------------------------

  @Test
  void aFailureNamesTheOperationButNotTheRecipients() throws Exception {
    Subscription slack =
        aSubscription().method(DeliveryMethod.SLACK).recipients(WEBHOOK).build();
    try (JdbcPersistence unmigrated = openUnmigratedDatabase()) {
      SubscriptionRepository repository = unmigrated.subscriptions();

      assertThatThrownBy(() -> repository.insert(slack))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("store subscription " + slack.id())
          .hasMessageContaining("report_subscriptions")
          .hasMessageNotContaining("s3cretT0ken");
      assertThatThrownBy(() -> repository.update(slack, slack))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("update subscription " + slack.id())
          .hasMessageNotContaining("s3cretT0ken");
      assertThatThrownBy(() -> repository.claimDue(NOW, leaseOf("w", Duration.ofMinutes(1)), 5))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("claim due subscriptions");
    }
  }

  @Test
  void aRowThatCannotBeReadIsNamedButItsRecipientsAreNot() {
    Subscription slack = store(aSubscription().method(DeliveryMethod.SLACK).recipients(WEBHOOK));
    persistence.jdbi().useHandle(h -> h.execute(
        "UPDATE report_subscriptions SET timezone = 'Mars/Olympus_Mons' WHERE id = '"
            + slack.id() + "'"));

    assertThatThrownBy(() -> subscriptions.find(slack.id()))
        .isInstanceOf(PersistenceException.class)
        .hasMessageContaining("Subscription " + slack.id())
        .hasMessageNotContaining("s3cretT0ken");
  }

  // --- helpers ----------------------------------------------------------------------------------

  Subscription store(SubscriptionFixture fixture) {
    Subscription subscription = fixture.build();
    subscriptions.insert(subscription);
    return subscription;
  }

  static Subscription claimedAs(Subscription before, Lease lease) {
    return before.withRunState(before.nextRunAt(), before.failedAttempts(), before.lastRun(),
        Optional.of(lease));
  }

  static Subscription renamed(Subscription subscription, String name, Instant updatedAt) {
    return new Subscription(subscription.id(), Optional.of(name), subscription.reportType(),
        subscription.scope(), subscription.method(), subscription.recipients(),
        subscription.schedule(), subscription.templateId(), subscription.active(),
        subscription.skipIfEmpty(), subscription.createdAt(), updatedAt,
        subscription.nextRunAt(), subscription.failedAttempts(), subscription.lastRun(),
        subscription.lease());
  }

  /** A report_templates row of {@code gym} (null: shared by every gym). */
  UUID insertTemplate(UUID gym) {
    UUID id = UUID.randomUUID();
    persistence.jdbi().useHandle(h -> h.execute(
        "INSERT INTO report_templates (id, gym_id, name, report_type, content) VALUES ('" + id
            + "', " + (gym == null ? "NULL" : "'" + gym + "'")
            + ", 'template', 'daily', '<p>{{leads}}</p>')"));
    return id;
  }

  SubscriptionPage list(QueryBuilder query) {
    return subscriptions.list(query.build());
  }

  static QueryBuilder query() {
    return new QueryBuilder();
  }

  /** Fills a {@link SubscriptionQuery}; every filter absent, the first 100. */
  static final class QueryBuilder {
    private Optional<Set<UUID>> gyms = Optional.empty();
    private boolean withoutGym;
    private Optional<UUID> branch = Optional.empty();
    private Optional<Boolean> active = Optional.empty();
    private int limit = 100;
    private int offset;

    QueryBuilder gyms(Set<UUID> value) {
      gyms = Optional.of(value);
      return this;
    }

    QueryBuilder withoutGym() {
      withoutGym = true;
      return this;
    }

    QueryBuilder branch(UUID value) {
      branch = Optional.of(value);
      return this;
    }

    QueryBuilder active(boolean value) {
      active = Optional.of(value);
      return this;
    }

    QueryBuilder page(int pageLimit, int pageOffset) {
      limit = pageLimit;
      offset = pageOffset;
      return this;
    }

    SubscriptionQuery build() {
      return new SubscriptionQuery(gyms, withoutGym, branch, active, limit, offset);
    }
  }

  /**
   * Lets each scheduler claim batches of due subscriptions at NOW, all starting at once, until
   * none is left; each holds on to its first batch until every one has one (see {@link
   * DeliveryRepositoryContract#claimAllConcurrently}). Asserts that every one of {@code due} was
   * claimed exactly once, by the scheduler whose lease it now holds. Returns how many each
   * claimed.
   */
  List<Integer> claimAllConcurrently(
      List<SubscriptionRepository> schedulers, List<Subscription> due, int batch)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(schedulers.size());
    CountDownLatch everyoneHoldsABatch = new CountDownLatch(schedulers.size());
    List<Callable<List<SubscriptionId>>> claimers = new ArrayList<>();
    for (int w = 0; w < schedulers.size(); w++) {
      SubscriptionRepository scheduler = schedulers.get(w);
      Lease lease = new Lease("scheduler-" + w, NOW.plus(Duration.ofMinutes(5)));
      claimers.add(() -> {
        start.await(10, TimeUnit.SECONDS);
        List<SubscriptionId> claimed = new ArrayList<>();
        List<Subscription> claimedNow;
        while (!(claimedNow = scheduler.claimDue(NOW, lease, batch)).isEmpty()) {
          if (claimed.isEmpty()) {
            everyoneHoldsABatch.countDown();
            assertThat(everyoneHoldsABatch.await(10, TimeUnit.SECONDS)).isTrue();
          }
          claimedNow.forEach(s -> claimed.add(s.id()));
        }
        return claimed;
      });
    }

    List<List<SubscriptionId>> claimedPerScheduler = runConcurrently(claimers);

    List<SubscriptionId> all = claimedPerScheduler.stream().flatMap(List::stream).toList();
    assertThat(all).doesNotHaveDuplicates();
    assertThat(all)
        .containsExactlyInAnyOrderElementsOf(due.stream().map(Subscription::id).toList());
    for (int w = 0; w < schedulers.size(); w++) {
      for (SubscriptionId id : claimedPerScheduler.get(w)) {
        Subscription stored = subscriptions.find(id).orElseThrow();
        assertThat(stored.lease().orElseThrow().owner()).isEqualTo("scheduler-" + w);
      }
    }
    return claimedPerScheduler.stream().map(List::size).toList();
  }

  /** Stores {@code count} active subscriptions, due one second apart before NOW. */
  List<Subscription> storeDue(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> store(aSubscription().dueAt(NOW.minusSeconds(count - i))))
        .toList();
  }
}
