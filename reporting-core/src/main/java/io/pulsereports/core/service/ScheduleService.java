package io.pulsereports.core.service;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.InvalidReportRequestException;
import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryId;
import io.pulsereports.core.delivery.DeliverySettings;
import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.model.PeriodKind;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.core.port.in.RunScheduleUseCase;
import io.pulsereports.core.port.in.ScheduleRunResult;
import io.pulsereports.core.port.in.SendReportCommand;
import io.pulsereports.core.port.in.SendReportUseCase;
import io.pulsereports.core.port.out.SubscriptionRepository;
import io.pulsereports.core.schedule.RunOutcome;
import io.pulsereports.core.schedule.ScheduledRun;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.schedule.SubscriptionRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * One pass of the scheduler: claims due subscriptions and runs each once.
 *
 * <p>A run delivers the subscription's latest due period (so after downtime the latest missed
 * period is delivered once, not every missed one), through the send use case with the
 * subscription's id: the delivery log's unique key {@code subscription:<id>:<type>:<period>:<channel>}
 * is what makes a second delivery of a period impossible, whichever instance runs it and however
 * often a run is repeated after a crash. The claim only keeps instances from doing the same work
 * twice. A report that cannot be generated (the source database is down) is retried with the
 * delivery retry policy's back-off until the next run is due; a subscription whose stored
 * configuration is no longer valid fails its run at once.
 */
final class ScheduleService implements RunScheduleUseCase {

  static final int MAX_ERROR_LENGTH = 1000;

  private final SendReportUseCase send;
  private final SubscriptionRepository repository;
  private final DeliverySettings settings;
  private final Optional<Duration> catchUpWindow;

  ScheduleService(
      SendReportUseCase send,
      SubscriptionRepository repository,
      DeliverySettings settings,
      Optional<Duration> catchUpWindow) {
    this.send = requireNonNull(send, "send");
    this.repository = requireNonNull(repository, "repository");
    this.settings = requireNonNull(settings, "settings");
    this.catchUpWindow = requireNonNull(catchUpWindow, "catchUpWindow");
  }

  @Override
  public ScheduleRunResult runDueSubscriptions(int limit, BooleanSupplier stopRequested) {
    Instant now = settings.clock().instant();
    scheduleUnscheduled(now, limit);
    List<Subscription> claimed =
        repository.claimDue(now, new Lease(settings.workerId(), now.plus(settings.lease())), limit);
    List<ScheduleRunResult.Entry> runs = new ArrayList<>();
    for (int i = 0; i < claimed.size(); i++) {
      if (stopRequested.getAsBoolean()) {
        claimed.subList(i, claimed.size()).forEach(repository::release);
        break;
      }
      Subscription subscription = claimed.get(i);
      run(subscription).ifPresent(run -> runs.add(new ScheduleRunResult.Entry(subscription.id(), run)));
    }
    return new ScheduleRunResult(runs, claimed.size());
  }

  /**
   * Active subscriptions without a next run (written before the scheduler existed, or by hand) are
   * scheduled from now, like new ones: nothing already past fires for them.
   */
  private void scheduleUnscheduled(Instant now, int limit) {
    for (Subscription unscheduled : repository.unscheduled(limit)) {
      Optional<Instant> next = Optional.of(unscheduled.schedule().nextAfter(now).fireAt());
      // A concurrent change or another instance scheduling it first both leave it scheduled.
      repository.update(unscheduled, unscheduled.withRunState(next, unscheduled.failedAttempts(),
          unscheduled.lastRun(), unscheduled.lease()));
    }
  }

  /** Runs one claimed subscription; empty when nothing was due after all (its next run is moved). */
  private Optional<SubscriptionRun> run(Subscription claimed) {
    Instant now = settings.clock().instant();
    Optional<ScheduledRun> latest = claimed.schedule().latestAtOrBefore(now);
    Instant scheduled = claimed.nextRunAt().orElse(now);
    boolean retrying = claimed.failedAttempts() > 0;
    if (latest.isEmpty() || (!retrying && latest.get().fireAt().isBefore(scheduled))) {
      finish(claimed, claimed.withRunState(
          Optional.of(claimed.schedule().nextAfter(now).fireAt()), 0, claimed.lastRun(), Optional.empty()));
      return Optional.empty();
    }
    ScheduledRun due = latest.get();
    Instant following = claimed.schedule().nextAfter(due.fireAt()).fireAt();
    if (catchUpWindow.isPresent() && Duration.between(due.fireAt(), now).compareTo(catchUpWindow.get()) > 0) {
      SubscriptionRun missed = record(due, now, RunOutcome.MISSED, Optional.empty(),
          Optional.of("due at " + due.fireAt() + ", later than the catch-up window of " + catchUpWindow.get()));
      finish(claimed, claimed.withRunState(Optional.of(following), 0, Optional.of(missed), Optional.empty()));
      return Optional.of(missed);
    }
    SubscriptionRun run;
    Optional<Instant> next = Optional.of(following);
    int failedAttempts = 0;
    try {
      Delivery delivery = send.send(command(claimed, due.period())).delivery();
      run = record(due, settings.clock().instant(), outcome(delivery), Optional.of(delivery.id()),
          delivery.lastError().filter(error -> outcome(delivery) == RunOutcome.FAILED));
    } catch (InvalidReportRequestException e) {
      // The stored configuration is no longer acceptable (a recipient host no longer allowed, a
      // report type no longer registered): no retry changes that.
      run = record(due, settings.clock().instant(), RunOutcome.FAILED, Optional.empty(),
          Optional.of("the subscription is no longer valid: " + e.getMessage()));
    } catch (RuntimeException e) {
      Instant failedAt = settings.clock().instant();
      failedAttempts = claimed.failedAttempts() + 1;
      String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
      if (settings.retryPolicy().attemptsLeftAfter(failedAttempts)) {
        Instant retryAt = failedAt.plus(settings.retryPolicy().delayAfter(failedAttempts, settings.random()));
        next = Optional.of(retryAt.isBefore(following) ? retryAt : following);
        run = record(due, failedAt, RunOutcome.FAILED, Optional.empty(),
            Optional.of("attempt " + failedAttempts + " failed, retrying at " + next.get() + ": " + reason));
        if (!retryAt.isBefore(following)) {
          failedAttempts = 0;
        }
      } else {
        run = record(due, failedAt, RunOutcome.FAILED, Optional.empty(),
            Optional.of("gave up after " + failedAttempts + " attempts: " + reason));
        failedAttempts = 0;
      }
    }
    finish(claimed, claimed.withRunState(next, failedAttempts, Optional.of(run), Optional.empty()));
    return Optional.of(run);
  }

  private void finish(Subscription claimed, Subscription updated) {
    // False when the lease ran out and another instance took the subscription over: its run
    // stands; ours changed nothing the delivery log does not already guard.
    repository.finishRun(claimed, updated);
  }

  private static SendReportCommand command(Subscription subscription, ReportPeriod period) {
    GenerateReportCommand.Builder report = GenerateReportCommand.builder(subscription.reportType().name())
        .timezone(subscription.schedule().zone().getId());
    subscription.scope().ifPresent(scope -> {
      report.gymId(scope.gymId().toString());
      scope.branchId().map(UUID::toString).ifPresent(report::branchId);
    });
    if (subscription.schedule().kind() == PeriodKind.DAY) {
      report.date(period.startDate().toString());
    } else {
      report.startDate(period.startDate().toString()).endDate(period.endDate().toString());
    }
    return new SendReportCommand(report.build(), subscription.method().code(), subscription.recipients(),
        Optional.of(subscription.id().toString()), Optional.empty(), subscription.skipIfEmpty(),
        subscription.templateId().map(UUID::toString));
  }

  private static RunOutcome outcome(Delivery delivery) {
    return switch (delivery.status()) {
      case SENT -> RunOutcome.DELIVERED;
      case SKIPPED -> RunOutcome.SKIPPED;
      case FAILED -> RunOutcome.FAILED;
      case PENDING, SENDING, RETRYING -> RunOutcome.CREATED;
      case PREVIEW -> throw new IllegalStateException("a subscription's delivery is never a preview: " + delivery.id());
    };
  }

  private static SubscriptionRun record(
      ScheduledRun due, Instant ranAt, RunOutcome outcome, Optional<DeliveryId> delivery,
      Optional<String> error) {
    return new SubscriptionRun(due.fireAt(), ranAt, due.period().startDate(), due.period().endDate(), outcome,
        delivery, error.map(ScheduleService::shorten));
  }

  private static String shorten(String error) {
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }
}
