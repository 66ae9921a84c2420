package io.pulsereports.cli;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryPage;
import io.pulsereports.core.delivery.DeliveryQuery;
import io.pulsereports.core.delivery.DeliveryStatus;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.in.RunDueResult;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "deliveries",
    mixinStandardHelpOptions = true,
    description = "The delivery log: list and show deliveries, retry a failed one, run the due retries.",
    subcommands = {
      DeliveriesCommand.List.class,
      DeliveriesCommand.Show.class,
      DeliveriesCommand.Retry.class,
      DeliveriesCommand.RunDue.class
    })
final class DeliveriesCommand implements Runnable {

  private final CliContext context;

  DeliveriesCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(context.out());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists deliveries, newest first.")
  static final class List implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--status", paramLabel = "STATUS", description = "pending | sending | retrying | sent | failed | skipped")
    String status;

    @Option(names = "--type", paramLabel = "TYPE", description = "a report type")
    String type;

    @Option(names = "--branch-id", paramLabel = "UUID")
    String branchId;

    @Option(names = "--limit", paramLabel = "N", description = "at most N rows (default 20, max " + DeliveryQuery.MAX_LIMIT + ")")
    int limit = 20;

    @Option(names = "--offset", paramLabel = "N", description = "skip the first N rows (default 0)")
    int offset;

    @Mixin DatabaseOption databaseOption;

    List(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      BadInputException.requirePage(limit, offset, DeliveryQuery.MAX_LIMIT);
      Optional<DeliveryStatus> wantedStatus = Optional.ofNullable(status).map(value ->
          DeliveryStatus.fromCode(value).orElseThrow(() -> new BadInputException("--status",
              "unknown status '" + value + "' (use " + Arrays.stream(DeliveryStatus.values())
                  .map(DeliveryStatus::code).collect(Collectors.joining(", ")) + ")")));
      Optional<ReportType> wantedType = Optional.ofNullable(type).map(value -> {
        try {
          return new ReportType(value.strip());
        } catch (IllegalArgumentException e) {
          throw new BadInputException("--type", "'" + value + "' is not a report type name");
        }
      });
      Optional<UUID> wantedBranch = Optional.ofNullable(branchId).map(value -> BadInputException.requireUuid("--branch-id", value));
      DeliveryQuery query = new DeliveryQuery(wantedStatus, wantedType, wantedBranch, Optional.empty(),
          Optional.empty(), Optional.empty(), limit, offset);
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        DeliveryPage page = engine.reporting().listDeliveries(query);
        DeliveryText text = new DeliveryText(engine);
        page.items().forEach(delivery -> context.out().println(text.oneLine(delivery)));
        context.out().println(page.items().isEmpty() && offset == 0
            ? "No deliveries yet."
            : "Showing " + page.items().size() + " of " + page.total() + (offset > 0 ? " from " + (offset + 1) : ""));
      }
      return ReportingCli.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one delivery with each recipient's outcome.")
  static final class Show implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "the delivery id")
    String id;

    @Option(names = "--data", description = "print the stored report data (JSON) instead")
    boolean data;

    @Mixin DatabaseOption databaseOption;

    Show(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      BadInputException.requireUuid("ID", id, "a delivery id (a UUID)");
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        Delivery delivery = engine.reporting().findDelivery(id)
            .orElseThrow(() -> new BadInputException("ID", "no delivery " + id + " (see 'reporting deliveries list')"));
        if (data) {
          context.out().print(delivery.reportData().endsWith("\n") ? delivery.reportData() : delivery.reportData() + "\n");
        } else {
          new DeliveryText(engine).details(delivery).forEach(context.out()::println);
        }
      }
      return ReportingCli.OK;
    }
  }

  @Command(name = "retry", mixinStandardHelpOptions = true,
      description = "Sends a failed or retrying delivery again now, with a fresh budget of attempts, to the recipients that have not received it.")
  static final class Retry implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "the delivery id")
    String id;

    @Mixin DatabaseOption databaseOption;

    Retry(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      BadInputException.requireUuid("ID", id, "a delivery id (a UUID)");
      try (ReportingEngine engine = ReportingEngine.forDelivery(context, databaseOption.url(context))) {
        Delivery delivery = engine.reporting().retryDelivery(id);
        context.out().println(new DeliveryText(engine).oneLine(delivery));
        return delivery.status() == DeliveryStatus.FAILED ? ReportingCli.FAILURE : ReportingCli.OK;
      }
    }
  }

  @Command(name = "run-due", mixinStandardHelpOptions = true,
      description = {"Attempts the deliveries that are due: new ones, retries whose back-off has passed, and",
          "ones abandoned by a process that died while sending (after their lease). Safe to run from",
          "cron on several machines at once: each delivery is claimed by one."})
  static final class RunDue implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--limit", paramLabel = "N", description = "at most N deliveries in this run (default 100)")
    int limit = 100;

    @Mixin DatabaseOption databaseOption;

    RunDue(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      BadInputException.requireAtLeast("--limit", limit, 1);
      try (ReportingEngine engine = ReportingEngine.forDelivery(context, databaseOption.url(context))) {
        RunDueResult result = engine.reporting().runDueDeliveries(limit);
        DeliveryText text = new DeliveryText(engine);
        result.attempted().forEach(delivery -> context.out().println(text.oneLine(delivery)));
        context.out().println(result.attempted().size() + " due: " + result.count(DeliveryStatus.SENT) + " sent, "
            + result.count(DeliveryStatus.RETRYING) + " retrying, " + result.count(DeliveryStatus.FAILED) + " failed");
      }
      return ReportingCli.OK;
    }
  }

}
