package io.pulsereports.cli;

import io.pulsereports.core.ReportScheduler;
import io.pulsereports.core.schedule.SchedulerSettings;
import io.pulsereports.http.ReportingHttpServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the HTTP API (under /api/analytics/reporting; GET /health without a token) and, unless",
      "--no-scheduler, the scheduler in the same process. Every API request needs",
      "'Authorization: Bearer <token>' (reporting tokens create --gym-id ID). Ctrl+C or SIGTERM stops",
      "it gracefully: new requests get 503, requests in progress and the report in hand finish."})
final class ServeCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(names = "--port", paramLabel = "PORT", description = "the port to listen on (default 8080; 0 picks a free one)")
  int port = 8080;

  @Option(names = "--host", paramLabel = "ADDRESS",
      description = "the address to bind (default 127.0.0.1; 0.0.0.0 for every interface)")
  String host = "127.0.0.1";

  @Option(names = "--no-scheduler", description = "serve the API only; run 'reporting scheduler' elsewhere")
  boolean noScheduler;

  @Option(names = "--poll-interval", paramLabel = "DURATION",
      description = "the scheduler's pause between passes when nothing is due (default 15s)")
  String pollInterval = "15s";

  @Option(names = "--max-body", paramLabel = "BYTES", description = "the largest request body accepted (default 1048576)")
  long maxBody = 1024 * 1024;

  @Mixin DatabaseOption databaseOption;

  @Mixin SourceDatabaseOption sourceOption;

  ServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new BadInputException("--port", port + " is outside 0..65535");
    }
    if (maxBody < 1024) {
      throw new BadInputException("--max-body", maxBody + " is below 1024 bytes");
    }
    Duration poll = SchedulerCommand.duration("--poll-interval", pollInterval);
    if (poll.isZero()) {
      throw new BadInputException("--poll-interval", "must be positive");
    }
    SchedulerSettings defaults = SchedulerSettings.defaults();
    SchedulerSettings settings =
        new SchedulerSettings(defaults.batchSize(), poll, Optional.empty(), defaults.shutdownTimeout());
    try (ReportingEngine engine = ReportingEngine.forScheduler(context, Databases.of(context, databaseOption, sourceOption), settings)) {
      ReportingHttpServer server;
      try {
        server = ReportingHttpServer.builder(engine.reporting()).host(host).port(port).maxBodyBytes(maxBody).build().start();
      } catch (RuntimeException e) {
        throw new BadInputException("--port", "cannot listen on " + host + ":" + port + " ("
            + CliErrors.describe(e) + "); is another server using it? Choose another with --port");
      }
      Optional<ReportScheduler> scheduler = noScheduler
          ? Optional.empty()
          : Optional.of(engine.reporting().scheduler(new SchedulerCommand.Printer(context, engine, pollInterval)));
      CountDownLatch stopRequested = new CountDownLatch(1);
      CountDownLatch cleanedUp = new CountDownLatch(1);
      Thread stopOnSignal = new Thread(() -> {
        stopRequested.countDown();
        try {
          // Let the command's own thread stop everything and close the database before the JVM exits.
          cleanedUp.await(45, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "pulse-reports-serve-stop");
      Runtime.getRuntime().addShutdownHook(stopOnSignal);
      try {
        scheduler.ifPresent(ReportScheduler::start);
        context.out().println("Serving on http://" + host + ":" + server.port() + " (API under /api/analytics/reporting,"
            + " health at /health)" + (noScheduler ? "; scheduler not running (--no-scheduler)" : "; scheduler running")
            + ". Ctrl+C or SIGTERM stops it.");
        stopRequested.await();
        server.stop();
        if (scheduler.isPresent()) {
          scheduler.get().stop();
          scheduler.get().awaitStopped();
        }
        context.out().println("Stopped at " + SchedulerCommand.TIME.format(Instant.now())
            + "; requests in progress and the work in hand were finished.");
      } finally {
        server.stop();
        scheduler.ifPresent(ReportScheduler::close);
        cleanedUp.countDown();
      }
      return ReportingCli.OK;
    }
  }
}
