package io.pulsereports.cli;

import io.pulsereports.core.port.in.SubscriptionFields;
import io.pulsereports.core.schedule.ScheduledRun;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.schedule.SubscriptionPage;
import io.pulsereports.core.schedule.SubscriptionQuery;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "subscriptions",
    mixinStandardHelpOptions = true,
    description = {"Standing orders for reports: which report goes to whom, when, in which time zone.",
        "'reporting scheduler' delivers them."},
    subcommands = {
      SubscriptionsCommand.Add.class,
      SubscriptionsCommand.List.class,
      SubscriptionsCommand.Show.class,
      SubscriptionsCommand.Update.class,
      SubscriptionsCommand.Pause.class,
      SubscriptionsCommand.Resume.class,
      SubscriptionsCommand.Remove.class,
      SubscriptionsCommand.Next.class
    })
final class SubscriptionsCommand implements Runnable {

  private final CliContext context;

  SubscriptionsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(context.out());
  }

  /** The fields of a subscription as options; for update, the ones given replace the stored ones. */
  static final class FieldOptions {
    @Option(names = "--type", paramLabel = "TYPE", description = "daily | weekly | learning-daily")
    String type;

    @Option(names = "--gym-id", paramLabel = "UUID", description = "the gym (lead reports)")
    String gymId;

    @Option(names = "--branch-id", paramLabel = "UUID", description = "one branch; omit for the whole gym (\"\" clears it)")
    String branchId;

    @Option(names = "--method", paramLabel = "METHOD", description = "email | slack")
    String method;

    @Option(names = "--recipients", paramLabel = "LIST", split = ",",
        description = "email addresses, or Slack incoming-webhook URLs, comma-separated")
    java.util.List<String> recipients;

    @Option(names = "--time", paramLabel = "HH:MM", description = "the local delivery time, 00:00 to 23:59")
    String time;

    @Option(names = "--days", paramLabel = "DAYS", split = ",",
        description = {"delivery days, e.g. mon,thu: required for weekly reports;",
            "for daily ones they limit the days a report is sent (\"\" clears them)"})
    java.util.List<String> days;

    @Option(names = "--timezone", paramLabel = "ZONE", description = "an IANA zone, e.g. America/New_York (default UTC)")
    String timezone;

    @Option(names = "--template-id", paramLabel = "UUID", description = "a custom template (\"\" clears it)")
    String templateId;

    @Option(names = "--name", paramLabel = "TEXT", description = "a name to recognise it by")
    String name;

    @Option(names = "--skip-if-empty", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
        description = "record a period without data as skipped instead of sending an empty report")
    Boolean skipIfEmpty;

    SubscriptionFields.Builder applyTo(SubscriptionFields.Builder fields) {
      if (type != null) {
        fields.reportType(type);
      }
      if (gymId != null) {
        fields.gymId(optional(gymId));
      }
      if (branchId != null) {
        fields.branchId(optional(branchId));
      }
      if (method != null) {
        fields.deliveryMethod(method);
      }
      if (recipients != null) {
        fields.recipients(recipients);
      }
      if (time != null) {
        fields.deliveryTime(time);
      }
      if (days != null) {
        fields.deliveryDays(days.stream().filter(day -> !day.isBlank()).toList());
      }
      if (timezone != null) {
        fields.timezone(optional(timezone));
      }
      if (templateId != null) {
        fields.templateId(optional(templateId));
      }
      if (name != null) {
        fields.name(optional(name));
      }
      if (skipIfEmpty != null) {
        fields.skipIfEmpty(skipIfEmpty);
      }
      return fields;
    }

    private static Optional<String> optional(String value) {
      return Optional.of(value).filter(text -> !text.isBlank());
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {"Adds a subscription. It first runs at the next delivery time after now.",
          "Example: reporting subscriptions add --type daily --gym-id G --branch-id B --method email",
          "           --recipients ops@example.com --time 08:00 --timezone America/New_York"})
  static final class Add implements Callable<Integer> {
    private final CliContext context;

    @Mixin FieldOptions fields;

    @Option(names = "--paused", description = "store it paused ('subscriptions resume' starts it)")
    boolean paused;

    @Mixin DatabaseOption databaseOption;

    Add(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      if (fields.recipients == null || fields.recipients.isEmpty()) {
        throw new BadInputException("--recipients", "required: at least one email address or Slack webhook URL");
      }
      SubscriptionFields subscription = fields.applyTo(SubscriptionFields.builder()).active(!paused).build();
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        Subscription created = engine.reporting().createSubscription(subscription);
        SubscriptionText text = new SubscriptionText(engine);
        context.out().println("Added subscription " + created.id());
        text.details(created).forEach(context.out()::println);
        if (!engine.canSend(created.method()) && created.method().code().equals("email")) {
          context.out().println("Note: email is not configured in this shell; the scheduler needs REPORTING_SMTP_HOST"
              + " and REPORTING_SMTP_FROM to send it.");
        }
      }
      return ReportingCli.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists subscriptions, oldest first.")
  static final class List implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--status", paramLabel = "STATUS", description = "active | paused")
    String status;

    @Option(names = "--gym-id", paramLabel = "UUID")
    String gymId;

    @Option(names = "--branch-id", paramLabel = "UUID")
    String branchId;

    @Option(names = "--limit", paramLabel = "N", description = "at most N rows (default 50, max " + SubscriptionQuery.MAX_LIMIT + ")")
    int limit = 50;

    @Option(names = "--offset", paramLabel = "N", description = "skip the first N rows (default 0)")
    int offset;

    @Mixin DatabaseOption databaseOption;

    List(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      BadInputException.requirePage(limit, offset, SubscriptionQuery.MAX_LIMIT);
      Optional<Boolean> active = Optional.ofNullable(status).map(value -> switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "active" -> true;
        case "paused" -> false;
        default -> throw new BadInputException("--status", "unknown status '" + value + "' (use active or paused)");
      });
      Optional<java.util.Set<java.util.UUID>> gyms =
          Optional.ofNullable(gymId).map(value -> java.util.Set.of(BadInputException.requireUuid("--gym-id", value)));
      Optional<java.util.UUID> branch = Optional.ofNullable(branchId).map(value -> BadInputException.requireUuid("--branch-id", value));
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        SubscriptionPage page =
            engine.reporting().listSubscriptions(new SubscriptionQuery(gyms, branch, active, limit, offset));
        SubscriptionText text = new SubscriptionText(engine);
        page.items().forEach(s -> context.out().println(text.oneLine(s)));
        context.out().println(page.items().isEmpty() && offset == 0
            ? "No subscriptions yet (see 'reporting subscriptions add --help')."
            : "Showing " + page.items().size() + " of " + page.total() + (offset > 0 ? " from " + (offset + 1) : ""));
      }
      return ReportingCli.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one subscription with its next and last run.")
  static final class Show implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "the subscription id")
    String id;

    @Mixin DatabaseOption databaseOption;

    Show(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      BadInputException.requireUuid("ID", id);
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        Subscription subscription = find(engine, id);
        new SubscriptionText(engine).details(subscription).forEach(context.out()::println);
      }
      return ReportingCli.OK;
    }
  }

  @Command(name = "update", mixinStandardHelpOptions = true,
      description = "Changes the options given and keeps the others. A changed schedule takes effect from now.")
  static final class Update implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "the subscription id")
    String id;

    @Mixin FieldOptions fields;

    @Mixin DatabaseOption databaseOption;

    Update(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      BadInputException.requireUuid("ID", id);
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        Subscription existing = find(engine, id);
        Subscription updated =
            engine.reporting().updateSubscription(id, fields.applyTo(SubscriptionFields.from(existing)).build());
        context.out().println("Updated subscription " + updated.id());
        new SubscriptionText(engine).details(updated).forEach(context.out()::println);
      }
      return ReportingCli.OK;
    }
  }

  @Command(name = "pause", mixinStandardHelpOptions = true, description = "Stops a subscription's runs until it is resumed.")
  static final class Pause implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "the subscription id")
    String id;

    @Mixin DatabaseOption databaseOption;

    Pause(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      BadInputException.requireUuid("ID", id);
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        find(engine, id);
        Subscription paused = engine.reporting().pauseSubscription(id);
        context.out().println(new SubscriptionText(engine).oneLine(paused));
      }
      return ReportingCli.OK;
    }
  }

  @Command(name = "resume", mixinStandardHelpOptions = true,
      description = "Runs a paused subscription again from its next delivery time; periods missed while paused are not sent.")
  static final class Resume implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "the subscription id")
    String id;

    @Mixin DatabaseOption databaseOption;

    Resume(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      BadInputException.requireUuid("ID", id);
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        find(engine, id);
        Subscription resumed = engine.reporting().resumeSubscription(id);
        context.out().println(new SubscriptionText(engine).oneLine(resumed));
      }
      return ReportingCli.OK;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Removes a subscription. Its deliveries stay in the delivery log.")
  static final class Remove implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "the subscription id")
    String id;

    @Mixin DatabaseOption databaseOption;

    Remove(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      BadInputException.requireUuid("ID", id);
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        find(engine, id);
        engine.reporting().removeSubscription(id);
        context.out().println("Removed subscription " + id);
      }
      return ReportingCli.OK;
    }
  }

  @Command(name = "next", mixinStandardHelpOptions = true,
      description = "Shows the next runs of each active subscription (or of one), in its local time and in UTC.")
  static final class Next implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "one subscription (default: every active one)")
    String id;

    @Option(names = "--count", paramLabel = "N", description = "runs per subscription (default 3, max 50)")
    int count = 3;

    @Mixin DatabaseOption databaseOption;

    Next(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      BadInputException.requireAtLeast("--count", count, 1);
      if (count > 50) {
        throw new BadInputException("--count", count + " is over the maximum 50");
      }
      if (id != null) {
        BadInputException.requireUuid("ID", id);
      }
      try (ReportingEngine engine = ReportingEngine.forDeliveryLog(context, databaseOption.url(context))) {
        java.util.List<Subscription> subscriptions = id != null
            ? java.util.List.of(find(engine, id))
            : engine.reporting().listSubscriptions(new SubscriptionQuery(Optional.empty(), Optional.empty(),
                Optional.of(true), SubscriptionQuery.MAX_LIMIT, 0)).items();
        SubscriptionText text = new SubscriptionText(engine);
        for (Subscription subscription : subscriptions) {
          context.out().println(subscription.id() + "  " + subscription.reportType() + "  "
              + SubscriptionText.when(subscription.schedule()) + subscription.name().map(n -> "  \"" + n + "\"").orElse(""));
          java.util.List<ScheduledRun> runs = engine.reporting().nextRuns(subscription, count);
          if (runs.isEmpty()) {
            context.out().println("  paused: no runs until it is resumed");
          }
          runs.forEach(run -> context.out().println("  " + text.run(run, subscription)));
        }
        if (subscriptions.isEmpty()) {
          context.out().println("No active subscriptions.");
        }
      }
      return ReportingCli.OK;
    }
  }

  private static Subscription find(ReportingEngine engine, String id) {
    return engine.reporting().findSubscription(id)
        .orElseThrow(() -> new BadInputException("ID", "no subscription " + id + " (see 'reporting subscriptions list')"));
  }

}
