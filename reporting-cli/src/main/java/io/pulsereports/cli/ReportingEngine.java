package io.pulsereports.cli;

import io.pulsereports.core.Reporting;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.RetryPolicy;
import io.pulsereports.core.schedule.SchedulerSettings;
import io.pulsereports.core.port.out.ReportDeliverer;
import io.pulsereports.delivery.email.EmailDelivery;
import io.pulsereports.delivery.email.SmtpSettings;
import io.pulsereports.delivery.slack.SlackDelivery;
import io.pulsereports.delivery.slack.SlackSettings;
import io.pulsereports.persistence.jdbc.JdbcPersistence;
import io.pulsereports.render.mustache.MustacheMessageRenderer;
import io.pulsereports.render.mustache.MustacheReportRenderer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The library wired for a delivery command: the database (its own tables migrated on first use),
 * the report catalogue, the renderers, and the deliverers the environment configures (email when
 * REPORTING_SMTP_HOST is set; Slack always, limited to the allowed webhook hosts).
 */
final class ReportingEngine implements AutoCloseable {

  /**
   * pid@host plus a random suffix: readable in `deliveries show`, and unique even when a restarted
   * container's process gets the same pid and host name as the one that died.
   */
  private static final String WORKER_ID =
      ManagementFactory.getRuntimeMXBean().getName() + "-" + java.util.UUID.randomUUID().toString().substring(0, 4);

  static final String RETRY_ATTEMPTS_VARIABLE = "REPORTING_RETRY_MAX_ATTEMPTS";
  static final String RETRY_INITIAL_DELAY_VARIABLE = "REPORTING_RETRY_INITIAL_DELAY_SECONDS";
  static final String RETRY_MAX_DELAY_VARIABLE = "REPORTING_RETRY_MAX_DELAY_SECONDS";

  private final JdbcPersistence database;
  private final Reporting reporting;
  private final Map<DeliveryMethod, ReportDeliverer> deliverers;
  private final List<AutoCloseable> resources;

  private ReportingEngine(
      JdbcPersistence database, Reporting reporting, Map<DeliveryMethod, ReportDeliverer> deliverers,
      List<AutoCloseable> resources) {
    this.database = database;
    this.reporting = reporting;
    this.deliverers = deliverers;
    this.resources = resources;
  }

  /** For commands that send: deliverers configured from the environment. */
  static ReportingEngine forDelivery(CliContext context, String databaseUrl) {
    return forDelivery(context, Databases.stateOnly(databaseUrl));
  }

  /** For commands that send, reading operational data from {@code databases.source()} when given. */
  static ReportingEngine forDelivery(CliContext context, Databases databases) {
    return open(context, databases, true, SchedulerSettings.defaults());
  }

  /** For commands that only read the delivery log or manage subscriptions. */
  static ReportingEngine forDeliveryLog(CliContext context, String databaseUrl) {
    return open(context, Databases.stateOnly(databaseUrl), false, SchedulerSettings.defaults());
  }

  /** For a scheduler instance: sends, with {@code settings}. */
  static ReportingEngine forScheduler(CliContext context, String databaseUrl, SchedulerSettings settings) {
    return forScheduler(context, Databases.stateOnly(databaseUrl), settings);
  }

  /** For a scheduler instance reading operational data from {@code databases.source()} when given. */
  static ReportingEngine forScheduler(CliContext context, Databases databases, SchedulerSettings settings) {
    return open(context, databases, true, settings);
  }

  /**
   * State (delivery log, subscriptions, templates, tokens; migrated) in {@code databases.state()};
   * leads, calls and learning data from the read-only {@code databases.source()} when given, a
   * pool of its own, else from the state database.
   */
  private static ReportingEngine open(
      CliContext context, Databases databases, boolean send, SchedulerSettings schedulerSettings) {
    Map<String, String> env = context.env();
    Map<DeliveryMethod, ReportDeliverer> deliverers = new EnumMap<>(DeliveryMethod.class);
    List<AutoCloseable> resources = new ArrayList<>();
    OfferSettings offer = OfferSettings.fromEnvironment(env);
    SlackDelivery slack = SlackDelivery.webhooks(setting(() -> SlackSettings.fromEnvironment(env)));
    resources.add(slack);
    deliverers.put(DeliveryMethod.SLACK, slack);
    if (send && present(env, SmtpSettings.HOST_VARIABLE)) {
      EmailDelivery email = EmailDelivery.smtp(smtpSettings(env));
      resources.add(email);
      deliverers.put(DeliveryMethod.EMAIL, email);
    }
    RetryPolicy retryPolicy = retryPolicy(env);
    JdbcPersistence database = Database.openExisting(databases.state());
    try {
      Optional<JdbcPersistence> source = databases.openSource();
      source.ifPresent(resources::add);
      JdbcPersistence operational = source.orElse(database);
      database.migrate();
      MustacheReportRenderer renderer = MustacheReportRenderer.create();
      Reporting.Builder builder =
          Reporting.builder()
              .clock(context.clock())
              .leadActivity(operational.leadActivity())
              .branchActivity(operational.branchActivity())
              .learningMetrics(offer.learningMetrics())
              .learningActivity(operational.learningActivity())
              .delivery(database.deliveries(), renderer, MustacheMessageRenderer.of(renderer))
              .subscriptions(database.subscriptions())
              .templates(database.templates(), renderer)
              .tokens(database.tokens())
              // Subscriptions are validated by each channel's rules, also where it is not configured to send.
              .recipientRules(EmailDelivery.addressRules())
              .recipientRules(slack)
              .schedulerSettings(schedulerSettings)
              .retryPolicy(retryPolicy)
              .workerId(WORKER_ID);
      Optional.ofNullable(env.get("REPORTING_PUBLIC_BASE_URL")).filter(url -> !url.isBlank())
          .ifPresent(builder::publicBaseUrl);
      if (send) {
        deliverers.values().forEach(builder::deliverer);
      }
      return new ReportingEngine(database, builder.build(), deliverers, resources);
    } catch (RuntimeException e) {
      database.close();
      closeAll(resources);
      throw e;
    }
  }

  Reporting reporting() {
    return reporting;
  }

  /** How a recipient is shown: a webhook without its secret path; an address as it is. */
  String redact(DeliveryMethod method, String recipient) {
    return reporting.shownRecipient(method, recipient);
  }

  /** The name this process claims work under (host-pid). */
  String workerId() {
    return WORKER_ID;
  }

  /** Whether this process can send through {@code method}. */
  boolean canSend(DeliveryMethod method) {
    return deliverers.containsKey(method);
  }


  @Override
  public void close() {
    closeAll(resources);
    database.close();
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        // Closing a pool of idle connections cannot lose work; nothing to report.
      }
    }
  }

  private static RetryPolicy retryPolicy(Map<String, String> env) {
    RetryPolicy defaults = RetryPolicy.defaults();
    int attempts = intSetting(env, RETRY_ATTEMPTS_VARIABLE, defaults.maxAttempts(), 1, 100);
    int initial = intSetting(env, RETRY_INITIAL_DELAY_VARIABLE, (int) defaults.initialDelay().toSeconds(), 0, 86_400);
    int max = intSetting(env, RETRY_MAX_DELAY_VARIABLE, (int) defaults.maxDelay().toSeconds(), 0, 604_800);
    if (max < initial) {
      throw new BadInputException(RETRY_MAX_DELAY_VARIABLE, max + " is below " + RETRY_INITIAL_DELAY_VARIABLE + " " + initial);
    }
    return new RetryPolicy(attempts, Duration.ofSeconds(initial), defaults.multiplier(), Duration.ofSeconds(max),
        defaults.jitter());
  }

  private static int intSetting(Map<String, String> env, String name, int fallback, int min, int max) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInputException(name, "'" + value.strip() + "' is not a whole number from " + min + " to " + max);
  }

  private static boolean present(Map<String, String> env, String name) {
    return env.get(name) != null && !env.get(name).isBlank();
  }

  /** The SMTP settings of the environment; a missing or bad variable is bad input naming it. */
  static SmtpSettings smtpSettings(Map<String, String> env) {
    return setting(() -> SmtpSettings.fromEnvironment(env));
  }

  private static <T> T setting(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      // The adapters name the variable first: "REPORTING_SMTP_PORT must be …".
      String message = e.getMessage() == null ? "invalid setting" : e.getMessage();
      int space = message.indexOf(' ');
      String variable = space > 0 && message.startsWith("REPORTING_") ? message.substring(0, space).replaceAll("[:,]$", "") : "configuration";
      String problem = space > 0 && message.startsWith("REPORTING_") ? message.substring(space + 1) : message;
      throw new BadInputException(variable, problem);
    }
  }

}
