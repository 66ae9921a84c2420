package io.pulsereports.cli;

import io.pulsereports.core.ReportScheduler;
import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.port.in.RunDueResult;
import io.pulsereports.core.port.in.ScheduleRunResult;
import io.pulsereports.core.schedule.SchedulerSettings;
import io.pulsereports.core.schedule.SubscriptionQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "scheduler",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the scheduler in the foreground: delivers each subscription's report at its local delivery",
      "time, and retries failed deliveries. Stop it with Ctrl+C or SIGTERM: it finishes the report in",
      "hand and releases the rest. Several instances may share one PostgreSQL database; each",
      "(subscription, period) is delivered once. After downtime, each subscription's latest missed",
      "period is delivered once on start (see --catch-up)."})
final class SchedulerCommand implements Callable<Integer> {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final CliContext context;

  @Option(names = "--poll-interval", paramLabel = "DURATION",
      description = "the pause between passes when nothing is due, e.g. 15s, 1m (default 15s)")
  String pollInterval = "15s";

  @Option(names = "--batch-size", paramLabel = "N", description = "subscriptions or deliveries per claim (default 20, max 500)")
  int batchSize = 20;

  @Option(names = "--catch-up", paramLabel = "latest|none",
      description = {"after downtime: latest delivers each subscription's latest missed period once (default);",
          "none records runs later than --catch-up-window as missed instead"})
  String catchUp = "latest";

  @Option(names = "--catch-up-window", paramLabel = "DURATION",
      description = "with --catch-up none: how late a run may still be delivered (default 15m)")
  String catchUpWindow = "15m";

  @Option(names = "--once", description = "run one pass (what is due now) and exit, e.g. from cron")
  boolean once;

  @Mixin DatabaseOption databaseOption;

  @Mixin SourceDatabaseOption sourceOption;

  SchedulerCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    BadInputException.requireAtLeast("--batch-size", batchSize, 1);
    if (batchSize > 500) {
      throw new BadInputException("--batch-size", batchSize + " is over the maximum 500");
    }
    Duration poll = duration("--poll-interval", pollInterval);
    if (poll.isZero()) {
      throw new BadInputException("--poll-interval", "must be positive");
    }
    Optional<Duration> window = switch (catchUp.strip().toLowerCase(Locale.ROOT)) {
      case "latest" -> Optional.empty();
      case "none" -> Optional.of(duration("--catch-up-window", catchUpWindow));
      default -> throw new BadInputException("--catch-up", "'" + catchUp + "' is not latest or none");
    };
    SchedulerSettings settings =
        new SchedulerSettings(batchSize, poll, window, SchedulerSettings.defaults().shutdownTimeout());
    try (ReportingEngine engine = ReportingEngine.forScheduler(context, Databases.of(context, databaseOption, sourceOption), settings)) {
      ReportScheduler scheduler = engine.reporting().scheduler(new Printer(context, engine, pollInterval));
      long active = engine.reporting().listSubscriptions(
          new SubscriptionQuery(Optional.empty(), Optional.empty(), Optional.of(true), 1, 0)).total();
      if (!engine.canSend(io.pulsereports.core.delivery.DeliveryMethod.EMAIL)) {
        context.err().println("Note: email is not configured (set REPORTING_SMTP_HOST and REPORTING_SMTP_FROM):"
            + " email subscriptions are retried until an instance that can send them runs.");
      }
      if (once) {
        scheduler.runOnce();
        context.out().println("One pass done; " + active + " active subscription" + (active == 1 ? "" : "s") + ".");
        return ReportingCli.OK;
      }
      CountDownLatch cleanedUp = new CountDownLatch(1);
      Thread stopOnSignal = new Thread(() -> {
        scheduler.stop();
        try {
          // Let the command's own thread print and close the database before the JVM exits.
          cleanedUp.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "pulse-reports-scheduler-stop");
      Runtime.getRuntime().addShutdownHook(stopOnSignal);
      context.out().println("Scheduler started at " + TIME.format(context.clock().instant()) + " as "
          + engine.workerId() + ": " + active + " active subscription" + (active == 1 ? "" : "s")
          + ", a pass every " + pollInterval + ". Ctrl+C or SIGTERM stops it.");
      scheduler.start();
      try {
        scheduler.awaitStopped();
        context.out().println("Scheduler stopped at " + TIME.format(Instant.now()) + "; the work in hand was finished.");
      } finally {
        cleanedUp.countDown();
      }
      return ReportingCli.OK;
    }
  }

  /** 90s, 15m, 2h, 1d, or ISO-8601 (PT15M). */
  static Duration duration(String option, String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    try {
      if (text.matches("\\d{1,7}(ms|s|m|h|d)")) {
        String unit = text.replaceAll("\\d", "");
        long amount = Long.parseLong(text.substring(0, text.length() - unit.length()));
        return switch (unit) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
      }
      Duration parsed = Duration.parse(value.strip());
      if (!parsed.isNegative()) {
        return parsed;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new BadInputException(option, "'" + value + "' is not a duration (e.g. 30s, 15m, 2h)");
  }

  /** One line per run and per delivery attempt, as they happen (also for the scheduler inside serve). */
  static final class Printer implements ReportScheduler.Listener {
    private final CliContext context;
    private final ReportingEngine engine;
    private final String pollInterval;

    Printer(CliContext context, ReportingEngine engine, String pollInterval) {
      this.context = context;
      this.engine = engine;
      this.pollInterval = pollInterval;
    }

    @Override
    public void subscriptionsRun(ScheduleRunResult result) {
      result.runs().forEach(entry -> {
        var run = entry.run();
        String period = run.periodStart().equals(run.periodEnd())
            ? run.periodStart().toString() : run.periodStart() + ".." + run.periodEnd();
        context.out().println(TIME.format(run.ranAt()) + "  subscription " + entry.subscriptionId() + "  " + period
            + "  " + run.outcome() + run.deliveryId().map(id -> "  delivery " + id).orElse("")
            + run.error().map(error -> "  " + CliErrors.redact(error)).orElse(""));
      });
    }

    @Override
    public void deliveriesRun(RunDueResult result) {
      DeliveryText text = new DeliveryText(engine);
      for (Delivery delivery : result.attempted()) {
        context.out().println(TIME.format(delivery.updatedAt()) + "  " + text.oneLine(delivery));
      }
    }

    @Override
    public void passFailed(RuntimeException error) {
      context.err().println(TIME.format(Instant.now()) + "  pass failed, trying again in " + pollInterval + ": "
          + CliErrors.describe(error));
    }
  }
}
