package io.pulsereports.core.service;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.pulsereports.core.ConcurrentChangeException;
import io.pulsereports.core.InvalidReportRequestException;
import io.pulsereports.core.NotFoundException;
import io.pulsereports.core.ReportDefinition;
import io.pulsereports.core.ReportingException;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.PeriodKind;
import io.pulsereports.core.model.ReportRequest;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.core.port.in.ManageSubscriptionsUseCase;
import io.pulsereports.core.port.in.SubscriptionFields;
import io.pulsereports.core.port.out.RecipientRulesPort;
import io.pulsereports.core.port.out.SubscriptionRepository;
import io.pulsereports.core.schedule.DeliverySchedule;
import io.pulsereports.core.schedule.ScheduledRun;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.schedule.SubscriptionId;
import io.pulsereports.core.schedule.SubscriptionPage;
import io.pulsereports.core.schedule.SubscriptionQuery;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates and stores subscriptions. Each write validates every field first (the same rules and
 * messages as a report request for type, scope and zone; the channel's rules for recipients) and
 * stores nothing when one is bad. The next run is computed here, from now: a new or resumed
 * subscription never fires for a time already past.
 */
final class SubscriptionService implements ManageSubscriptionsUseCase {

  static final int MAX_NAME_LENGTH = 200;
  private static final Pattern TIME_OF_DAY = Pattern.compile("([01]?[0-9]|2[0-3]):([0-5][0-9])(:00)?");

  private final ImmutableMap<String, ReportDefinition<?>> catalogue;
  private final GenerateReportService requests;
  private final ImmutableMap<DeliveryMethod, RecipientRulesPort> recipientRules;
  private final SubscriptionRepository repository;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final int maxRecipients;

  SubscriptionService(
      ImmutableMap<String, ReportDefinition<?>> catalogue,
      GenerateReportService requests,
      ImmutableMap<DeliveryMethod, RecipientRulesPort> recipientRules,
      SubscriptionRepository repository,
      Clock clock,
      Supplier<UUID> ids,
      int maxRecipients) {
    this.catalogue = requireNonNull(catalogue, "catalogue");
    this.requests = requireNonNull(requests, "requests");
    this.recipientRules = requireNonNull(recipientRules, "recipientRules");
    this.repository = requireNonNull(repository, "repository");
    this.clock = requireNonNull(clock, "clock");
    this.ids = requireNonNull(ids, "ids");
    this.maxRecipients = maxRecipients;
  }

  @Override
  public Subscription createSubscription(SubscriptionFields fields) {
    Instant now = clock.instant();
    Subscription subscription = validated(fields, new SubscriptionId(ids.get()), now, now);
    repository.insert(subscription);
    return subscription;
  }

  @Override
  public Subscription updateSubscription(String subscriptionId, SubscriptionFields fields) {
    Subscription existing = existing(subscriptionId);
    Subscription updated = validated(fields, existing.id(), existing.createdAt(), changedAt(existing));
    return store(existing, updated.withRunState(updated.nextRunAt(), 0, existing.lastRun(), existing.lease()));
  }

  @Override
  public Subscription pauseSubscription(String subscriptionId) {
    Subscription existing = existing(subscriptionId);
    if (!existing.active()) {
      return existing;
    }
    return store(existing, withActive(existing, false, changedAt(existing)));
  }

  @Override
  public Subscription resumeSubscription(String subscriptionId) {
    Subscription existing = existing(subscriptionId);
    if (existing.active()) {
      return existing;
    }
    return store(existing, withActive(existing, true, changedAt(existing)));
  }

  @Override
  public void removeSubscription(String subscriptionId) {
    SubscriptionId id = id(subscriptionId);
    if (!repository.delete(id)) {
      throw new NotFoundException("subscription_id", "no subscription " + id);
    }
  }

  @Override
  public Optional<Subscription> findSubscription(String subscriptionId) {
    return repository.find(id(subscriptionId));
  }

  @Override
  public SubscriptionPage listSubscriptions(SubscriptionQuery query) {
    return repository.list(requireNonNull(query, "query"));
  }

  @Override
  public List<ScheduledRun> nextRuns(Subscription subscription, int count) {
    if (!subscription.active()) {
      return List.of();
    }
    return subscription.schedule().nextRuns(clock.instant(), count);
  }

  private Subscription store(Subscription existing, Subscription updated) {
    if (!repository.update(existing, updated)) {
      throw new ConcurrentChangeException(
          "subscription " + existing.id() + " was changed by someone else meanwhile; read it again and retry");
    }
    return updated;
  }

  /** Strictly after the last change, so a change is always visible to a run that claimed before it. */
  private Instant changedAt(Subscription existing) {
    Instant now = clock.instant();
    Instant after = existing.updatedAt().plusMillis(1);
    return now.isBefore(after) ? after : now;
  }

  private Subscription withActive(Subscription existing, boolean active, Instant now) {
    return new Subscription(existing.id(), existing.name(), existing.reportType(), existing.scope(),
        existing.method(), existing.recipients(), existing.schedule(), existing.templateId(), active,
        existing.skipIfEmpty(), existing.createdAt(), now, nextRunAt(active, existing.schedule(), now),
        0, existing.lastRun(), existing.lease());
  }

  private Subscription existing(String subscriptionId) {
    SubscriptionId id = id(subscriptionId);
    return repository.find(id)
        .orElseThrow(() -> new NotFoundException("subscription_id", "no subscription " + id));
  }

  private Subscription validated(SubscriptionFields fields, SubscriptionId id, Instant createdAt, Instant now) {
    Optional<String> name = fields.name().map(String::strip).filter(text -> !text.isEmpty());
    if (name.isPresent() && name.get().length() > MAX_NAME_LENGTH) {
      throw new InvalidReportRequestException("name", "longer than " + MAX_NAME_LENGTH + " characters");
    }
    String type = RequestFields.required("report_type", fields.reportType());
    ReportDefinition<?> definition = RequestFields.definition(catalogue, type);
    GenerateReportCommand.Builder scopeAndZone = GenerateReportCommand.builder(type);
    fields.gymId().map(String::strip).ifPresent(scopeAndZone::gymId);
    fields.branchId().map(String::strip).ifPresent(scopeAndZone::branchId);
    fields.timezone().map(String::strip).ifPresent(scopeAndZone::timezone);
    ReportRequest request = requests.request(definition, scopeAndZone.build());
    Optional<GymScope> scope = request.scope();

    String methodCode = RequestFields.required("delivery_method", fields.deliveryMethod());
    DeliveryMethod method = DeliveryMethod.fromCode(methodCode)
        .orElseThrow(() -> new InvalidReportRequestException(
            "delivery_method", "unknown delivery method '" + methodCode + "' (use email or slack)"));
    RecipientRulesPort rules = recipientRules.get(method);
    if (rules == null) {
      throw new ReportingException(method + " recipients cannot be checked: no " + method + " rules are configured");
    }
    List<String> recipients = Recipients.validate(rules, fields.recipients(), maxRecipients);

    LocalTime time = timeOfDay(RequestFields.required("delivery_time", fields.deliveryTime()));
    Set<DayOfWeek> days = days(fields.deliveryDays());
    if (definition.periodKind() == PeriodKind.WEEK && days.isEmpty()) {
      throw new InvalidReportRequestException(
          "delivery_days", "required for " + type + " reports (for example [\"monday\"])");
    }
    DeliverySchedule schedule = new DeliverySchedule(definition.periodKind(), time, days, request.period().zone());

    Optional<UUID> templateId = fields.templateId().map(String::strip).filter(text -> !text.isEmpty())
        .map(text -> RequestFields.uuid("template_id", text));
    if (templateId.isPresent() && !repository.templateExists(templateId.get(), scope.map(GymScope::gymId))) {
      throw new InvalidReportRequestException("template_id", "no template " + templateId.get());
    }
    return new Subscription(id, name, definition.type(), scope, method, recipients, schedule, templateId,
        fields.active(), fields.skipIfEmpty(), createdAt, now, nextRunAt(fields.active(), schedule, now), 0,
        Optional.empty(), Optional.empty());
  }

  private static Optional<Instant> nextRunAt(boolean active, DeliverySchedule schedule, Instant now) {
    return active ? Optional.of(schedule.nextAfter(now).fireAt()) : Optional.empty();
  }


  private static LocalTime timeOfDay(String value) {
    Matcher matcher = TIME_OF_DAY.matcher(value);
    if (!matcher.matches()) {
      throw new InvalidReportRequestException(
          "delivery_time", "'" + value + "' is not a time of day from 00:00 to 23:59 (HH:MM)");
    }
    return LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
  }

  private static Set<DayOfWeek> days(List<String> values) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String value : values) {
      days.add(day(value == null ? "" : value.strip()));
    }
    return days;
  }

  private static DayOfWeek day(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      String name = day.name().toLowerCase(Locale.ROOT);
      if (lower.equals(name) || lower.equals(name.substring(0, 3))) {
        return day;
      }
    }
    throw new InvalidReportRequestException(
        "delivery_days", "'" + value + "' is not a day of the week (use monday to sunday, or mon to sun)");
  }

  private static SubscriptionId id(String value) {
    return new SubscriptionId(RequestFields.uuid("subscription_id", value));
  }

}
