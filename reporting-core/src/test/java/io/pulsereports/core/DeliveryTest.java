package io.pulsereports.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.DeliveryStatus;
import io.pulsereports.core.delivery.Lease;
import io.pulsereports.core.delivery.RecipientOutcome;
import io.pulsereports.core.delivery.RetryPolicy;
import io.pulsereports.core.delivery.SendResult;
import io.pulsereports.core.model.PeriodActivity;
import io.pulsereports.core.model.PeriodKind;
import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.core.port.in.SendReportCommand;
import io.pulsereports.core.port.in.SendReportResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DeliveryTest {

  /** A report body whose only figure is how many things happened. */
  record Tally(long count) implements PeriodActivity {
    @Override
    public boolean hasActivity() {
      return count > 0;
    }
  }

  private static final ReportType TALLY = new ReportType("tally");
  private static final RetryPolicy THREE_ATTEMPTS =
      new RetryPolicy(3, Duration.ofMinutes(1), 2.0, Duration.ofMinutes(30), 0.2);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-11T06:30:00Z"));
  private final InMemoryDeliveryRepository repository = new InMemoryDeliveryRepository();
  private final RecordingReportDeliverer email = new RecordingReportDeliverer(DeliveryMethod.EMAIL);
  private final AtomicLong tally = new AtomicLong(7);
  private final AtomicReference<RuntimeException> renderFailure = new AtomicReference<>();

  private Reporting reporting(String... baseUrl) {
    Reporting.Builder builder =
        Reporting.builder()
            .clock(clock)
            .register(new ReportDefinition<>(TALLY, PeriodKind.DAY, false, request -> new Tally(tally.get())))
            .delivery(
                repository,
                (report, format) -> List.of(new RenderedOutput("report", ReportFormat.JSON,
                    ("{\"count\": " + ((Tally) report.body()).count() + "}").getBytes(StandardCharsets.UTF_8))),
                (stored, link) -> {
                  if (renderFailure.get() != null) {
                    throw renderFailure.get();
                  }
                  return new DeliveryContent("Tally", "tally for a day", List.of(), "<p>" + stored.reportData() + "</p>",
                      stored.reportData(), List.of(), List.of(), link);
                })
            .deliverer(email)
            .retryPolicy(THREE_ATTEMPTS)
            .workerId("worker-a")
            .jitter(() -> 0.5);
    if (baseUrl.length > 0) {
      builder.publicBaseUrl(baseUrl[0]);
    }
    return builder.build();
  }

  private static SendReportCommand sendTally(String... recipients) {
    return SendReportCommand.adHoc(
        GenerateReportCommand.builder("tally").date("2026-03-10").build(), "email", List.of(recipients));
  }

  @Test
  void aReportIsGeneratedStoredAndSentOnceToEachRecipient() {
    SendReportResult result = reporting().send(sendTally("ana@example.com", "bo@example.com"));

    Delivery delivery = result.delivery();
    assertThat(result.duplicate()).isFalse();
    assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(delivery.attemptCount()).isEqualTo(1);
    assertThat(delivery.sentAt()).contains(clock.instant());
    assertThat(delivery.reportData()).isEqualTo("{\"count\": 7}");
    assertThat(delivery.recipients()).extracting(RecipientOutcome::state)
        .containsExactly(RecipientOutcome.State.SENT, RecipientOutcome.State.SENT);
    assertThat(email.acceptedRecipients()).containsExactly("ana@example.com", "bo@example.com");
    assertThat(email.sent.get(0).content().text()).isEqualTo("{\"count\": 7}");
    assertThat(repository.all()).containsExactly(delivery);
  }

  @Test
  void theSameRequestForTheSamePeriodIsDeliveredOnlyOnce() {
    Reporting reporting = reporting();
    Delivery first = reporting.send(sendTally("ana@example.com")).delivery();

    SendReportResult again = reporting.send(sendTally(" ana@example.com "));

    assertThat(again.duplicate()).isTrue();
    assertThat(again.delivery().id()).isEqualTo(first.id());
    assertThat(email.sent).hasSize(1);
    assertThat(repository.all()).hasSize(1);
  }

  @Test
  void aSubscriptionDeliversEachPeriodOnceWhateverItsRecipients() {
    Reporting reporting = reporting();
    String subscription = "6f1c2a52-0d7e-4a39-9bd4-0c2d0c7c1f10";
    GenerateReportCommand day = GenerateReportCommand.builder("tally").date("2026-03-10").build();
    reporting.send(new SendReportCommand(day, "email", List.of("ana@example.com"), Optional.of(subscription), Optional.empty(), false, Optional.empty()));

    SendReportResult again = reporting.send(
        new SendReportCommand(day, "email", List.of("bo@example.com"), Optional.of(subscription), Optional.empty(), false, Optional.empty()));
    SendReportResult nextDay = reporting.send(new SendReportCommand(
        GenerateReportCommand.builder("tally").date("2026-03-11").build(), "email", List.of("ana@example.com"),
        Optional.of(subscription), Optional.empty(), false, Optional.empty()));

    assertThat(again.duplicate()).isTrue();
    assertThat(nextDay.duplicate()).isFalse();
    assertThat(nextDay.delivery().idempotencyKey())
        .isEqualTo("subscription:" + subscription + ":tally:2026-03-11/2026-03-11:email");
  }

  @Test
  void aPassingFailureIsRetriedWithBackOffUntilTheThirdAttemptSucceeds() {
    email.answering(SendResult.retryable("421 try later"), SendResult.retryable("connection refused"));
    Reporting reporting = reporting();

    Delivery first = reporting.send(sendTally("ana@example.com")).delivery();
    assertThat(first.status()).isEqualTo(DeliveryStatus.RETRYING);
    assertThat(first.attemptCount()).isEqualTo(1);
    assertThat(first.nextAttemptAt()).contains(clock.instant().plus(Duration.ofMinutes(1)));
    assertThat(first.lastError()).contains("ana@example.com: 421 try later");

    clock.advance(Duration.ofSeconds(59));
    assertThat(reporting.runDueDeliveries(10).attempted()).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    Delivery second = reporting.runDueDeliveries(10).attempted().get(0);
    assertThat(second.status()).isEqualTo(DeliveryStatus.RETRYING);
    assertThat(second.nextAttemptAt()).contains(clock.instant().plus(Duration.ofMinutes(2)));

    clock.advance(Duration.ofMinutes(2));
    Delivery third = reporting.runDueDeliveries(10).attempted().get(0);
    assertThat(third.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(third.attemptCount()).isEqualTo(3);
    assertThat(third.lastError()).isEmpty();
    assertThat(third.recipients().get(0).attempts()).isEqualTo(3);
    assertThat(email.sent).hasSize(3);
  }

  @Test
  void whenEveryAttemptFailsTheDeliveryEndsFailedWithTheLastErrorAndKeepsItsReport() {
    email.answering(SendResult.retryable("refused 1"), SendResult.retryable("refused 2"), SendResult.retryable("refused 3"));
    Reporting reporting = reporting();
    Delivery delivery = reporting.send(sendTally("ana@example.com")).delivery();

    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMinutes(30));
      reporting.runDueDeliveries(10);
    }

    Delivery failed = reporting.findDelivery(delivery.id().toString()).orElseThrow();
    assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(failed.attemptCount()).isEqualTo(3);
    assertThat(failed.lastError()).contains("ana@example.com: refused 3");
    assertThat(failed.recipients().get(0).state()).isEqualTo(RecipientOutcome.State.FAILED);
    assertThat(failed.reportData()).isEqualTo("{\"count\": 7}");
    assertThat(email.sent).hasSize(3);
  }

  @Test
  void aPermanentFailureFailsAtOnce() {
    email.answering(SendResult.permanent("550 no such user"));

    Delivery delivery = reporting().send(sendTally("ana@example.com")).delivery();

    assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(delivery.attemptCount()).isEqualTo(1);
    assertThat(delivery.lastError()).contains("ana@example.com: 550 no such user");
  }

  @Test
  void aServersRetryAfterLongerThanTheBackOffIsHonoured() {
    email.answering(new SendResult.RetryableFailure("429", Optional.of(Duration.ofMinutes(10))));

    Delivery delivery = reporting().send(sendTally("ana@example.com")).delivery();

    assertThat(delivery.nextAttemptAt()).contains(clock.instant().plus(Duration.ofMinutes(10)));
  }

  @Test
  void aRetryGoesOnlyToTheRecipientsThatHaveNotReceivedTheReport() {
    email.answering(SendResult.accepted(), SendResult.retryable("timeout"));
    Reporting reporting = reporting();
    reporting.send(sendTally("ana@example.com", "bo@example.com"));

    clock.advance(Duration.ofMinutes(1));
    Delivery after = reporting.runDueDeliveries(10).attempted().get(0);

    assertThat(email.acceptedRecipients()).containsExactly("ana@example.com", "bo@example.com", "bo@example.com");
    assertThat(after.status()).isEqualTo(DeliveryStatus.SENT);
  }

  @Test
  void oneRecipientFailingForGoodFailsTheDeliveryAndSaysHowMany() {
    email.answering(SendResult.permanent("550 mailbox unavailable"), SendResult.accepted());

    Delivery delivery = reporting().send(sendTally("ana@example.com", "bo@example.com")).delivery();

    assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(delivery.lastError()).contains("1 of 2 recipients failed; last error: ana@example.com: 550 mailbox unavailable");
    assertThat(delivery.recipients()).extracting(RecipientOutcome::state)
        .containsExactly(RecipientOutcome.State.FAILED, RecipientOutcome.State.SENT);
  }

  @Test
  void aDeliveryLeftSendingByADeadWorkerIsTakenOverOnceItsLeaseExpires() {
    email.answering(SendResult.retryable("down"));
    Reporting reporting = reporting();
    Delivery delivery = reporting.send(sendTally("ana@example.com")).delivery();
    Delivery crashed = delivery.withState(delivery.recipients(), DeliveryStatus.SENDING, 2, Optional.empty(),
        delivery.lastError(), Optional.of(new Lease("dead-worker", clock.instant().plus(Duration.ofMinutes(5)))),
        clock.instant(), Optional.empty());
    repository.put(crashed);

    clock.advance(Duration.ofMinutes(4));
    assertThat(reporting.runDueDeliveries(10).attempted()).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    Delivery takenOver = reporting.runDueDeliveries(10).attempted().get(0);

    assertThat(takenOver.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(takenOver.attemptCount()).isEqualTo(3);
  }

  @Test
  void aWorkerThatLostItsLeaseStopsWithoutOverwritingTheNewOwner() {
    Reporting reporting = reporting();
    email.beforeEachSend = () -> {
      Delivery current = repository.all().get(0);
      if (current.lease().map(lease -> lease.owner().equals("worker-a")).orElse(false)) {
        repository.put(current.withState(current.recipients(), DeliveryStatus.SENDING, current.attemptCount() + 1,
            Optional.empty(), Optional.empty(), Optional.of(new Lease("worker-b", clock.instant().plusSeconds(300))),
            clock.instant(), Optional.empty()));
      }
    };

    Delivery delivery = reporting.send(sendTally("ana@example.com", "bo@example.com")).delivery();

    assertThat(email.sent).hasSize(1);
    assertThat(delivery.lease().map(Lease::owner)).contains("worker-b");
    assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENDING);
  }

  @Test
  void anEmptyPeriodIsRecordedAsSkippedWhenAskedAndNothingIsSent() {
    tally.set(0);
    SendReportCommand command = new SendReportCommand(GenerateReportCommand.builder("tally").date("2026-03-10").build(),
        "email", List.of("ana@example.com"), Optional.empty(), Optional.empty(), true, Optional.empty());

    Delivery delivery = reporting().send(command).delivery();

    assertThat(delivery.status()).isEqualTo(DeliveryStatus.SKIPPED);
    assertThat(email.sent).isEmpty();
    assertThat(reporting().runDueDeliveries(10).attempted()).isEmpty();
  }

  @Test
  void badInputNamesTheFieldAndNothingIsStoredOrSent() {
    Reporting reporting = reporting();
    assertThatThrownBy(() -> reporting.send(SendReportCommand.adHoc(
            GenerateReportCommand.builder("tally").date("2026-03-10").build(), "fax", List.of("ana@example.com"))))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> assertThat(e.field()).isEqualTo("delivery_method"));
    assertThatThrownBy(() -> reporting.send(sendTally()))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> assertThat(e.field()).isEqualTo("recipients"));
    assertThatThrownBy(() -> reporting.send(sendTally("ana@example.com", "invalid-address")))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("recipients");
          assertThat(e.getMessage()).contains("invalid-address");
        });
    assertThatThrownBy(() -> reporting.send(sendTally(" ")))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> assertThat(e.field()).isEqualTo("recipients"));
    assertThatThrownBy(() -> reporting.send(SendReportCommand.adHoc(
            GenerateReportCommand.builder("tally").date("2026-02-30").build(), "email", List.of("ana@example.com"))))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> assertThat(e.field()).isEqualTo("date"));
    assertThatThrownBy(() -> reporting.send(SendReportCommand.adHoc(
            GenerateReportCommand.builder("tally").date("2026-03-10").build(), "slack", List.of("https://hooks.slack.com/x"))))
        .isInstanceOf(ReportingException.class)
        .hasMessageContaining("slack delivery is not configured");

    assertThat(repository.all()).isEmpty();
    assertThat(email.sent).isEmpty();
  }

  @Test
  void retryingAFailedDeliverySendsTheStoredReportAgainWithAFreshBudget() {
    email.answering(SendResult.permanent("550 mailbox full"));
    Reporting reporting = reporting();
    Delivery failed = reporting.send(sendTally("ana@example.com")).delivery();
    tally.set(99);

    Delivery retried = reporting.retryDelivery(failed.id().toString());

    assertThat(retried.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(retried.attemptCount()).isEqualTo(1);
    assertThat(email.sent.get(1).content().text()).isEqualTo("{\"count\": 7}");
    assertThatThrownBy(() -> reporting.retryDelivery(failed.id().toString()))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("delivery_id");
          assertThat(e.getMessage()).contains("is sent");
        });
    assertThatThrownBy(() -> reporting.retryDelivery("not-a-uuid"))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> assertThat(e.field()).isEqualTo("delivery_id"));
  }

  @Test
  void aReportThatCannotBeRenderedFailsWithoutRetrying() {
    renderFailure.set(new ReportingException("no HTML template for report type 'tally'"));

    Delivery delivery = reporting().send(sendTally("ana@example.com")).delivery();

    assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(delivery.lastError()).hasValueSatisfying(error -> assertThat(error).contains("no HTML template"));
    assertThat(email.sent).isEmpty();
  }

  @Test
  void theMessageLinksToTheFullReportWhenAPublicBaseUrlIsConfigured() {
    Delivery delivery = reporting("https://reports.example.com/").send(sendTally("ana@example.com")).delivery();

    assertThat(email.sent.get(0).content().reportLink())
        .contains("https://reports.example.com/api/analytics/reporting/deliveries/" + delivery.id() + "/html");
    assertThat(email.sent.get(0).envelope().deliveryId()).isEqualTo(delivery.id());
  }
}
