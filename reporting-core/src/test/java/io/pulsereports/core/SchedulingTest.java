package io.pulsereports.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.DeliveryStatus;
import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.delivery.RetryPolicy;
import io.pulsereports.core.model.PeriodActivity;
import io.pulsereports.core.model.PeriodKind;
import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.in.ScheduleRunResult;
import io.pulsereports.core.port.in.SubscriptionFields;
import io.pulsereports.core.schedule.RunOutcome;
import io.pulsereports.core.schedule.SchedulerSettings;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.schedule.SubscriptionRun;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Subscriptions and the scheduler over fakes of the core's ports, with a clock moved by hand. */
class SchedulingTest {

  record Tally(long count) implements PeriodActivity {
    @Override
    public boolean hasActivity() {
      return count > 0;
    }
  }

  private static final String GYM = "3f0c9c1e-8a4b-4d43-9a43-2b4c1d2e3f40";
  private static final RetryPolicy THREE_ATTEMPTS =
      new RetryPolicy(3, Duration.ofMinutes(1), 2.0, Duration.ofMinutes(30), 0.2);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-05T12:00:00Z"));
  private final InMemoryDeliveryRepository deliveries = new InMemoryDeliveryRepository();
  private final InMemorySubscriptionRepository subscriptions = new InMemorySubscriptionRepository();
  private final RecordingReportDeliverer email = new RecordingReportDeliverer(DeliveryMethod.EMAIL);
  /** The periods reports were generated for, with the instant each was asked for. */
  private final List<Generated> generated = new ArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private long tally = 5;

  record Generated(Instant at, String type, ReportPeriod period) {}

  private Reporting reporting(String worker, SchedulerSettings settings) {
    return Reporting.builder()
        .clock(clock)
        .register(definition("tally", PeriodKind.DAY, false))
        .register(definition("tally-week", PeriodKind.WEEK, false))
        .register(definition("gym-tally", PeriodKind.DAY, true))
        .delivery(deliveries,
            (report, format) -> List.of(new RenderedOutput("report", ReportFormat.JSON,
                ("{\"count\": " + ((Tally) report.body()).count() + "}").getBytes(StandardCharsets.UTF_8))),
            (stored, link) -> new DeliveryContent("Tally", "tally", List.of(), "<p>" + stored.reportData() + "</p>",
                stored.reportData(), List.of(), List.of(), link))
        .deliverer(email)
        .subscriptions(subscriptions)
        .retryPolicy(THREE_ATTEMPTS)
        .jitter(() -> 0.5)
        .workerId(worker)
        .lease(Duration.ofMinutes(5))
        .schedulerSettings(settings)
        .build();
  }

  private Reporting reporting() {
    return reporting("worker-a", SchedulerSettings.defaults());
  }

  private ReportDefinition<Tally> definition(String name, PeriodKind kind, boolean gymScoped) {
    return new ReportDefinition<>(new ReportType(name), kind, gymScoped, request -> {
      synchronized (generated) {
        generated.add(new Generated(clock.instant(), name, request.period()));
      }
      if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new ReportingException("the source database is unreachable");
      }
      return new Tally(tally);
    });
  }

  private static SubscriptionFields.Builder fields(String type, String time, String zone) {
    return SubscriptionFields.builder().reportType(type).deliveryMethod("email")
        .recipients(List.of("ana@example.com")).deliveryTime(time).timezone(Optional.of(zone));
  }

  /** Moves the clock to {@code end} in {@code step}s, running one scheduler pass at each. */
  private void runUntil(Reporting reporting, Instant end, Duration step) {
    while (clock.instant().isBefore(end)) {
      clock.advance(step);
      reporting.runDueSubscriptions(50);
      reporting.runDueDeliveries(50);
    }
  }

  private List<Instant> fireTimes() {
    return generated.stream().map(Generated::at).toList();
  }

  private List<LocalDate> deliveredDays() {
    return deliveries.all().stream().filter(d -> d.status() == DeliveryStatus.SENT)
        .map(d -> d.period().startDate()).sorted().toList();
  }

  @Test
  void aNewSubscriptionIsValidatedStoredAndScheduledFromNow() {
    Subscription created = reporting().createSubscription(fields("tally", "08:00", "America/New_York").build());

    // 2026-03-05 is still EST (UTC-5): 08:00 local is 13:00 UTC, an hour after now.
    assertThat(created.nextRunAt()).contains(Instant.parse("2026-03-05T13:00:00Z"));
    assertThat(created.active()).isTrue();
    assertThat(subscriptions.all()).containsExactly(created);
    assertThat(reporting().nextRuns(created, 3)).extracting(run -> run.period().startDate())
        .containsExactly(LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-05"), LocalDate.parse("2026-03-06"));
  }

  static Stream<Arguments> badSubscriptions() {
    return Stream.of(
        Arguments.of(fields("monthly", "08:00", "UTC"), "report_type", "unknown report type 'monthly'"),
        Arguments.of(fields("tally", "08:00", "Mars/Olympus_Mons"), "timezone", "unknown time zone"),
        Arguments.of(fields("tally", "24:00", "UTC"), "delivery_time", "from 00:00 to 23:59"),
        Arguments.of(fields("tally", "8am", "UTC"), "delivery_time", "'8am' is not a time of day"),
        Arguments.of(fields("tally", "07:60", "UTC"), "delivery_time", "not a time of day"),
        Arguments.of(fields("tally", null, "UTC"), "delivery_time", "required"),
        Arguments.of(fields("tally", "08:00", "UTC").recipients(List.of()), "recipients", "at least one recipient"),
        Arguments.of(fields("tally", "08:00", "UTC").recipients(List.of("invalid@")), "recipients",
            "recipient 1: 'invalid@' is not a valid address"),
        Arguments.of(fields("tally", "08:00", "UTC").deliveryMethod("fax"), "delivery_method", "unknown delivery method"),
        Arguments.of(fields("tally-week", "08:00", "UTC"), "delivery_days", "required for tally-week reports"),
        Arguments.of(fields("tally-week", "08:00", "UTC").deliveryDays(List.of("funday")), "delivery_days",
            "'funday' is not a day of the week"),
        Arguments.of(fields("gym-tally", "08:00", "UTC"), "gym_id", "required"),
        Arguments.of(fields("gym-tally", "08:00", "UTC").gymId(Optional.of("not-a-uuid")), "gym_id", "is not a UUID"),
        Arguments.of(fields("tally", "08:00", "UTC").gymId(Optional.of(GYM)), "gym_id", "not scoped to a gym"),
        Arguments.of(fields("tally", "08:00", "UTC").templateId(Optional.of(UUID.randomUUID().toString())),
            "template_id", "no template"),
        Arguments.of(fields("tally", "08:00", "UTC").name(Optional.of("x".repeat(201))), "name", "longer than 200"));
  }

  @ParameterizedTest
  @MethodSource("badSubscriptions")
  void aBadSubscriptionNamesTheFieldAndStoresNothing(SubscriptionFields.Builder bad, String field, String problem) {
    assertThatThrownBy(() -> reporting().createSubscription(bad.build()))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.problem()).contains(problem);
        });
    assertThat(subscriptions.all()).isEmpty();
  }

  @Test
  void dayNamesAreAcceptedInShortAndLongFormInAnyCase() {
    Subscription weekly = reporting().createSubscription(
        fields("tally-week", "9:05:00", "UTC").deliveryDays(List.of("Mon", "FRIDAY", "monday")).build());

    assertThat(weekly.schedule().deliveryDays())
        .containsExactly(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY);
    assertThat(weekly.schedule().deliveryTime()).isEqualTo(java.time.LocalTime.of(9, 5));
  }

  @Test
  void dailyRunsFireAtTheLocalTimeAcrossSpringForwardAndDeliverThePreviousDay() {
    Reporting reporting = reporting();
    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-03-06T00:00:00Z")));
    reporting.createSubscription(fields("tally", "02:30", "America/New_York").build());

    runUntil(reporting, Instant.parse("2026-03-10T00:00:00Z"), Duration.ofMinutes(15));

    assertThat(fireTimes()).containsExactly(
        Instant.parse("2026-03-06T07:30:00Z"),  // 02:30 EST
        Instant.parse("2026-03-07T07:30:00Z"),
        Instant.parse("2026-03-08T07:00:00Z"),  // 02:30 does not exist: 03:00 EDT, the first valid instant
        Instant.parse("2026-03-09T06:30:00Z")); // 02:30 EDT
    assertThat(deliveredDays()).containsExactly(LocalDate.parse("2026-03-05"), LocalDate.parse("2026-03-06"),
        LocalDate.parse("2026-03-07"), LocalDate.parse("2026-03-08"));
    assertThat(email.sent).hasSize(4);
  }

  @Test
  void aLocalTimeThatHappensTwiceOnFallBackFiresOnce() {
    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-10-31T00:00:00Z")));
    Reporting reporting = reporting();
    reporting.createSubscription(fields("tally", "01:30", "America/New_York").build());

    runUntil(reporting, Instant.parse("2026-11-03T00:00:00Z"), Duration.ofMinutes(15));

    assertThat(fireTimes()).containsExactly(
        Instant.parse("2026-10-31T05:30:00Z"),  // 01:30 EDT
        Instant.parse("2026-11-01T05:30:00Z"),  // the first 01:30 (EDT); the second, EST, does not fire
        Instant.parse("2026-11-02T06:30:00Z")); // 01:30 EST
    assertThat(deliveredDays()).containsExactly(LocalDate.parse("2026-10-30"), LocalDate.parse("2026-10-31"),
        LocalDate.parse("2026-11-01"));
    // The report of the 25-hour day covers all of it.
    Delivery fallBackDay = deliveries.all().stream()
        .filter(d -> d.period().startDate().equals(LocalDate.parse("2026-11-01"))).findFirst().orElseThrow();
    assertThat(Duration.between(fallBackDay.period().start(), fallBackDay.period().end())).hasHours(25);
  }

  @Test
  void weeklyRunsInAZoneWithAQuarterHourOffsetDeliverThePreviousIsoWeek() {
    Reporting reporting = reporting();
    reporting.createSubscription(
        fields("tally-week", "09:00", "Asia/Kathmandu").deliveryDays(List.of("monday", "thursday")).build());

    runUntil(reporting, Instant.parse("2026-03-17T00:00:00Z"), Duration.ofMinutes(15));

    // Kathmandu is UTC+05:45: 09:00 local is 03:15 UTC.
    assertThat(fireTimes()).containsExactly(
        Instant.parse("2026-03-09T03:15:00Z"), Instant.parse("2026-03-12T03:15:00Z"),
        Instant.parse("2026-03-16T03:15:00Z"));
    // Monday and Thursday of one week deliver the same previous week: the second is a duplicate.
    assertThat(deliveries.all()).extracting(d -> d.period().startDate() + ".." + d.period().endDate())
        .containsExactly("2026-03-02..2026-03-08", "2026-03-09..2026-03-15");
    assertThat(email.sent).hasSize(2);
    assertThat(subscriptions.all().get(0).lastRun()).map(SubscriptionRun::outcome).contains(RunOutcome.DELIVERED);
  }

  @Test
  void aZoneWithAHalfHourOffsetFiresAtItsLocalTime() {
    Reporting reporting = reporting();
    reporting.createSubscription(fields("tally", "07:00", "Asia/Kolkata").build());

    runUntil(reporting, Instant.parse("2026-03-07T00:00:00Z"), Duration.ofMinutes(15));

    assertThat(fireTimes()).containsExactly(Instant.parse("2026-03-06T01:30:00Z"));
    assertThat(deliveredDays()).containsExactly(LocalDate.parse("2026-03-05"));
  }

  @Test
  void afterDowntimeOnlyTheLatestMissedPeriodIsDeliveredOnce() {
    Reporting reporting = reporting();
    reporting.createSubscription(fields("tally", "08:00", "UTC").build());

    // Nothing runs for four days, then the scheduler starts again.
    clock.advance(Duration.ofDays(4));
    reporting.runDueSubscriptions(50);
    reporting.runDueSubscriptions(50);

    assertThat(deliveredDays()).containsExactly(LocalDate.parse("2026-03-08"));
    assertThat(subscriptions.all().get(0).nextRunAt()).contains(Instant.parse("2026-03-10T08:00:00Z"));
  }

  @Test
  void aSubscriptionWrittenWithoutANextRunIsScheduledFromNow() {
    Reporting reporting = reporting();
    Subscription legacy = reporting.createSubscription(fields("tally", "13:00", "UTC").build());
    subscriptions.forgetNextRun(legacy);
    clock.advance(Duration.ofDays(2)); // 2026-03-07T12:00Z: runs of the 5th and 6th have passed

    assertThat(reporting.runDueSubscriptions(50).claimed()).isZero();
    assertThat(subscriptions.all().get(0).nextRunAt()).contains(Instant.parse("2026-03-07T13:00:00Z"));

    runUntil(reporting, Instant.parse("2026-03-07T14:00:00Z"), Duration.ofMinutes(30));
    assertThat(deliveredDays()).containsExactly(LocalDate.parse("2026-03-06"));
  }

  @Test
  void aRunLaterThanTheCatchUpWindowIsRecordedAsMissed() {
    Reporting reporting = reporting("worker-a",
        SchedulerSettings.defaults().withCatchUpWindow(Optional.of(Duration.ofHours(1))));
    reporting.createSubscription(fields("tally", "08:00", "UTC").build());

    clock.advance(Duration.ofDays(4)); // 2026-03-09T12:00Z: four hours after the 08:00 run
    ScheduleRunResult result = reporting.runDueSubscriptions(50);

    assertThat(result.count(RunOutcome.MISSED)).isEqualTo(1);
    assertThat(deliveries.all()).isEmpty();
    SubscriptionRun missed = subscriptions.all().get(0).lastRun().orElseThrow();
    assertThat(missed.periodStart()).isEqualTo(LocalDate.parse("2026-03-08"));
    assertThat(missed.error()).hasValueSatisfying(error -> assertThat(error).contains("catch-up window"));

    runUntil(reporting, Instant.parse("2026-03-10T09:00:00Z"), Duration.ofMinutes(30));
    assertThat(deliveredDays()).containsExactly(LocalDate.parse("2026-03-09"));
  }

  @Test
  void aReportThatCannotBeGeneratedIsRetriedWithBackOffThenDeliveredOnce() {
    Reporting reporting = reporting();
    reporting.createSubscription(fields("tally", "13:00", "UTC").build());
    failuresLeft.set(2);

    clock.advance(Duration.ofHours(1)); // 13:00, due
    reporting.runDueSubscriptions(50);
    Subscription afterFailure = subscriptions.all().get(0);
    assertThat(afterFailure.lastRun()).map(SubscriptionRun::outcome).contains(RunOutcome.FAILED);
    assertThat(afterFailure.lastRun().flatMap(SubscriptionRun::error)).hasValueSatisfying(
        error -> assertThat(error).contains("attempt 1", "the source database is unreachable"));
    // Back-off of the retry policy: 1 min with jitter 0.5 (±0 %).
    assertThat(afterFailure.nextRunAt()).contains(Instant.parse("2026-03-05T13:01:00Z"));
    assertThat(afterFailure.failedAttempts()).isEqualTo(1);

    runUntil(reporting, Instant.parse("2026-03-05T14:00:00Z"), Duration.ofMinutes(1));

    assertThat(deliveredDays()).containsExactly(LocalDate.parse("2026-03-04"));
    assertThat(generated).hasSize(3);
    Subscription after = subscriptions.all().get(0);
    assertThat(after.failedAttempts()).isZero();
    assertThat(after.lastRun()).map(SubscriptionRun::outcome).contains(RunOutcome.DELIVERED);
    assertThat(after.nextRunAt()).contains(Instant.parse("2026-03-06T13:00:00Z"));
  }

  @Test
  void anEmptyPeriodIsRecordedAsSkippedWhenTheSubscriptionSkipsEmptyReports() {
    Reporting reporting = reporting();
    tally = 0;
    reporting.createSubscription(fields("tally", "13:00", "UTC").skipIfEmpty(true).build());

    clock.advance(Duration.ofHours(1));
    ScheduleRunResult result = reporting.runDueSubscriptions(50);

    assertThat(result.count(RunOutcome.SKIPPED)).isEqualTo(1);
    assertThat(email.sent).isEmpty();
    assertThat(deliveries.all()).extracting(Delivery::status).containsExactly(DeliveryStatus.SKIPPED);
  }

  @Test
  void aPausedSubscriptionDoesNotRunAndResumingDoesNotDeliverWhatWasMissed() {
    Reporting reporting = reporting();
    Subscription created = reporting.createSubscription(fields("tally", "13:00", "UTC").build());
    Subscription paused = reporting.pauseSubscription(created.id().toString());
    assertThat(paused.nextRunAt()).isEmpty();
    assertThat(reporting.nextRuns(paused, 3)).isEmpty();

    runUntil(reporting, Instant.parse("2026-03-08T12:00:00Z"), Duration.ofHours(1));
    assertThat(generated).isEmpty();

    Subscription resumed = reporting.resumeSubscription(created.id().toString());
    assertThat(resumed.nextRunAt()).contains(Instant.parse("2026-03-08T13:00:00Z"));
    runUntil(reporting, Instant.parse("2026-03-08T14:00:00Z"), Duration.ofMinutes(30));
    assertThat(deliveredDays()).containsExactly(LocalDate.parse("2026-03-07"));
  }

  @Test
  void changingTheScheduleTakesEffectFromNow() {
    Reporting reporting = reporting();
    Subscription created = reporting.createSubscription(fields("tally", "13:00", "UTC").build());

    Subscription moved = reporting.updateSubscription(created.id().toString(),
        SubscriptionFields.from(created).deliveryTime("18:30").timezone(Optional.of("Europe/Berlin")).build());

    assertThat(moved.nextRunAt()).contains(Instant.parse("2026-03-05T17:30:00Z"));
    assertThat(moved.updatedAt()).isAfter(created.updatedAt());
    assertThat(reporting.findSubscription(created.id().toString())).contains(moved);
    assertThatThrownBy(() -> reporting.updateSubscription(created.id().toString(),
        SubscriptionFields.from(created).deliveryTime("25:00").build()))
        .isInstanceOf(InvalidReportRequestException.class);
    assertThat(reporting.findSubscription(created.id().toString())).contains(moved);
  }

  @Test
  void unknownAndMalformedIdsNameTheField() {
    Reporting reporting = reporting();
    assertThatThrownBy(() -> reporting.pauseSubscription("nope"))
        .isInstanceOfSatisfying(InvalidReportRequestException.class,
            e -> assertThat(e.field()).isEqualTo("subscription_id"));
    assertThatThrownBy(() -> reporting.removeSubscription(UUID.randomUUID().toString()))
        .isInstanceOfSatisfying(InvalidReportRequestException.class,
            e -> assertThat(e.problem()).startsWith("no subscription"));
  }

  @Test
  void aDeadInstancesRunIsTakenOverAfterItsLeaseAndDeliveredOnce() {
    Reporting a = reporting("worker-a", SchedulerSettings.defaults());
    Reporting b = reporting("worker-b", SchedulerSettings.defaults());
    a.createSubscription(fields("tally", "13:00", "UTC").build());
    clock.advance(Duration.ofHours(1));

    // Instance a claims the due subscription and dies before running it.
    List<Subscription> held = subscriptions.claimDue(clock.instant(),
        new Lease("worker-a", clock.instant().plus(Duration.ofMinutes(5))), 10);
    assertThat(held).hasSize(1);
    assertThat(b.runDueSubscriptions(50).claimed()).isZero();

    clock.advance(Duration.ofMinutes(5));
    ScheduleRunResult takenOver = b.runDueSubscriptions(50);

    assertThat(takenOver.count(RunOutcome.DELIVERED)).isEqualTo(1);
    assertThat(email.sent).hasSize(1);
    // a comes back to life and finishes its stale run: the lease is b's no more, nothing changes.
    assertThat(subscriptions.finishRun(held.get(0), held.get(0))).isFalse();
    assertThat(a.send(new io.pulsereports.core.port.in.SendReportCommand(
        io.pulsereports.core.port.in.GenerateReportCommand.builder("tally").date("2026-03-04").timezone("UTC").build(),
        "email", List.of("ana@example.com"), Optional.of(held.get(0).id().toString()), Optional.empty(), false,
        Optional.empty()))
        .duplicate()).isTrue();
    assertThat(email.sent).hasSize(1);
  }

  @Test
  void stoppingReleasesWhatWasClaimedButNotRun() {
    Reporting reporting = reporting();
    for (int i = 0; i < 3; i++) {
      reporting.createSubscription(fields("tally", "13:00", "UTC").build());
    }
    clock.advance(Duration.ofHours(1));
    AtomicInteger runs = new AtomicInteger();

    ScheduleRunResult result = reporting.runDueSubscriptions(50, () -> runs.getAndIncrement() >= 1);

    assertThat(result.claimed()).isEqualTo(3);
    assertThat(result.runs()).hasSize(1);
    assertThat(subscriptions.all()).allSatisfy(s -> assertThat(s.lease()).isEmpty());
    assertThat(subscriptions.all()).filteredOn(s -> s.lastRun().isEmpty()).hasSize(2);
  }

  @Test
  void theBackgroundSchedulerRunsDueWorkAndStopsCleanly() throws InterruptedException {
    Reporting reporting = reporting("worker-a",
        SchedulerSettings.defaults().withPollInterval(Duration.ofMillis(20)));
    reporting.createSubscription(fields("tally", "13:00", "UTC").build());
    clock.advance(Duration.ofHours(1));
    CountDownLatch ran = new CountDownLatch(1);
    ReportScheduler scheduler = reporting.scheduler(new ReportScheduler.Listener() {
      @Override
      public void subscriptionsRun(ScheduleRunResult result) {
        ran.countDown();
      }
    });

    scheduler.start();
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(scheduler.stop()).isTrue();

    assertThat(scheduler.isRunning()).isFalse();
    assertThat(email.sent).hasSize(1);
    assertThat(subscriptions.all().get(0).lease()).isEmpty();
  }
}
