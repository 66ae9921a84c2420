package io.pulsereports.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.pulsereports.core.conversion.ConversionOffer;
import io.pulsereports.core.conversion.ConversionTrigger;
import io.pulsereports.core.conversion.OfferTerms;
import io.pulsereports.core.conversion.TriggerConditions;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.SendResult;
import io.pulsereports.core.metric.ConversionCandidate;
import io.pulsereports.core.metric.LearningDailyReport;
import io.pulsereports.core.metric.LearningMetricsConfig;
import io.pulsereports.core.port.in.CandidateOffer;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.core.port.in.OfferOutcome;
import io.pulsereports.core.port.in.SendConversionOffersCommand;
import io.pulsereports.core.port.in.SendConversionOffersCommand.Mode;
import io.pulsereports.core.port.in.SendConversionOffersResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Conversion offers through the facade, on the in-memory learning tables and conversion_triggers.
 * D is 2026-03-10 in UTC and the run happens on 2026-03-11 at 06:30 UTC unless a test says
 * otherwise. anna (4 sessions, mean 9.0) and bo (3, mean 8.6) qualify with an address, cy (3, mean
 * 9.9) without one; dee is a student and eve was offered on 02-20.
 */
class ConversionOffersTest {

  private static final String D = "2026-03-10";
  private static final Instant RUN = Instant.parse("2026-03-11T06:30:00Z");

  private final MutableClock clock = new MutableClock(RUN);
  private final InMemoryLearningActivityRepository learning = new InMemoryLearningActivityRepository();
  private final InMemoryConversionTriggerRepository triggers = new InMemoryConversionTriggerRepository(learning);
  private final FakeOfferRenderer renderer = new FakeOfferRenderer();
  private final RecordingReportDeliverer email = new RecordingReportDeliverer(DeliveryMethod.EMAIL);

  ConversionOffersTest() {
    learning
        .user("anna", "anna@example.com", "free", "B2")
        .session("a1", "anna", "2026-03-10T09:00:00Z", 9.5, 0)
        .session("a2", "anna", "2026-03-09T09:00:00Z", 9.0, 0)
        .session("a3", "anna", "2026-03-08T09:00:00Z", 8.5, 0)
        .session("a4", "anna", "2026-03-07T09:00:00Z", 9.0, 0)
        .user("bo", "bo@example.com", "free", "C1")
        .session("b1", "bo", "2026-03-10T10:00:00Z", 9.0, 0)
        .session("b2", "bo", "2026-03-09T10:00:00Z", 8.6, 0)
        .session("b3", "bo", "2026-03-08T10:00:00Z", 8.2, 0)
        .session("b4", "bo", "2026-03-07T10:00:00Z", 5.0, 0)
        .user("cy", null, "free", "B1")
        .session("c1", "cy", "2026-03-10T11:00:00Z", 9.9, 0)
        .session("c2", "cy", "2026-03-09T11:00:00Z", 9.9, 0)
        .session("c3", "cy", "2026-03-08T11:00:00Z", 9.9, 0)
        .user("dee", "dee@example.com", "student", "C2")
        .session("d1", "dee", "2026-03-10T09:00:00Z", 9.9, 0)
        .session("d2", "dee", "2026-03-09T09:00:00Z", 9.9, 0)
        .session("d3", "dee", "2026-03-08T09:00:00Z", 9.9, 0)
        .user("eve", "eve@example.com", "free", "B2")
        .session("e1", "eve", "2026-03-10T09:00:00Z", 9.9, 0)
        .session("e2", "eve", "2026-03-09T09:00:00Z", 9.9, 0)
        .session("e3", "eve", "2026-03-08T09:00:00Z", 9.9, 0);
    triggers.add(new ConversionTrigger("app-1", "eve", "executive_offer", Optional.empty(), List.of(),
        Instant.parse("2026-02-20T09:00:00Z"), true));
  }

  private Reporting reporting() {
    return Reporting.builder()
        .clock(clock)
        .learningMetrics(LearningMetricsConfig.builder().offer(OfferTerms.of("179", "USD").withDiscountPercent(25)).build())
        .learningActivity(learning)
        .conversionTriggers(triggers)
        .offerRenderer(renderer)
        .deliverer(email)
        .build();
  }

  private SendConversionOffersResult run(Mode mode) {
    return run(D, mode);
  }

  private SendConversionOffersResult run(String date, Mode mode) {
    return reporting().sendConversionOffers(
        SendConversionOffersCommand.builder().date(date).timezone("UTC").mode(mode).build());
  }

  private static String id(String user, String day) {
    return ConversionTrigger.idFor("executive_offer", user, LocalDate.parse(day));
  }

  private static List<String> outcomes(List<CandidateOffer> offers) {
    return offers.stream().map(offer -> offer.userId() + ":" + offer.outcome().code()).toList();
  }

  @Test
  void listingGivesExactlyTheLearningReportsCandidatesAndReadsNothingElse() {
    Reporting listOnly = Reporting.builder().clock(clock).learningActivity(learning).build();

    SendConversionOffersResult listed =
        listOnly.sendConversionOffers(SendConversionOffersCommand.builder().date(D).timezone("UTC").build());

    LearningDailyReport report = (LearningDailyReport) listOnly
        .generate(GenerateReportCommand.builder("learning-daily").date(D).timezone("UTC").build()).report().body();
    assertThat(listed.mode()).isEqualTo(Mode.LIST);
    assertThat(listed.candidates())
        .extracting(CandidateOffer::userId, CandidateOffer::email, CandidateOffer::sessions)
        .containsExactlyElementsOf(report.conversion().candidates().stream()
            .map(c -> tuple(c.userId(), c.email(), c.sessions())).toList());
    assertThat(listed.candidates()).extracting(CandidateOffer::userId).containsExactly("cy", "anna", "bo");
    assertThat(listed.candidates().get(1).avgScore()).isEqualTo(OptionalDouble.of(9.0));
    assertThat(listed.candidates()).allSatisfy(c -> assertThat(c.outcome()).isInstanceOf(OfferOutcome.Listed.class));
    assertThat(listed.alreadyOffered()).isEmpty();
    assertThat(triggers.rows()).hasSize(1); // eve's, written by the app
    assertThat(email.sent).isEmpty();
  }

  @Test
  void sendingRecordsOneTriggerPerCandidateAndEmailsEveryCandidateWithAnAddress() {
    SendConversionOffersResult result = run(Mode.SEND);

    assertThat(outcomes(result.candidates())).containsExactly("cy:no_email", "anna:sent", "bo:sent");
    assertThat(result.candidates().get(0).outcome()).isEqualTo(new OfferOutcome.NoEmail(Optional.of(id("cy", D)), "no email address"));
    assertThat(result.candidates().get(1).outcome()).isEqualTo(new OfferOutcome.RecordedAndSent(id("anna", D), false));
    assertThat(result.anySendFailed()).isFalse();
    assertThat(email.acceptedRecipients()).containsExactly("anna@example.com", "bo@example.com");

    ConversionTrigger anna = triggers.rows().stream().filter(t -> t.userId().equals("anna")).findFirst().orElseThrow();
    assertThat(anna.triggerId()).isEqualTo(id("anna", D));
    assertThat(anna.triggerType()).isEqualTo("executive_offer");
    assertThat(anna.conditionsMet()).contains(new TriggerConditions(3, 8.0, true, 14, 4, 9.0));
    assertThat(anna.confidenceScores()).containsExactly(9.5, 9.0, 8.5, 9.0);
    // D is over: the trigger belongs to D, at its last second.
    assertThat(anna.triggeredAt()).isEqualTo(Instant.parse("2026-03-10T23:59:59Z"));
    assertThat(anna.offerSent()).isTrue();
    assertThat(triggers.rows()).extracting(ConversionTrigger::userId, ConversionTrigger::offerSent)
        .containsExactlyInAnyOrder(tuple("eve", true), tuple("cy", false), tuple("anna", true), tuple("bo", true));
  }

  @Test
  void theOfferQuotesTheStreakAndTheTermsAndEverySendOfATriggerCarriesTheSameEnvelope() {
    run(Mode.SEND);

    ConversionOffer offer = renderer.rendered.stream().filter(o -> o.userId().equals("anna")).findFirst().orElseThrow();
    assertThat(offer.email()).isEqualTo("anna@example.com");
    assertThat(offer.sessions()).isEqualTo(4);
    assertThat(offer.avgScore()).isEqualTo(9.0);
    assertThat(offer.scores()).containsExactly(9.5, 9.0, 8.5, 9.0);
    assertThat(offer.terms().discountedPrice()).hasToString("134.25");
    assertThat(offer.day()).isEqualTo(LocalDate.parse(D));
    // Valid 7 days from the day it is sent (today), not from D.
    assertThat(offer.validUntil()).isEqualTo(LocalDate.parse("2026-03-18"));
    RecordingReportDeliverer.Sent sent = email.sent.get(0);
    assertThat(sent.envelope().deliveryId().value()).isEqualTo(UUID.fromString(id("anna", D)));
    assertThat(sent.envelope().idempotencyKey()).isEqualTo("conversion-offer:" + id("anna", D));
    assertThat(sent.envelope().subscriptionId()).isEmpty();
  }

  @Test
  void aSecondRunTheSameDayRecordsAndSendsNothingNew() {
    run(Mode.SEND);
    List<ConversionTrigger> afterFirst = triggers.rows();

    SendConversionOffersResult again = run(Mode.SEND);

    // anna and bo are in the cooldown now; cy still has no address.
    assertThat(outcomes(again.candidates())).containsExactly("cy:no_email");
    assertThat(outcomes(again.alreadyOffered())).containsExactly("anna:already_sent", "bo:already_sent");
    CandidateOffer anna = again.alreadyOffered().get(0);
    assertThat(anna.sessions()).isEqualTo(4);
    assertThat(anna.avgScore()).isEqualTo(OptionalDouble.of(9.0));
    assertThat(anna.email()).contains("anna@example.com");
    assertThat(anna.outcome()).isEqualTo(new OfferOutcome.AlreadySent(Optional.of(id("anna", D))));
    assertThat(triggers.rows()).isEqualTo(afterFirst);
    assertThat(email.sent).hasSize(2);
  }

  @Test
  void theLearningReportOfTheDayExcludesTheUsersSentTheOffer() {
    run(Mode.SEND);

    LearningDailyReport report = (LearningDailyReport) reporting()
        .generate(GenerateReportCommand.builder("learning-daily").date(D).timezone("UTC").build()).report().body();

    assertThat(report.conversion().candidates()).extracting(ConversionCandidate::userId).containsExactly("cy");
  }

  @Test
  void aFailedSendLeavesTheTriggerUnsentAndTheNextRunSendsExactlyThatOne() {
    email.answering(SendResult.retryable("connection refused"));

    SendConversionOffersResult first = run(Mode.SEND);

    assertThat(first.anySendFailed()).isTrue();
    assertThat(first.candidates().get(1).outcome())
        .isEqualTo(new OfferOutcome.SendFailed(id("anna", D), "connection refused", true));
    assertThat(triggers.rows()).filteredOn(t -> t.userId().equals("anna")).singleElement()
        .extracting(ConversionTrigger::offerSent).isEqualTo(false);

    SendConversionOffersResult second = run(Mode.SEND);

    assertThat(outcomes(second.candidates())).containsExactly("cy:no_email", "anna:sent");
    assertThat(second.candidates().get(1).outcome()).isEqualTo(new OfferOutcome.RecordedAndSent(id("anna", D), true));
    assertThat(outcomes(second.alreadyOffered())).containsExactly("bo:already_sent");
    assertThat(email.sent).extracting(RecordingReportDeliverer.Sent::recipient)
        .containsExactly("anna@example.com", "bo@example.com", "anna@example.com");
    assertThat(triggers.rows()).hasSize(4);
    assertThat(triggers.rows()).filteredOn(ConversionTrigger::offerSent).hasSize(3);
  }

  @Test
  void aPermanentFailureIsReportedAsSuch() {
    email.answering(SendResult.permanent("550 no such mailbox"));

    SendConversionOffersResult result = run(Mode.SEND);

    assertThat(result.candidates().get(1).outcome())
        .isEqualTo(new OfferOutcome.SendFailed(id("anna", D), "550 no such mailbox", false));
  }

  @Test
  void anAddressTheDelivererRefusesIsNoEmailAndNothingIsSentToIt() {
    learning.user("bo", "invalid-bo", "free", "C1");

    SendConversionOffersResult result = run(Mode.SEND);

    assertThat(result.candidates().get(2).outcome())
        .isEqualTo(new OfferOutcome.NoEmail(Optional.of(id("bo", D)), "'invalid-bo' is not a valid address"));
    assertThat(email.acceptedRecipients()).containsExactly("anna@example.com");
  }

  @Test
  void aDryRunShowsWhatWouldBeSentAndWritesAndSendsNothing() {
    triggers.add(new ConversionTrigger("app-7", "bo", "executive_offer", Optional.empty(), List.of(),
        Instant.parse("2026-03-10T12:00:00Z"), false));

    SendConversionOffersResult dry = run(Mode.DRY_RUN);

    assertThat(outcomes(dry.candidates())).containsExactly("cy:no_email", "anna:would_send", "bo:would_send");
    assertThat(dry.candidates().get(0).outcome()).isEqualTo(new OfferOutcome.NoEmail(Optional.empty(), "no email address"));
    assertThat(dry.candidates().get(1).outcome()).isEqualTo(new OfferOutcome.WouldSend("Offer for anna", false));
    assertThat(dry.candidates().get(2).outcome()).isEqualTo(new OfferOutcome.WouldSend("Offer for bo", true));
    assertThat(triggers.rows()).hasSize(2);
    assertThat(triggers.claims).isZero();
    assertThat(email.sent).isEmpty();
  }

  @Test
  void aTriggerAnotherClientRecordedForTheDayIsUsedNotDuplicated() {
    triggers.add(new ConversionTrigger("app-7", "bo", "executive_offer", Optional.empty(), List.of(),
        Instant.parse("2026-03-10T12:00:00Z"), false));

    SendConversionOffersResult result = run(Mode.SEND);

    assertThat(result.candidates().get(2).outcome()).isEqualTo(new OfferOutcome.RecordedAndSent("app-7", true));
    assertThat(triggers.rows()).filteredOn(t -> t.userId().equals("bo")).singleElement()
        .extracting(ConversionTrigger::offerSent).isEqualTo(true);
    RecordingReportDeliverer.Sent sent = email.sent.get(1);
    assertThat(sent.envelope().deliveryId().value())
        .isEqualTo(UUID.nameUUIDFromBytes("conversion-trigger:app-7".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void aUserSentTheOfferOnALaterDayIsNotSentItAgainForAnEarlierDay() {
    // The run for the 11th went first (the emails go out now, whatever day they are for).
    triggers.add(new ConversionTrigger(id("anna", "2026-03-11"), "anna", "executive_offer", Optional.empty(),
        List.of(9.5, 9.0, 8.5), Instant.parse("2026-03-11T06:00:00Z"), true));

    SendConversionOffersResult result = run(Mode.SEND);

    assertThat(result.candidates().get(1).outcome()).isEqualTo(new OfferOutcome.AlreadySent(Optional.empty()));
    assertThat(email.acceptedRecipients()).containsExactly("bo@example.com");
  }

  @Test
  void forTodayTheTriggerIsStampedWithTheMomentOfTheRunToTheSecond() {
    clock.advance(Duration.ofMillis(15_123));
    learning.session("a0", "anna", "2026-03-11T05:00:00Z", 9.0, 0);

    run("2026-03-11", Mode.SEND);

    assertThat(triggers.rows()).filteredOn(t -> t.userId().equals("anna")).singleElement()
        .extracting(ConversionTrigger::triggeredAt).isEqualTo(Instant.parse("2026-03-11T06:30:15Z"));
  }

  @Test
  void theDateDefaultsToYesterdayInTheZone() {
    SendConversionOffersResult result = reporting().sendConversionOffers(
        SendConversionOffersCommand.builder().timezone("America/New_York").build());

    // 06:30 UTC on the 11th is 02:30 in New York: yesterday is the 10th.
    assertThat(result.day().startDate()).isEqualTo(LocalDate.parse(D));
    assertThat(result.day().zone().getId()).isEqualTo("America/New_York");
  }

  @Test
  void aDayAfterTodayIsListedButNeverSent() {
    assertThatThrownBy(() -> run("2026-03-12", Mode.SEND))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("date");
          assertThat(e.problem()).contains("after today (2026-03-11 in UTC)");
        });
    assertThatThrownBy(() -> run("2026-03-12", Mode.DRY_RUN)).isInstanceOf(InvalidReportRequestException.class);
    assertThat(learning.queries).isEmpty();
    // Listing a day that has not ended is like generating its report early.
    assertThat(run("2026-03-12", Mode.LIST).candidates()).extracting(CandidateOffer::userId).containsExactly("cy", "anna", "bo");
  }

  @Test
  void aBadDateOrTimeZoneNamesTheFieldBeforeAnythingIsRead() {
    assertThatThrownBy(() -> run("2026-02-30", Mode.SEND))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> assertThat(e.field()).isEqualTo("date"));
    assertThatThrownBy(() -> reporting().sendConversionOffers(
            SendConversionOffersCommand.builder().timezone("Mars/Olympus").mode(Mode.SEND).build()))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> assertThat(e.field()).isEqualTo("timezone"));
    assertThat(learning.queries).isEmpty();
    assertThat(triggers.rows()).hasSize(1);
  }

  @Test
  void sendingWithoutTriggersRendererOrEmailSaysWhatIsMissing() {
    Reporting noTriggers = Reporting.builder().clock(clock).learningActivity(learning).offerRenderer(renderer).deliverer(email).build();
    Reporting noRenderer = Reporting.builder().clock(clock).learningActivity(learning).conversionTriggers(triggers).deliverer(email).build();
    Reporting noEmail = Reporting.builder().clock(clock).learningActivity(learning).conversionTriggers(triggers).offerRenderer(renderer).build();
    SendConversionOffersCommand send = SendConversionOffersCommand.builder().date(D).mode(Mode.SEND).build();

    assertThatThrownBy(() -> noTriggers.sendConversionOffers(send)).hasMessageContaining("conversionTriggers(");
    assertThatThrownBy(() -> noRenderer.sendConversionOffers(send)).hasMessageContaining("offerRenderer(");
    assertThatThrownBy(() -> noEmail.sendConversionOffers(send)).hasMessageContaining("REPORTING_SMTP_HOST");
    assertThatThrownBy(() -> Reporting.builder().leadActivity(new InMemoryLeadActivityRepository()).build()
            .sendConversionOffers(send))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("learningActivity(");
    assertThat(email.sent).isEmpty();
  }

  @Test
  void twoRunsAtOnceRecordOneTriggerAndSendOneEmailPerCandidate() throws Exception {
    // Every send waits until both runs are under way, so they overlap on every candidate.
    CountDownLatch bothStarted = new CountDownLatch(2);
    learning.user("fay", "fay@example.com", "free", "B2")
        .session("f1", "fay", "2026-03-10T12:00:00Z", 9.1, 0)
        .session("f2", "fay", "2026-03-09T12:00:00Z", 9.1, 0)
        .session("f3", "fay", "2026-03-08T12:00:00Z", 9.1, 0);
    email.beforeEachSend = () -> sleep(20);
    Reporting first = reporting();
    Reporting second = reporting();
    SendConversionOffersCommand send = SendConversionOffersCommand.builder().date(D).timezone("UTC").mode(Mode.SEND).build();

    CompletableFuture<SendConversionOffersResult> a = CompletableFuture.supplyAsync(() -> {
      bothStarted.countDown();
      await(bothStarted);
      return first.sendConversionOffers(send);
    });
    CompletableFuture<SendConversionOffersResult> b = CompletableFuture.supplyAsync(() -> {
      bothStarted.countDown();
      await(bothStarted);
      return second.sendConversionOffers(send);
    });

    a.get(10, TimeUnit.SECONDS);
    b.get(10, TimeUnit.SECONDS);
    assertThat(email.acceptedRecipients())
        .containsExactlyInAnyOrder("anna@example.com", "bo@example.com", "fay@example.com");
    assertThat(triggers.rows()).extracting(ConversionTrigger::userId)
        .containsExactlyInAnyOrder("eve", "cy", "anna", "bo", "fay");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
