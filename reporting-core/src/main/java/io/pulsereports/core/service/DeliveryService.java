package io.pulsereports.core.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.google.common.base.Joiner;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import io.pulsereports.core.ConcurrentChangeException;
import io.pulsereports.core.InvalidReportRequestException;
import io.pulsereports.core.NotFoundException;
import io.pulsereports.core.ReportingException;
import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliverySettings;
import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.DeliveryEnvelope;
import io.pulsereports.core.delivery.DeliveryId;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.DeliveryPage;
import io.pulsereports.core.delivery.DeliveryQuery;
import io.pulsereports.core.delivery.DeliveryStatus;
import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.delivery.RecipientOutcome;
import io.pulsereports.core.delivery.SendResult;
import io.pulsereports.core.delivery.StoredReport;
import io.pulsereports.core.model.PeriodActivity;
import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportRequest;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.core.port.in.GenerateReportUseCase;
import io.pulsereports.core.port.in.ManageDeliveriesUseCase;
import io.pulsereports.core.port.in.RunDueResult;
import io.pulsereports.core.port.in.SendReportCommand;
import io.pulsereports.core.port.in.SendReportResult;
import io.pulsereports.core.port.in.SendReportUseCase;
import io.pulsereports.core.port.out.DeliveryRepository;
import io.pulsereports.core.port.out.MessageRenderer;
import io.pulsereports.core.port.out.ReportDeliverer;
import io.pulsereports.core.port.out.ReportRenderer;
import io.pulsereports.core.port.out.TemplateRepository;
import io.pulsereports.core.template.ReportTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Generates, records and delivers reports through the delivery log.
 *
 * <p>Exactly-once in practice rests on three things: the idempotency key (unique in the log), the
 * claim (only the worker holding a delivery's lease sends it; a lease that runs out lets another
 * worker take over), and per-recipient progress written after each send, so a retry only goes to
 * recipients that have not received the report. The one window left is a crash between a server
 * accepting a message and the next write to the log: that recipient gets it again after the lease
 * expires. It is one send long, and every message of a delivery carries the same Message-ID.
 */
final class DeliveryService implements SendReportUseCase, ManageDeliveriesUseCase {

  private static final int MAX_REQUEST_KEY_LENGTH = 200;

  private final GenerateReportUseCase reports;
  private final ReportRenderer reportRenderer;
  private final MessageRenderer messageRenderer;
  private final ImmutableMap<DeliveryMethod, ReportDeliverer> deliverers;
  private final DeliveryRepository repository;
  private final Optional<TemplateRepository> templates;
  private final DeliverySettings settings;

  DeliveryService(
      GenerateReportUseCase reports,
      ReportRenderer reportRenderer,
      MessageRenderer messageRenderer,
      ImmutableMap<DeliveryMethod, ReportDeliverer> deliverers,
      DeliveryRepository repository,
      Optional<TemplateRepository> templates,
      DeliverySettings settings) {
    this.reports = requireNonNull(reports, "reports");
    this.reportRenderer = requireNonNull(reportRenderer, "reportRenderer");
    this.messageRenderer = requireNonNull(messageRenderer, "messageRenderer");
    this.deliverers = requireNonNull(deliverers, "deliverers");
    this.repository = requireNonNull(repository, "repository");
    this.templates = requireNonNull(templates, "templates");
    this.settings = requireNonNull(settings, "settings");
  }

  @Override
  public SendReportResult send(SendReportCommand command) {
    DeliveryMethod method = method(command.deliveryMethod());
    ReportDeliverer deliverer = deliverer(method);
    List<String> recipients = Recipients.validate(deliverer, command.recipients(), settings.maxRecipients());
    Optional<UUID> subscriptionId = command.subscriptionId().map(id -> RequestFields.uuid("subscription_id", id));
    Optional<String> requestKey = command.requestKey().map(DeliveryService::requestKey);
    Optional<UUID> templateId = command.templateId().map(id -> RequestFields.uuid("template_id", id));

    Report<?> report = reports.generate(command.report()).report();
    templateId.ifPresent(id -> templates.ifPresent(repository -> requireTemplateFor(repository, report, id)));
    String key = idempotencyKey(report.request(), method, recipients, subscriptionId, requestKey);
    Instant now = settings.clock().instant();
    Delivery pending =
        Delivery.pending(
            new DeliveryId(settings.ids().get()),
            subscriptionId,
            templateId,
            report.type(),
            report.request().scope(),
            report.request().period(),
            method,
            recipients,
            key,
            reportData(report),
            now);
    boolean empty = report.body() instanceof PeriodActivity activity && !activity.hasActivity();
    Delivery toStore =
        command.skipIfEmpty() && empty
            ? pending.withState(pending.recipients(), DeliveryStatus.SKIPPED, 0, Optional.empty(),
                Optional.of("skipped: the period had no data"), Optional.empty(), now, Optional.empty())
            : pending;
    DeliveryRepository.Stored stored = repository.insertIfAbsent(toStore);
    if (!stored.created()) {
      return new SendReportResult(stored.delivery(), true);
    }
    if (stored.delivery().status() != DeliveryStatus.PENDING) {
      return new SendReportResult(stored.delivery(), false);
    }
    Optional<Delivery> claimed = repository.claim(stored.delivery().id(), now, newLease(now));
    Delivery after = claimed.map(this::attempt).orElse(stored.delivery());
    return new SendReportResult(after, false);
  }

  @Override
  public Delivery previewReport(GenerateReportCommand command, Optional<String> deliveryMethod) {
    DeliveryMethod method = deliveryMethod.map(this::method).orElse(DeliveryMethod.EMAIL);
    Report<?> report = reports.generate(requireNonNull(command, "command")).report();
    Delivery preview =
        Delivery.preview(new DeliveryId(settings.ids().get()), report.type(), report.request().scope(),
            report.request().period(), method, reportData(report), settings.clock().instant());
    return repository.insertIfAbsent(preview).delivery();
  }

  @Override
  public List<RenderedOutput> renderDelivery(String deliveryId, ReportFormat format) {
    DeliveryId id = new DeliveryId(RequestFields.uuid("delivery_id", deliveryId));
    Delivery delivery =
        repository.find(id).orElseThrow(() -> new NotFoundException("delivery_id", "no delivery " + id));
    return reportRenderer.render(new StoredReport(delivery.reportType(), delivery.reportData()), format);
  }

  @Override
  public Optional<Delivery> findDelivery(String deliveryId) {
    return repository.find(new DeliveryId(RequestFields.uuid("delivery_id", deliveryId)));
  }

  @Override
  public DeliveryPage listDeliveries(DeliveryQuery query) {
    return repository.list(requireNonNull(query, "query"));
  }

  @Override
  public RunDueResult runDueDeliveries(int limit) {
    Instant now = settings.clock().instant();
    List<Delivery> attempted = new ArrayList<>();
    for (Delivery claimed : repository.claimDue(now, newLease(now), limit)) {
      attempted.add(attempt(claimed));
    }
    return new RunDueResult(attempted);
  }

  @Override
  public Delivery retryDelivery(String deliveryId) {
    DeliveryId id = new DeliveryId(RequestFields.uuid("delivery_id", deliveryId));
    Delivery delivery =
        repository
            .find(id)
            .orElseThrow(() -> new NotFoundException("delivery_id", "no delivery " + id));
    Instant now = settings.clock().instant();
    switch (delivery.status()) {
      case SENT, SKIPPED -> throw new InvalidReportRequestException(
          "delivery_id", "delivery " + id + " is " + delivery.status() + "; there is nothing to retry");
      case SENDING -> {
        if (delivery.lease().map(lease -> lease.until().isAfter(now)).orElse(false)) {
          throw new InvalidReportRequestException(
              "delivery_id", "delivery " + id + " is being sent right now; try again in a minute");
        }
      }
      default -> { }
    }
    List<RecipientOutcome> reopened =
        delivery.recipients().stream()
            .map(r -> r.state() == RecipientOutcome.State.FAILED
                ? new RecipientOutcome(r.recipient(), RecipientOutcome.State.PENDING, r.attempts(),
                    Optional.empty(), r.lastError())
                : r)
            .toList();
    Delivery due =
        delivery.withState(reopened, DeliveryStatus.RETRYING, 0, Optional.of(now), delivery.lastError(),
            Optional.empty(), now, Optional.empty());
    if (!repository.compareAndSet(delivery, due)) {
      throw new ConcurrentChangeException("delivery " + id + " changed while it was being retried; try again");
    }
    return repository.claim(id, now, newLease(now)).map(this::attempt).orElse(due);
  }

  /**
   * One attempt of a claimed delivery: sends to every recipient still pending, writing progress
   * after each, then decides sent, retrying or failed. Stops at once if the lease was lost.
   */
  private Delivery attempt(Delivery claimed) {
    ReportDeliverer deliverer = deliverers.get(claimed.method());
    Instant now = settings.clock().instant();
    if (deliverer == null) {
      return finish(claimed, claimed.recipients(), Optional.empty(),
          claimed.method() + " delivery is not configured in this process", now);
    }
    DeliveryContent content;
    try {
      // A template deleted since the delivery was made leaves the built-in email, as it leaves a subscription.
      Optional<ReportTemplate> template =
          claimed.templateId().flatMap(id -> templates.flatMap(repository -> repository.find(id)));
      content = messageRenderer.render(new StoredReport(claimed.reportType(), claimed.reportData()),
          reportLink(claimed.id()), template);
    } catch (ReportingException e) {
      // The stored report cannot be rendered: no retry will change that.
      List<RecipientOutcome> failed =
          claimed.recipients().stream()
              .map(r -> r.state() == RecipientOutcome.State.PENDING ? r.failed(e.getMessage()) : r)
              .toList();
      return finish(claimed, failed, Optional.empty(), "cannot render the report: " + e.getMessage(), now);
    }
    DeliveryEnvelope envelope = DeliveryEnvelope.of(claimed);
    Delivery current = claimed;
    List<RecipientOutcome> outcomes = new ArrayList<>(claimed.recipients());
    Optional<Duration> serverWait = Optional.empty();
    Optional<String> lastError = claimed.lastError();
    for (int i = 0; i < outcomes.size(); i++) {
      RecipientOutcome outcome = outcomes.get(i);
      if (outcome.state() != RecipientOutcome.State.PENDING) {
        continue;
      }
      SendResult result = sendSafely(deliverer, content, outcome.recipient(), envelope);
      now = settings.clock().instant();
      String shown = deliverer.redact(outcome.recipient());
      if (result instanceof SendResult.Accepted) {
        outcomes.set(i, outcome.sent(now));
      } else if (result instanceof SendResult.RetryableFailure retryable) {
        outcomes.set(i, outcome.retryableError(retryable.reason()));
        lastError = Optional.of(shown + ": " + retryable.reason());
        serverWait = longest(serverWait, retryable.retryAfter());
      } else if (result instanceof SendResult.PermanentFailure permanent) {
        outcomes.set(i, outcome.failed(permanent.reason()));
        lastError = Optional.of(shown + ": " + permanent.reason());
      }
      Delivery progress =
          current.withState(List.copyOf(outcomes), DeliveryStatus.SENDING, current.attemptCount(),
              current.nextAttemptAt(), lastError, Optional.of(new Lease(settings.workerId(),
                  now.plus(settings.lease()))), now, Optional.empty());
      if (!repository.compareAndSet(current, progress)) {
        return repository.find(claimed.id()).orElse(current);
      }
      current = progress;
    }
    return finish(current, outcomes, serverWait, lastError.orElse(null), settings.clock().instant());
  }

  private Delivery finish(
      Delivery current, List<RecipientOutcome> outcomes, Optional<Duration> serverWait, String error, Instant now) {
    boolean pendingLeft = outcomes.stream().anyMatch(r -> r.state() == RecipientOutcome.State.PENDING);
    Optional<String> lastError = Optional.ofNullable(error).or(current::lastError);
    Delivery next;
    if (!pendingLeft) {
      boolean allSent = outcomes.stream().allMatch(r -> r.state() == RecipientOutcome.State.SENT);
      Optional<Instant> sentAt =
          outcomes.stream().map(RecipientOutcome::sentAt).flatMap(Optional::stream).max(Instant::compareTo);
      next = allSent
          ? current.withState(outcomes, DeliveryStatus.SENT, current.attemptCount(), Optional.empty(),
              Optional.empty(), Optional.empty(), now, sentAt)
          : current.withState(outcomes, DeliveryStatus.FAILED, current.attemptCount(), Optional.empty(),
              Optional.of(failureSummary(outcomes, lastError)), Optional.empty(), now, Optional.empty());
    } else if (settings.retryPolicy().attemptsLeftAfter(current.attemptCount())) {
      Duration backoff = settings.retryPolicy().delayAfter(current.attemptCount(), settings.random());
      Duration wait = serverWait.filter(w -> w.compareTo(backoff) > 0).orElse(backoff);
      next = current.withState(outcomes, DeliveryStatus.RETRYING, current.attemptCount(),
          Optional.of(now.plus(wait)), lastError, Optional.empty(), now, Optional.empty());
    } else {
      List<RecipientOutcome> givenUp =
          outcomes.stream()
              .map(r -> r.state() == RecipientOutcome.State.PENDING ? r.givenUp() : r)
              .toList();
      next = current.withState(givenUp, DeliveryStatus.FAILED, current.attemptCount(), Optional.empty(),
          Optional.of(failureSummary(givenUp, lastError)), Optional.empty(), now, Optional.empty());
    }
    if (!repository.compareAndSet(current, next)) {
      return repository.find(current.id()).orElse(current);
    }
    return next;
  }

  private static String failureSummary(List<RecipientOutcome> outcomes, Optional<String> lastError) {
    long failed = outcomes.stream().filter(r -> r.state() == RecipientOutcome.State.FAILED).count();
    String prefix = failed == outcomes.size()
        ? ""
        : failed + " of " + outcomes.size() + " recipients failed; last error: ";
    return prefix + lastError.orElse("failed");
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

  private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get());
  }

  /**
   * The template must exist, be of the report's type, and be the report's gym's or shared. (Without
   * a template repository, as in a service that keeps no templates, messages are the built-in ones.)
   */
  private static void requireTemplateFor(TemplateRepository repository, Report<?> report, UUID id) {
    ReportTemplate template = repository
        .find(id)
        .orElseThrow(() -> new InvalidReportRequestException("template_id", "no template " + id));
    boolean sameGym = template.gymId().isEmpty()
        || report.request().scope().map(scope -> scope.gymId().equals(template.gymId().get())).orElse(false);
    if (!sameGym) {
      throw new InvalidReportRequestException("template_id", "no template " + id);
    }
    if (!template.reportType().equals(report.type())) {
      throw new InvalidReportRequestException("template_id",
          "template " + id + " is a " + template.reportType() + " template, not " + report.type());
    }
  }

  private Lease newLease(Instant now) {
    return new Lease(settings.workerId(), now.plus(settings.lease()));
  }

  private Optional<String> reportLink(DeliveryId id) {
    return settings.publicBaseUrl()
        .map(base -> base.replaceAll("/+$", "") + "/api/analytics/reporting/deliveries/" + id + "/html");
  }

  private String reportData(Report<?> report) {
    List<RenderedOutput> json = reportRenderer.render(report, ReportFormat.JSON);
    if (json.size() != 1) {
      throw new ReportingException("the JSON renderer returned " + json.size() + " documents, expected 1");
    }
    return new String(json.get(0).content(), UTF_8);
  }

  private static String idempotencyKey(
      ReportRequest request,
      DeliveryMethod method,
      List<String> recipients,
      Optional<UUID> subscriptionId,
      Optional<String> requestKey) {
    String period = request.period().startDate() + "/" + request.period().endDate();
    if (subscriptionId.isPresent()) {
      return Joiner.on(':').join("subscription", subscriptionId.get(), request.type(), period, method);
    }
    String scope = request.scope().map(s -> s.gymId() + "/" + s.branchId().map(UUID::toString).orElse("*")).orElse("-");
    if (requestKey.isPresent()) {
      // The scope is part of the key: one client's key never answers for another gym or branch.
      return Joiner.on(':').join("request", requestKey.get(), request.type(), scope, period, method);
    }
    String what = Joiner.on('\n').join(request.type(), scope, request.period().zone().getId(),
        Joiner.on('\n').join(recipients.stream().sorted().toList()));
    String digest = Hashing.sha256().hashString(what, UTF_8).toString().substring(0, 32);
    return Joiner.on(':').join("request", digest, request.type(), period, method);
  }

  private static String requestKey(String key) {
    String stripped = key.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_REQUEST_KEY_LENGTH || !stripped.matches("[\\x21-\\x7e]+")) {
      throw new InvalidReportRequestException(
          "idempotency_key", "must be 1 to " + MAX_REQUEST_KEY_LENGTH + " printable ASCII characters without spaces");
    }
    return stripped;
  }

  private DeliveryMethod method(String value) {
    return DeliveryMethod.fromCode(value)
        .orElseThrow(() -> new InvalidReportRequestException(
            "delivery_method", "unknown delivery method '" + value + "' (use email or slack)"));
  }

  private ReportDeliverer deliverer(DeliveryMethod method) {
    ReportDeliverer deliverer = deliverers.get(method);
    if (deliverer == null) {
      throw new ReportingException(
          method + " delivery is not configured"
              + (method == DeliveryMethod.EMAIL ? " (set REPORTING_SMTP_HOST and REPORTING_SMTP_FROM)" : ""));
    }
    return deliverer;
  }

}
