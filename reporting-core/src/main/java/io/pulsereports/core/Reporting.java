package io.pulsereports.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.DeliveryPage;
import io.pulsereports.core.delivery.DeliveryQuery;
import io.pulsereports.core.delivery.DeliverySettings;
import io.pulsereports.core.delivery.RetryPolicy;
import io.pulsereports.core.metric.LeadMetricsConfig;
import io.pulsereports.core.metric.LearningMetricsConfig;
import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.in.GenerateBranchReportsResult;
import io.pulsereports.core.port.in.GenerateBranchReportsUseCase;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.core.port.in.GenerateReportResult;
import io.pulsereports.core.port.in.GenerateReportUseCase;
import io.pulsereports.core.port.in.ManageSubscriptionsUseCase;
import io.pulsereports.core.port.in.RunScheduleUseCase;
import io.pulsereports.core.port.in.ScheduleRunResult;
import io.pulsereports.core.port.in.SubscriptionFields;
import io.pulsereports.core.port.in.ManageTemplatesUseCase;
import io.pulsereports.core.port.in.ManageTokensUseCase;
import io.pulsereports.core.port.out.BranchActivityPort;
import io.pulsereports.core.port.out.TokenRepository;
import io.pulsereports.core.access.ApiToken;
import io.pulsereports.core.access.NewApiToken;
import io.pulsereports.core.port.in.TemplateFields;
import io.pulsereports.core.port.out.TemplateRepository;
import io.pulsereports.core.template.ReportTemplate;
import io.pulsereports.core.template.TemplatePage;
import io.pulsereports.core.template.TemplateQuery;
import io.pulsereports.core.port.out.RecipientRulesPort;
import io.pulsereports.core.port.out.SubscriptionRepository;
import io.pulsereports.core.schedule.ScheduledRun;
import io.pulsereports.core.schedule.SchedulerSettings;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.schedule.SubscriptionPage;
import io.pulsereports.core.schedule.SubscriptionQuery;
import java.util.List;
import java.util.function.BooleanSupplier;
import io.pulsereports.core.port.in.ManageDeliveriesUseCase;
import io.pulsereports.core.port.in.RunDueResult;
import io.pulsereports.core.port.in.SendConversionOffersCommand;
import io.pulsereports.core.port.in.SendConversionOffersResult;
import io.pulsereports.core.port.in.SendConversionOffersUseCase;
import io.pulsereports.core.port.in.SendReportCommand;
import io.pulsereports.core.port.in.SendReportResult;
import io.pulsereports.core.port.in.SendReportUseCase;
import io.pulsereports.core.port.out.ConversionTriggerRepository;
import io.pulsereports.core.port.out.DeliveryRepository;
import io.pulsereports.core.port.out.LeadActivityPort;
import io.pulsereports.core.port.out.LearningActivityPort;
import io.pulsereports.core.port.out.MessageRenderer;
import io.pulsereports.core.port.out.OfferRenderer;
import io.pulsereports.core.port.out.ReportDeliverer;
import io.pulsereports.core.port.out.ReportRenderer;
import io.pulsereports.core.service.ReportingServices;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The front door of the library: a catalogue of report types wired to their data ports.
 *
 * <pre>{@code
 * Reporting reporting = Reporting.builder()
 *     .leadActivity(persistence.leadActivity())          // registers "daily" and "weekly"
 *     .learningMetrics(LearningMetricsConfig.builder().topMistakes(5).build())
 *     .learningActivity(persistence.learningActivity())  // registers "learning-daily"
 *     .register(myCustomDefinition)
 *     .build();
 * Report<?> report = reporting.generate(GenerateReportCommand.builder("daily")
 *     .gymId(gym).branchId(branch).date("2026-03-08").timezone("America/New_York").build())
 *     .report();
 * Report<?> learning = reporting.generate(GenerateReportCommand.builder("learning-daily")
 *     .date("2026-03-08").timezone("America/New_York").build())  // no gym: the whole app
 *     .report();
 * }</pre>
 *
 * <p>Conversion offers (the learning report's candidates, emailed once per user and day):
 *
 * <pre>{@code
 * Reporting offers = Reporting.builder()
 *     .learningActivity(persistence.learningActivity())
 *     .conversionTriggers(persistence.conversionTriggers())
 *     .offerRenderer(MustacheOfferRenderer.create())
 *     .deliverer(EmailDelivery.smtp(smtpSettings))
 *     .build();
 * SendConversionOffersResult result = offers.sendConversionOffers(SendConversionOffersCommand.builder()
 *     .date("2026-03-08").timezone("America/New_York").mode(SendConversionOffersCommand.Mode.SEND).build());
 * }</pre>
 */
public final class Reporting
    implements GenerateReportUseCase, GenerateBranchReportsUseCase, SendReportUseCase, ManageDeliveriesUseCase, SendConversionOffersUseCase,
        ManageSubscriptionsUseCase, RunScheduleUseCase, ManageTemplatesUseCase, ManageTokensUseCase {

  public static final int DEFAULT_MAX_RANGE_DAYS = 366;
  public static final int DEFAULT_MAX_RECIPIENTS = 50;

  private final ImmutableMap<String, ReportDefinition<?>> catalogue;
  private final GenerateReportUseCase generateReport;
  private final Optional<GenerateBranchReportsUseCase> branchReports;
  private final Optional<ReportingServices.DeliveryUseCases> delivery;
  private final Optional<SendConversionOffersUseCase> conversionOffers;
  private final Optional<ManageSubscriptionsUseCase> subscriptions;
  private final Optional<RunScheduleUseCase> schedule;
  private final SchedulerSettings schedulerSettings;
  private final Optional<ManageTemplatesUseCase> templates;
  private final Optional<ManageTokensUseCase> tokens;
  private final ImmutableMap<DeliveryMethod, RecipientRulesPort> recipientRules;

  private Reporting(Builder builder) {
    this.catalogue = ImmutableMap.copyOf(builder.catalogue);
    this.generateReport = ReportingServices.generateReport(catalogue, builder.clock, builder.maxRangeDays);
    this.branchReports = Optional.ofNullable(builder.branchActivity).map(port -> ReportingServices.generateBranchReports(
        catalogue, builder.clock, builder.maxRangeDays, port, builder.branchActivityMetrics));
    this.delivery = builder.deliveryUseCases(generateReport);
    this.conversionOffers = builder.conversionOffersUseCase();
    this.subscriptions = builder.subscriptionsUseCase(catalogue);
    this.schedule = builder.scheduleUseCase(delivery);
    this.schedulerSettings = builder.schedulerSettings;
    this.templates = builder.templatesUseCase(catalogue);
    this.recipientRules = builder.allRecipientRules();
    this.tokens = Optional.ofNullable(builder.tokenRepository).map(repository -> ReportingServices.tokens(
        repository, builder.clock, Builder::secureRandomBytes, UUID::randomUUID));
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public GenerateReportResult generate(GenerateReportCommand command) {
    return generateReport.generate(command);
  }

  /**
   * The daily or weekly report of every branch of every gym with activity in the period, read in
   * grouped passes (one per kind of figure) rather than per branch; each equals the report {@link
   * #generate} makes for that branch alone. Needs {@link Builder#branchActivity}.
   */
  @Override
  public GenerateBranchReportsResult generateEveryBranch(GenerateReportCommand command) {
    return branchReports
        .orElseThrow(() -> new IllegalStateException(
            "branch activity is not configured: call Reporting.Builder.branchActivity(...)"))
        .generateEveryBranch(command);
  }

  /**
   * Generates the report, records it in the delivery log and delivers it (see {@link
   * Builder#delivery}).
   */
  @Override
  public SendReportResult send(SendReportCommand command) {
    return delivery().send().send(command);
  }

  @Override
  public Optional<Delivery> findDelivery(String deliveryId) {
    return delivery().manage().findDelivery(deliveryId);
  }

  @Override
  public DeliveryPage listDeliveries(DeliveryQuery query) {
    return delivery().manage().listDeliveries(query);
  }

  /**
   * A recipient as it may be shown to a user or an API client: an email address as it is, a
   * webhook URL without its secret path (whatever the method's rules redact); "(redacted)" for a
   * method without rules in this process.
   */
  public String shownRecipient(DeliveryMethod method, String recipient) {
    RecipientRulesPort rules = recipientRules.get(requireNonNull(method, "method"));
    return rules == null ? "(redacted)" : rules.redact(requireNonNull(recipient, "recipient"));
  }

  @Override
  public Delivery previewReport(GenerateReportCommand command, Optional<String> deliveryMethod) {
    return delivery().manage().previewReport(command, deliveryMethod);
  }

  @Override
  public List<RenderedOutput> renderDelivery(String deliveryId, ReportFormat format) {
    return delivery().manage().renderDelivery(deliveryId, format);
  }

  @Override
  public RunDueResult runDueDeliveries(int limit) {
    return delivery().manage().runDueDeliveries(limit);
  }

  @Override
  public Delivery retryDelivery(String deliveryId) {
    return delivery().manage().retryDelivery(deliveryId);
  }

  /**
   * Lists the day's conversion candidates (the learning-daily report's {@code
   * conversion.candidates}); with {@link SendConversionOffersCommand.Mode#SEND} also records a
   * conversion trigger for each and emails them the offer, once per user and day. Listing needs
   * {@link Builder#learningActivity}; sending and dry runs also {@link Builder#conversionTriggers},
   * {@link Builder#offerRenderer} and an email {@link Builder#deliverer}.
   */
  @Override
  public SendConversionOffersResult sendConversionOffers(SendConversionOffersCommand command) {
    return conversionOffers
        .orElseThrow(() -> new IllegalStateException(
            "learning activity is not configured: call Reporting.Builder.learningActivity(...)"))
        .sendConversionOffers(command);
  }

  @Override
  public Subscription createSubscription(SubscriptionFields fields) {
    return subscriptions().createSubscription(fields);
  }

  @Override
  public Subscription updateSubscription(String subscriptionId, SubscriptionFields fields) {
    return subscriptions().updateSubscription(subscriptionId, fields);
  }

  @Override
  public Subscription pauseSubscription(String subscriptionId) {
    return subscriptions().pauseSubscription(subscriptionId);
  }

  @Override
  public Subscription resumeSubscription(String subscriptionId) {
    return subscriptions().resumeSubscription(subscriptionId);
  }

  @Override
  public void removeSubscription(String subscriptionId) {
    subscriptions().removeSubscription(subscriptionId);
  }

  @Override
  public Optional<Subscription> findSubscription(String subscriptionId) {
    return subscriptions().findSubscription(subscriptionId);
  }

  @Override
  public SubscriptionPage listSubscriptions(SubscriptionQuery query) {
    return subscriptions().listSubscriptions(query);
  }

  @Override
  public List<ScheduledRun> nextRuns(Subscription subscription, int count) {
    return subscriptions().nextRuns(subscription, count);
  }

  /**
   * One pass over the due subscriptions (see {@link RunScheduleUseCase}); needs {@link
   * Builder#subscriptions} and {@link Builder#delivery}.
   */
  @Override
  public ScheduleRunResult runDueSubscriptions(int limit, BooleanSupplier stopRequested) {
    return schedule
        .orElseThrow(() -> new IllegalStateException(
            "the scheduler needs subscriptions and delivery: call Reporting.Builder.subscriptions(...) and delivery(...)"))
        .runDueSubscriptions(limit, stopRequested);
  }

  /**
   * A scheduler instance over this library's subscriptions and delivery log, with the builder's
   * {@link SchedulerSettings}; {@link ReportScheduler#start()} it, {@link ReportScheduler#close()} it.
   */
  public ReportScheduler scheduler(ReportScheduler.Listener listener) {
    schedule.orElseThrow(() -> new IllegalStateException(
        "the scheduler needs subscriptions and delivery: call Reporting.Builder.subscriptions(...) and delivery(...)"));
    return new ReportScheduler(this, this, schedulerSettings, listener);
  }

  @Override
  public ReportTemplate createTemplate(TemplateFields fields) {
    return templates().createTemplate(fields);
  }

  @Override
  public ReportTemplate updateTemplate(String templateId, TemplateFields fields) {
    return templates().updateTemplate(templateId, fields);
  }

  @Override
  public void removeTemplate(String templateId) {
    templates().removeTemplate(templateId);
  }

  @Override
  public Optional<ReportTemplate> findTemplate(String templateId) {
    return templates().findTemplate(templateId);
  }

  @Override
  public TemplatePage listTemplates(TemplateQuery query) {
    return templates().listTemplates(query);
  }

  @Override
  public NewApiToken createToken(List<String> gymIds, boolean learningReports, Optional<String> name) {
    return tokens().createToken(gymIds, learningReports, name);
  }

  @Override
  public List<ApiToken> listTokens() {
    return tokens().listTokens();
  }

  @Override
  public ApiToken revokeToken(String tokenId) {
    return tokens().revokeToken(tokenId);
  }

  @Override
  public Optional<ApiToken> authenticate(String secret) {
    return tokens().authenticate(secret);
  }

  private ManageTokensUseCase tokens() {
    return tokens.orElseThrow(() -> new IllegalStateException(
        "API tokens are not configured: call Reporting.Builder.tokens(repository)"));
  }

  private ManageTemplatesUseCase templates() {
    return templates.orElseThrow(() -> new IllegalStateException(
        "templates are not configured: call Reporting.Builder.templates(repository, renderer)"));
  }

  private ManageSubscriptionsUseCase subscriptions() {
    return subscriptions.orElseThrow(
        () -> new IllegalStateException("subscriptions are not configured: call Reporting.Builder.subscriptions(...)"));
  }

  private ReportingServices.DeliveryUseCases delivery() {
    return delivery.orElseThrow(
        () -> new IllegalStateException("delivery is not configured: call Reporting.Builder.delivery(...)"));
  }

  /**
   * Whether reports of {@code reportType} belong to a gym (lead reports) or to none (learning
   * reports); empty for a type that is not registered.
   */
  public Optional<Boolean> gymScoped(String reportType) {
    return Optional.ofNullable(reportType).map(String::strip).map(catalogue::get).map(ReportDefinition::gymScoped);
  }

  /** The names of the registered report types, in registration order. */
  public Set<String> reportTypes() {
    return catalogue.keySet();
  }

  /** Collects the catalogue and the services' collaborators. */
  public static final class Builder {
    private final Map<String, ReportDefinition<?>> catalogue = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private int maxRangeDays = DEFAULT_MAX_RANGE_DAYS;
    private LeadMetricsConfig leadMetrics = LeadMetricsConfig.defaults();
    private DeliveryRepository deliveryRepository;
    private ReportRenderer reportRenderer;
    private MessageRenderer messageRenderer;
    private final Map<DeliveryMethod, ReportDeliverer> deliverers = new EnumMap<>(DeliveryMethod.class);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private String workerId = "worker-" + UUID.randomUUID().toString().substring(0, 8);
    private Duration lease = Duration.ofMinutes(5);
    private Optional<String> publicBaseUrl = Optional.empty();
    private int maxRecipients = DEFAULT_MAX_RECIPIENTS;
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private Supplier<UUID> deliveryIds = UUID::randomUUID;
    private LearningMetricsConfig learningMetrics = LearningMetricsConfig.defaults();
    private LearningActivityPort learningActivity;
    private BranchActivityPort branchActivity;
    private LeadMetricsConfig branchActivityMetrics;
    private LearningMetricsConfig learningActivityMetrics;
    private ConversionTriggerRepository conversionTriggers;
    private OfferRenderer offerRenderer;
    private SubscriptionRepository subscriptionRepository;
    private final Map<DeliveryMethod, RecipientRulesPort> recipientRules = new EnumMap<>(DeliveryMethod.class);
    private Supplier<UUID> subscriptionIds = UUID::randomUUID;
    private SchedulerSettings schedulerSettings = SchedulerSettings.defaults();
    private TemplateRepository templateRepository;
    private TokenRepository tokenRepository;
    private ReportRenderer templateRenderer;

    private Builder() {}

    /** The clock for default periods and generated_at; tests pass a fixed one. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The longest explicit date range a request may ask for, in days. */
    public Builder maxRangeDays(int days) {
      checkArgument(days >= 1, "maxRangeDays %s is below 1", days);
      this.maxRangeDays = days;
      return this;
    }

    /** Thresholds for the lead metrics; set before {@link #leadActivity}. */
    public Builder leadMetrics(LeadMetricsConfig config) {
      this.leadMetrics = requireNonNull(config, "config");
      return this;
    }

    /** Registers the built-in {@code daily} and {@code weekly} lead performance reports. */
    public Builder leadActivity(LeadActivityPort port) {
      requireNonNull(port, "port");
      register(LeadReports.daily(port, leadMetrics));
      return register(LeadReports.weekly(port, leadMetrics));
    }

    /**
     * Enables {@link Reporting#generateEveryBranch}: every branch's daily or weekly report from
     * grouped reads. Needs {@link #leadActivity} too (the report types and their periods); uses the
     * {@link #leadMetrics} set before this call.
     */
    public Builder branchActivity(BranchActivityPort port) {
      this.branchActivity = requireNonNull(port, "port");
      this.branchActivityMetrics = leadMetrics;
      return this;
    }

    /** Thresholds and windows of the learning metrics; set before {@link #learningActivity}. */
    public Builder learningMetrics(LearningMetricsConfig config) {
      this.learningMetrics = requireNonNull(config, "config");
      return this;
    }

    /**
     * Registers the built-in {@code learning-daily} learning engagement report, and enables listing
     * conversion candidates ({@link Reporting#sendConversionOffers}) under the same thresholds.
     */
    public Builder learningActivity(LearningActivityPort port) {
      requireNonNull(port, "port");
      register(LearningReports.daily(port, learningMetrics));
      this.learningActivity = port;
      this.learningActivityMetrics = learningMetrics;
      return this;
    }

    /**
     * The {@code conversion_triggers} table, for sending conversion offers: one trigger per user and
     * day records each offer (see {@link Reporting#sendConversionOffers}).
     */
    public Builder conversionTriggers(ConversionTriggerRepository repository) {
      this.conversionTriggers = requireNonNull(repository, "repository");
      return this;
    }

    /** Renders the offer email conversion candidates receive; offers go out through the email {@link #deliverer}. */
    public Builder offerRenderer(OfferRenderer renderer) {
      this.offerRenderer = requireNonNull(renderer, "renderer");
      return this;
    }

    /** Adds a report type to the catalogue; its name must be new. */
    public Builder register(ReportDefinition<?> definition) {
      requireNonNull(definition, "definition");
      ReportType type = definition.type();
      checkState(!catalogue.containsKey(type.name()), "report type %s is already registered", type);
      catalogue.put(type.name(), definition);
      return this;
    }

    /**
     * Enables delivery: the log that records every delivery, the renderer of the stored report data
     * (JSON), the renderer of messages, and one deliverer per channel ({@link #deliverer}).
     */
    public Builder delivery(DeliveryRepository repository, ReportRenderer reportRenderer, MessageRenderer messageRenderer) {
      this.deliveryRepository = requireNonNull(repository, "repository");
      this.reportRenderer = requireNonNull(reportRenderer, "reportRenderer");
      this.messageRenderer = requireNonNull(messageRenderer, "messageRenderer");
      return this;
    }

    /** Adds the deliverer of a channel; a second one for the same channel replaces the first. */
    public Builder deliverer(ReportDeliverer deliverer) {
      requireNonNull(deliverer, "deliverer");
      deliverers.put(deliverer.method(), deliverer);
      return this;
    }

    /**
     * What a channel accepts as a recipient, for validating subscriptions (and sends) in a process
     * that does not send through it. A {@link #deliverer} brings its own rules; rules given here
     * take precedence.
     */
    public Builder recipientRules(RecipientRulesPort rules) {
      requireNonNull(rules, "rules");
      recipientRules.put(rules.method(), rules);
      return this;
    }

    /** Enables subscriptions (report_subscriptions) and, with {@link #delivery}, the scheduler. */
    public Builder subscriptions(SubscriptionRepository repository) {
      this.subscriptionRepository = requireNonNull(repository, "repository");
      return this;
    }

    /** Enables custom templates (report_templates); {@code renderer} compiles each one when it is saved. */
    public Builder templates(TemplateRepository repository, ReportRenderer renderer) {
      this.templateRepository = requireNonNull(repository, "repository");
      this.templateRenderer = requireNonNull(renderer, "renderer");
      return this;
    }

    /** Enables API tokens (api_tokens): created for some gyms, stored as hashes, checked per request. */
    public Builder tokens(TokenRepository repository) {
      this.tokenRepository = requireNonNull(repository, "repository");
      return this;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static byte[] secureRandomBytes() {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      return bytes;
    }

    /** The source of new subscription ids; tests may pass a predictable one. */
    public Builder subscriptionIds(Supplier<UUID> source) {
      this.subscriptionIds = requireNonNull(source, "source");
      return this;
    }

    /** How a scheduler instance works: batch size, poll interval, catch-up window, shutdown timeout. */
    public Builder schedulerSettings(SchedulerSettings settings) {
      this.schedulerSettings = requireNonNull(settings, "settings");
      return this;
    }

    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = requireNonNull(policy, "policy");
      return this;
    }

    /** The name this process claims deliveries under (unique per process; a random one by default). */
    public Builder workerId(String id) {
      requireNonNull(id, "id");
      checkArgument(!id.isBlank(), "workerId is blank");
      this.workerId = id;
      return this;
    }

    /** How long a claimed delivery stays ours before another worker may take it over. */
    public Builder lease(Duration lease) {
      this.lease = requireNonNull(lease, "lease");
      return this;
    }

    /** Where the HTTP server is reachable, for links to the full report in emails and Slack. */
    public Builder publicBaseUrl(String url) {
      this.publicBaseUrl = Optional.of(requireNonNull(url, "url"));
      return this;
    }

    public Builder maxRecipients(int max) {
      checkArgument(max >= 1, "maxRecipients %s is below 1", max);
      this.maxRecipients = max;
      return this;
    }

    /** The source of retry jitter, values in [0, 1); tests pass a constant. */
    public Builder jitter(DoubleSupplier source) {
      this.jitter = requireNonNull(source, "source");
      return this;
    }

    /** The source of new delivery ids; tests may pass a predictable one. */
    public Builder deliveryIds(Supplier<UUID> source) {
      this.deliveryIds = requireNonNull(source, "source");
      return this;
    }

    private DeliverySettings deliverySettings() {
      return new DeliverySettings(retryPolicy, workerId, lease, publicBaseUrl, maxRecipients, clock, jitter, deliveryIds);
    }

    private Optional<ManageSubscriptionsUseCase> subscriptionsUseCase(
        ImmutableMap<String, ReportDefinition<?>> catalogue) {
      if (subscriptionRepository == null) {
        return Optional.empty();
      }
      return Optional.of(ReportingServices.subscriptions(catalogue, clock, maxRangeDays, allRecipientRules(),
          subscriptionRepository, subscriptionIds, maxRecipients));
    }

    /** The recipient rules of each method: the deliverer's, or rules given on their own. */
    private ImmutableMap<DeliveryMethod, RecipientRulesPort> allRecipientRules() {
      Map<DeliveryMethod, RecipientRulesPort> rules = new EnumMap<>(DeliveryMethod.class);
      rules.putAll(deliverers);
      rules.putAll(recipientRules);
      return ImmutableMap.copyOf(rules);
    }

    private Optional<ManageTemplatesUseCase> templatesUseCase(ImmutableMap<String, ReportDefinition<?>> catalogue) {
      if (templateRepository == null) {
        return Optional.empty();
      }
      return Optional.of(ReportingServices.templates(catalogue, templateRenderer, templateRepository, clock,
          UUID::randomUUID));
    }

    private Optional<RunScheduleUseCase> scheduleUseCase(Optional<ReportingServices.DeliveryUseCases> delivery) {
      if (subscriptionRepository == null || delivery.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(ReportingServices.schedule(delivery.get().send(), subscriptionRepository,
          deliverySettings(), schedulerSettings.catchUpWindow()));
    }

    private Optional<ReportingServices.DeliveryUseCases> deliveryUseCases(GenerateReportUseCase generate) {
      if (deliveryRepository == null) {
        return Optional.empty();
      }
      DeliverySettings settings = deliverySettings();
      return Optional.of(ReportingServices.delivery(generate, reportRenderer, messageRenderer,
          ImmutableMap.copyOf(deliverers), deliveryRepository, Optional.ofNullable(templateRepository), settings));
    }

    private Optional<SendConversionOffersUseCase> conversionOffersUseCase() {
      if (learningActivity == null) {
        return Optional.empty();
      }
      return Optional.of(ReportingServices.conversionOffers(learningActivity, learningActivityMetrics,
          Optional.ofNullable(conversionTriggers), Optional.ofNullable(offerRenderer),
          Optional.ofNullable(deliverers.get(DeliveryMethod.EMAIL)), clock));
    }

    public Reporting build() {
      checkState(!catalogue.isEmpty(), "no report type registered");
      checkState(branchActivity == null || catalogue.containsKey(ReportType.DAILY.name()),
          "branchActivity(...) needs leadActivity(...) too");
      return new Reporting(this);
    }
  }
}
