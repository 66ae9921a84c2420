package io.pulsereports.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.DeliveryStatus;
import io.pulsereports.core.delivery.StoredReport;
import io.pulsereports.core.model.PeriodKind;
import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.core.port.in.SendReportCommand;
import io.pulsereports.core.port.out.MessageRenderer;
import io.pulsereports.core.template.ReportTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A delivery made with a custom template keeps it, and its message is rendered with it. */
class DeliveryTemplateTest {

  private static final ReportType TALLY = new ReportType("tally");
  private static final ReportType OTHER = new ReportType("other");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-11T06:30:00Z"));
  private final InMemoryDeliveryRepository deliveries = new InMemoryDeliveryRepository();
  private final InMemoryTemplateRepository templates = new InMemoryTemplateRepository();
  private final RecordingReportDeliverer email = new RecordingReportDeliverer(DeliveryMethod.EMAIL);

  /** Renders the built-in message, or one whose HTML names the template it was given. */
  private final MessageRenderer messages = new MessageRenderer() {
    @Override
    public DeliveryContent render(StoredReport report, Optional<String> link) {
      return new DeliveryContent("Tally", "tally", List.of(), "<p>built-in</p>", "text", List.of(), List.of(), link);
    }

    @Override
    public DeliveryContent render(StoredReport report, Optional<String> link, Optional<ReportTemplate> template) {
      return template
          .map(t -> new DeliveryContent(t.subject().orElse("Tally"), "tally", List.of(), "<p>" + t.name() + "</p>",
              "text", List.of(), List.of(), link))
          .orElseGet(() -> render(report, link));
    }
  };

  private final Reporting reporting = Reporting.builder()
      .clock(clock)
      .register(new ReportDefinition<>(TALLY, PeriodKind.DAY, false, request -> new DeliveryTest.Tally(3)))
      .register(new ReportDefinition<>(OTHER, PeriodKind.DAY, false, request -> new DeliveryTest.Tally(3)))
      .delivery(deliveries,
          (report, format) -> List.of(new RenderedOutput("report", ReportFormat.JSON,
              "{\"count\": 3}".getBytes(StandardCharsets.UTF_8))),
          messages)
      .templates(templates, (report, format) -> List.of())
      .deliverer(email)
      .build();

  @Test
  void aSendWithATemplateKeepsItAndTheMessageIsRenderedWithIt() {
    ReportTemplate morning = template("Morning", TALLY, Optional.of("Morning tally"));

    Delivery delivery = reporting.send(send(morning.id().toString())).delivery();

    assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(delivery.templateId()).contains(morning.id());
    assertThat(email.sent).singleElement().satisfies(sent -> {
      assertThat(sent.content().html()).isEqualTo("<p>Morning</p>");
      assertThat(sent.content().subject()).isEqualTo("Morning tally");
    });
  }

  @Test
  void aTemplateDeletedBeforeTheAttemptLeavesTheBuiltInMessage() {
    ReportTemplate morning = template("Morning", TALLY, Optional.empty());
    email.answering(io.pulsereports.core.delivery.SendResult.retryable("421 try later"));
    Delivery first = reporting.send(send(morning.id().toString())).delivery();
    assertThat(first.status()).isEqualTo(DeliveryStatus.RETRYING);

    templates.delete(morning.id());
    clock.advance(java.time.Duration.ofHours(1));
    reporting.runDueDeliveries(10);

    assertThat(email.sent).hasSize(2);
    assertThat(email.sent.get(1).content().html()).isEqualTo("<p>built-in</p>");
    assertThat(deliveries.find(first.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
  }

  @Test
  void aTemplateOfAnotherTypeOrAnUnknownOneIsRefusedAndNothingIsStoredOrSent() {
    ReportTemplate other = template("Other", OTHER, Optional.empty());

    assertThatThrownBy(() -> reporting.send(send(other.id().toString())))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("template_id");
          assertThat(e.problem()).contains("other template");
        });
    assertThatThrownBy(() -> reporting.send(send(UUID.randomUUID().toString())))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> assertThat(e.field()).isEqualTo("template_id"));
    assertThatThrownBy(() -> reporting.send(send("not-a-uuid")))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> assertThat(e.field()).isEqualTo("template_id"));
    assertThat(deliveries.list(io.pulsereports.core.delivery.DeliveryQuery.latest(10)).total()).isZero();
    assertThat(email.sent).isEmpty();
  }

  private SendReportCommand send(String templateId) {
    return new SendReportCommand(GenerateReportCommand.builder("tally").date("2026-03-10").build(), "email",
        List.of("ana@example.com"), Optional.empty(), Optional.empty(), false, Optional.of(templateId));
  }

  private ReportTemplate template(String name, ReportType type, Optional<String> subject) {
    ReportTemplate template = new ReportTemplate(UUID.randomUUID(), Optional.empty(), name, Optional.empty(), type,
        "html", subject, "<p>{{count}}</p>", false, clock.instant(), clock.instant());
    templates.insert(template);
    return template;
  }
}
