package io.pulsereports.core.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.pulsereports.core.InvalidReportRequestException;
import io.pulsereports.core.ReportingException;
import io.pulsereports.core.conversion.ConversionOffer;
import io.pulsereports.core.conversion.ConversionRule;
import io.pulsereports.core.conversion.ConversionTrigger;
import io.pulsereports.core.conversion.OfferTerms;
import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.DeliveryEnvelope;
import io.pulsereports.core.delivery.DeliveryId;
import io.pulsereports.core.delivery.SendResult;
import io.pulsereports.core.metric.LearningEngagementCalculator;
import io.pulsereports.core.metric.LearningMetricsConfig;
import io.pulsereports.core.metric.LearningPeriods;
import io.pulsereports.core.metric.QualifiedCandidate;
import io.pulsereports.core.model.CodePointOrder;
import io.pulsereports.core.model.LearnerSessions;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.port.in.CandidateOffer;
import io.pulsereports.core.port.in.OfferOutcome;
import io.pulsereports.core.port.in.SendConversionOffersCommand;
import io.pulsereports.core.port.in.SendConversionOffersCommand.Mode;
import io.pulsereports.core.port.in.SendConversionOffersResult;
import io.pulsereports.core.port.in.SendConversionOffersUseCase;
import io.pulsereports.core.port.out.ConversionTriggerRepository;
import io.pulsereports.core.port.out.ConversionTriggerRepository.OfferClaim;
import io.pulsereports.core.port.out.ConversionTriggerRepository.Recorded;
import io.pulsereports.core.port.out.LearningActivityPort;
import io.pulsereports.core.port.out.OfferRenderer;
import io.pulsereports.core.port.out.ReportDeliverer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;

/**
 * Lists a day's conversion candidates (exactly the learning-daily report's, through the same
 * calculator) and, when asked, records a trigger per candidate and emails each the offer.
 *
 * <p>Per candidate: record the day's trigger unless one exists (offer_sent false) → claim it →
 * send → mark offer_sent true. A re-run finds the day's triggers: a sent one is not sent again,
 * an unsent one (a failed send, or a run that stopped between recording and marking) is sent
 * again. The claim keeps two concurrent runs from sending the same offer twice. The one window
 * left is a crash between the email server accepting the offer and the mark: the next run sends
 * it again, with the same Message-ID.
 *
 * <p>The trigger's triggered_at is the moment of the run when it falls in the day, otherwise the
 * day's last second, so that it belongs to the day: the report of that day and of the next 29
 * excludes the user (the cooldown), and a re-run for the day finds it.
 */
final class SendConversionOffersService implements SendConversionOffersUseCase {

  private final LearningActivityPort learning;
  private final LearningMetricsConfig config;
  private final LearningEngagementCalculator calculator;
  private final Optional<ConversionTriggerRepository> triggers;
  private final Optional<OfferRenderer> renderer;
  private final Optional<ReportDeliverer> email;
  private final Clock clock;

  SendConversionOffersService(
      LearningActivityPort learning,
      LearningMetricsConfig config,
      Optional<ConversionTriggerRepository> triggers,
      Optional<OfferRenderer> renderer,
      Optional<ReportDeliverer> email,
      Clock clock) {
    this.learning = requireNonNull(learning, "learning");
    this.config = requireNonNull(config, "config");
    this.calculator = new LearningEngagementCalculator(config);
    this.triggers = requireNonNull(triggers, "triggers");
    this.renderer = requireNonNull(renderer, "renderer");
    this.email = requireNonNull(email, "email");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public SendConversionOffersResult sendConversionOffers(SendConversionOffersCommand command) {
    requireNonNull(command, "command");
    ZoneId zone = RequestFields.zone(command.timezone());
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    LocalDate date = command.date().map(value -> RequestFields.date("date", value)).orElse(today.minusDays(1));
    Mode mode = command.mode();
    if (mode != Mode.LIST && date.isAfter(today)) {
      throw new InvalidReportRequestException(
          "date", date + " is after today (" + today + " in " + zone.getId() + "); offers go out for today or an earlier day");
    }
    ReportPeriod day = ReportPeriod.day(date, zone);
    ConversionRule rule = config.conversionRule();
    if (mode == Mode.LIST) {
      List<CandidateOffer> listed =
          candidates(day).stream()
              .map(candidate -> entry(candidate, new OfferOutcome.Listed()))
              .toList();
      return new SendConversionOffersResult(day, mode, rule.name(), listed, List.of());
    }
    ConversionTriggerRepository repository = triggers.orElseThrow(() -> new ReportingException(
        "conversion triggers are not configured: call Reporting.Builder.conversionTriggers(...)"));
    OfferRenderer offers = renderer.orElseThrow(() -> new ReportingException(
        "the offer renderer is not configured: call Reporting.Builder.offerRenderer(...)"));
    ReportDeliverer deliverer = email.orElseThrow(() -> new ReportingException(
        "email delivery is not configured (set REPORTING_SMTP_HOST and REPORTING_SMTP_FROM)"));

    // The day's triggers first: a database without conversion_triggers fails here, before anything
    // is written or sent.
    Map<String, ConversionTrigger> dayTriggers = new LinkedHashMap<>();
    for (ConversionTrigger trigger : repository.findOn(rule.name(), day)) {
      dayTriggers.putIfAbsent(trigger.userId(), trigger);
    }
    List<LearnerSessions> learners = new ArrayList<>();
    List<QualifiedCandidate> candidates = candidates(day, learners);
    // An offer sent for a later day counts too: the emails go out now, whatever day they are for.
    Set<String> offeredLater =
        date.isBefore(today) ? learning.usersOfferedIn(ReportPeriod.range(date.plusDays(1), today, zone)) : Set.of();
    Instant triggeredAt = triggeredAt(day);

    List<CandidateOffer> handled = new ArrayList<>();
    for (QualifiedCandidate candidate : candidates) {
      OfferOutcome outcome;
      if (offeredLater.contains(candidate.userId())) {
        outcome = new OfferOutcome.AlreadySent(Optional.empty());
      } else if (mode == Mode.DRY_RUN) {
        outcome = dryRun(candidate, Optional.ofNullable(dayTriggers.get(candidate.userId())), day, today, deliverer, offers);
      } else {
        ConversionTrigger fired =
            ConversionTrigger.fired(rule, candidate.userId(), candidate.qualification(), date, triggeredAt);
        outcome = send(candidate, fired, day, today, repository, offers, deliverer);
      }
      handled.add(entry(candidate, outcome));
    }
    return new SendConversionOffersResult(day, mode, rule.name(), handled, alreadyOffered(dayTriggers, candidates, learners));
  }

  private List<QualifiedCandidate> candidates(ReportPeriod day) {
    return candidates(day, new ArrayList<>());
  }

  /** The report's candidates for {@code day}; {@code learners} receives the free learners read. */
  private List<QualifiedCandidate> candidates(ReportPeriod day, List<LearnerSessions> learners) {
    LearningPeriods periods = calculator.periods(day);
    learners.addAll(learning.freeLearnerSessions(periods.conversion()));
    Set<String> offered = learning.usersOfferedIn(periods.offerCooldown());
    return calculator.conversionCandidates(day, learners, offered);
  }

  private OfferOutcome dryRun(
      QualifiedCandidate candidate,
      Optional<ConversionTrigger> existing,
      ReportPeriod day,
      LocalDate today,
      ReportDeliverer deliverer,
      OfferRenderer offers) {
    if (existing.filter(ConversionTrigger::offerSent).isPresent()) {
      return new OfferOutcome.AlreadySent(existing.map(ConversionTrigger::triggerId));
    }
    Optional<String> problem = emailProblem(candidate, deliverer);
    if (problem.isPresent()) {
      return new OfferOutcome.NoEmail(existing.map(ConversionTrigger::triggerId), problem.get());
    }
    String triggerId =
        existing.map(ConversionTrigger::triggerId)
            .orElseGet(() -> ConversionTrigger.idFor(config.conversionRule().name(), candidate.userId(), day.startDate()));
    DeliveryContent content = offers.render(offer(candidate, triggerId, day, today));
    return new OfferOutcome.WouldSend(content.subject(), existing.isPresent());
  }

  private OfferOutcome send(
      QualifiedCandidate candidate,
      ConversionTrigger fired,
      ReportPeriod day,
      LocalDate today,
      ConversionTriggerRepository repository,
      OfferRenderer offers,
      ReportDeliverer deliverer) {
    Recorded recorded = repository.recordIfAbsent(fired, day);
    ConversionTrigger trigger = recorded.trigger();
    if (trigger.offerSent()) {
      return new OfferOutcome.AlreadySent(Optional.of(trigger.triggerId()));
    }
    Optional<String> problem = emailProblem(candidate, deliverer);
    if (problem.isPresent()) {
      return new OfferOutcome.NoEmail(Optional.of(trigger.triggerId()), problem.get());
    }
    String recipient = candidate.candidate().email().orElseThrow();
    DeliveryContent content = offers.render(offer(candidate, trigger.triggerId(), day, today));
    try (OfferClaim claim = repository.claim(trigger, day)) {
      if (claim.trigger().offerSent()) {
        // Another run sent it while this one waited for the claim.
        return new OfferOutcome.AlreadySent(Optional.of(trigger.triggerId()));
      }
      SendResult result = sendSafely(deliverer, content, recipient, envelope(trigger));
      if (result instanceof SendResult.Accepted) {
        claim.markOfferSent();
        return new OfferOutcome.RecordedAndSent(trigger.triggerId(), !recorded.created());
      }
      if (result instanceof SendResult.RetryableFailure retryable) {
        return new OfferOutcome.SendFailed(trigger.triggerId(), retryable.reason(), true);
      }
      return new OfferOutcome.SendFailed(trigger.triggerId(), ((SendResult.PermanentFailure) result).reason(), false);
    }
  }

  private ConversionOffer offer(QualifiedCandidate candidate, String triggerId, ReportPeriod day, LocalDate today) {
    OfferTerms terms = config.offer();
    List<Double> scores =
        candidate.qualification().qualifyingSessions().stream()
            .sorted(ConversionRule.NEWEST_FIRST)
            .map(session -> session.confidenceScore().getAsDouble())
            .toList();
    return new ConversionOffer(
        triggerId,
        candidate.userId(),
        candidate.candidate().email().orElseThrow(),
        candidate.candidate().sessions(),
        candidate.candidate().avgScore(),
        scores,
        config.conversionRule(),
        terms,
        day.startDate(),
        day.zone(),
        terms.validUntil(today));
  }

  private static Optional<String> emailProblem(QualifiedCandidate candidate, ReportDeliverer deliverer) {
    Optional<String> address = candidate.candidate().email().map(String::strip).filter(text -> !text.isEmpty());
    if (address.isEmpty()) {
      return Optional.of("no email address");
    }
    return deliverer.recipientProblem(address.get());
  }

  /**
   * The users sent the offer for the day who are not candidates (the cooldown excludes them),
   * with the figures their trigger recorded.
   */
  private static List<CandidateOffer> alreadyOffered(
      Map<String, ConversionTrigger> dayTriggers, List<QualifiedCandidate> candidates, List<LearnerSessions> learners) {
    Set<String> candidateIds =
        candidates.stream().map(QualifiedCandidate::userId).collect(java.util.stream.Collectors.toSet());
    Map<String, Optional<String>> emails = new LinkedHashMap<>();
    learners.forEach(learner -> emails.put(learner.userId(), learner.email()));
    return dayTriggers.values().stream()
        .filter(ConversionTrigger::offerSent)
        .filter(trigger -> !candidateIds.contains(trigger.userId()))
        .sorted(Comparator.comparing(ConversionTrigger::userId, CodePointOrder.INSTANCE))
        .map(trigger -> new CandidateOffer(
            trigger.userId(),
            emails.getOrDefault(trigger.userId(), Optional.empty()),
            trigger.confidenceScores().size(),
            trigger.confidenceScores().stream().mapToDouble(Double::doubleValue).average(),
            new OfferOutcome.AlreadySent(Optional.of(trigger.triggerId()))))
        .toList();
  }

  private static CandidateOffer entry(QualifiedCandidate candidate, OfferOutcome outcome) {
    return new CandidateOffer(
        candidate.userId(),
        candidate.candidate().email(),
        candidate.candidate().sessions(),
        OptionalDouble.of(candidate.candidate().avgScore()),
        outcome);
  }

  /** Now, to the second, when now is in the day; the day's last second for a past day. */
  private Instant triggeredAt(ReportPeriod day) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant lastSecond = day.end().minusSeconds(1);
    return now.isAfter(lastSecond) ? lastSecond : now;
  }

  /**
   * The same Message-ID for every send of one trigger's offer: the delivery id is the trigger id
   * when it is a UUID (as Pulse Reports' are), else a UUID derived from it.
   */
  private static DeliveryEnvelope envelope(ConversionTrigger trigger) {
    UUID id;
    try {
      id = UUID.fromString(trigger.triggerId());
    } catch (IllegalArgumentException e) {
      id = UUID.nameUUIDFromBytes(("conversion-trigger:" + trigger.triggerId()).getBytes(UTF_8));
    }
    return new DeliveryEnvelope(new DeliveryId(id), "conversion-offer:" + trigger.triggerId(), Optional.empty());
  }

  private static SendResult sendSafely(
      ReportDeliverer deliverer, DeliveryContent content, String recipient, DeliveryEnvelope envelope) {
    try {
      return requireNonNull(deliverer.send(content, recipient, envelope), "send result");
    } catch (RuntimeException e) {
      // A deliverer should return failures; one that throws is treated as a passing failure.
      return SendResult.retryable(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
