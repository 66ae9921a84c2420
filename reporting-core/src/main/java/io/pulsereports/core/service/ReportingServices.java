package io.pulsereports.core.service;

import com.google.common.collect.ImmutableMap;
import io.pulsereports.core.ReportDefinition;
import io.pulsereports.core.port.in.GenerateBranchReportsUseCase;
import io.pulsereports.core.port.in.GenerateReportUseCase;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.DeliverySettings;
import io.pulsereports.core.port.in.ManageDeliveriesUseCase;
import io.pulsereports.core.port.in.SendReportUseCase;
import io.pulsereports.core.port.out.BranchActivityPort;
import io.pulsereports.core.port.out.DeliveryRepository;
import io.pulsereports.core.port.out.MessageRenderer;
import io.pulsereports.core.port.out.ReportDeliverer;
import io.pulsereports.core.port.out.ReportRenderer;
import io.pulsereports.core.metric.LeadMetricsConfig;
import io.pulsereports.core.metric.LearningMetricsConfig;
import io.pulsereports.core.port.in.SendConversionOffersUseCase;
import io.pulsereports.core.port.out.ConversionTriggerRepository;
import io.pulsereports.core.port.out.LearningActivityPort;
import io.pulsereports.core.port.out.OfferRenderer;
import io.pulsereports.core.port.in.ManageSubscriptionsUseCase;
import io.pulsereports.core.port.in.ManageTemplatesUseCase;
import io.pulsereports.core.port.in.ManageTokensUseCase;
import io.pulsereports.core.port.out.TokenRepository;
import io.pulsereports.core.port.out.TemplateRepository;
import io.pulsereports.core.port.in.RunScheduleUseCase;
import io.pulsereports.core.port.out.RecipientRulesPort;
import io.pulsereports.core.port.out.SubscriptionRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.Optional;

/** Builds the use case services. Called by the {@code Reporting} facade only. */
public final class ReportingServices {

  private ReportingServices() {}

  public static GenerateReportUseCase generateReport(
      ImmutableMap<String, ReportDefinition<?>> catalogue, Clock clock, int maxRangeDays) {
    return new GenerateReportService(catalogue, clock, maxRangeDays);
  }

  /**
   * Every branch's daily or weekly report in one batch over {@code port}, with the catalogue's
   * period rules and the same calculator settings as single lead reports.
   */
  public static GenerateBranchReportsUseCase generateBranchReports(
      ImmutableMap<String, ReportDefinition<?>> catalogue,
      Clock clock,
      int maxRangeDays,
      BranchActivityPort port,
      LeadMetricsConfig config) {
    return new GenerateBranchReportsService(
        catalogue, new GenerateReportService(catalogue, clock, maxRangeDays), port, config, clock);
  }

  /** The delivery use cases over {@code generateReport}; one object implements both ports. */
  public static DeliveryUseCases delivery(
      GenerateReportUseCase generateReport,
      ReportRenderer reportRenderer,
      MessageRenderer messageRenderer,
      ImmutableMap<DeliveryMethod, ReportDeliverer> deliverers,
      DeliveryRepository repository,
      Optional<TemplateRepository> templates,
      DeliverySettings settings) {
    DeliveryService service = new DeliveryService(
        generateReport, reportRenderer, messageRenderer, deliverers, repository, templates, settings);
    return new DeliveryUseCases(service, service);
  }

  /**
   * The conversion offers use case over the learning activity; the trigger repository, the offer
   * renderer and the email deliverer are needed to send (and for a dry run), not to list.
   */
  public static SendConversionOffersUseCase conversionOffers(
      LearningActivityPort learning,
      LearningMetricsConfig config,
      Optional<ConversionTriggerRepository> triggers,
      Optional<OfferRenderer> renderer,
      Optional<ReportDeliverer> email,
      Clock clock) {
    return new SendConversionOffersService(learning, config, triggers, renderer, email, clock);
  }

  /** Subscription management over the catalogue (type, scope and zone are checked as a report request is). */
  public static ManageSubscriptionsUseCase subscriptions(
      ImmutableMap<String, ReportDefinition<?>> catalogue,
      Clock clock,
      int maxRangeDays,
      ImmutableMap<DeliveryMethod, RecipientRulesPort> recipientRules,
      SubscriptionRepository repository,
      Supplier<UUID> ids,
      int maxRecipients) {
    return new SubscriptionService(catalogue, new GenerateReportService(catalogue, clock, maxRangeDays),
        recipientRules, repository, clock, ids, maxRecipients);
  }

  /** Custom template management; {@code renderer} compiles each template when it is saved. */
  public static ManageTemplatesUseCase templates(
      ImmutableMap<String, ReportDefinition<?>> catalogue,
      ReportRenderer renderer,
      TemplateRepository repository,
      Clock clock,
      Supplier<UUID> ids) {
    return new TemplateService(catalogue, renderer, repository, clock, ids);
  }

  /** API tokens; {@code randomBytes} gives 32 bytes from a secure random source per token. */
  public static ManageTokensUseCase tokens(
      TokenRepository repository, Clock clock, Supplier<byte[]> randomBytes, Supplier<UUID> ids) {
    return new TokenService(repository, clock, randomBytes, ids);
  }

  /** The scheduler's pass over the due subscriptions, delivering through {@code send}. */
  public static RunScheduleUseCase schedule(
      SendReportUseCase send,
      SubscriptionRepository repository,
      DeliverySettings settings,
      Optional<Duration> catchUpWindow) {
    return new ScheduleService(send, repository, settings, catchUpWindow);
  }

  /** The send and manage ports of one delivery service. */
  public record DeliveryUseCases(SendReportUseCase send, ManageDeliveriesUseCase manage) {}
}
