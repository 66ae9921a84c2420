package io.pulsereports.render.mustache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.ReportingException;
import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.Headline;
import io.pulsereports.core.delivery.MessagePart;
import io.pulsereports.core.delivery.StoredReport;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportType;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageRenderingTest {

  private final MustacheReportRenderer renderer = MustacheReportRenderer.create();
  private final MustacheMessageRenderer messages = MustacheMessageRenderer.of(renderer);

  private StoredReport stored(Report<?> report) {
    byte[] json = renderer.render(report, ReportFormat.JSON).get(0).content();
    return new StoredReport(report.type(), new String(json, StandardCharsets.UTF_8));
  }

  @Test
  void aDailyMessageCarriesTheHeadlinesTheHtmlTheTextAndTheCsvTables() {
    Report<?> report = LeadReportFixtures.daily();

    DeliveryContent content = messages.render(stored(report), Optional.of("https://reports.example.com/r/1"));

    assertThat(content.subject()).startsWith("Daily lead performance · ");
    assertThat(content.summary()).contains("time zone " + report.request().period().zone().getId());
    assertThat(content.headlines()).extracting(Headline::label)
        .containsExactly("New leads", "Converted", "Calls", "Call success rate", "Interest rate", "Best hour");
    // The email variant, not the standalone page: inline styles, charts as cid: references.
    assertThat(content.html()).contains("src=\"cid:calls_by_hour\"", "src=\"cid:staff_calls\"")
        .doesNotContain("<style", "data:image");
    assertThat(content.text()).contains("New leads: ").contains("Full report: https://reports.example.com/r/1");
    assertThat(content.attachments()).extracting(MessagePart::name)
        .allMatch(name -> name.startsWith("daily_") && name.endsWith(".csv"))
        .anyMatch(name -> name.endsWith("_summary.csv"));
    assertThat(content.attachments()).extracting(MessagePart::mediaType).containsOnly("text/csv");
    assertThat(content.inlineImages()).extracting(MessagePart::name).containsExactly("calls_by_hour", "staff_calls");
    assertThat(content.reportLink()).contains("https://reports.example.com/r/1");
  }

  @Test
  void aCustomTemplatesPageIsTheHtmlBodyWithItsSubjectAndTheTextAndCsvStay() {
    Report<?> report = LeadReportFixtures.daily();
    io.pulsereports.core.template.ReportTemplate custom = new io.pulsereports.core.template.ReportTemplate(
        java.util.UUID.randomUUID(), Optional.empty(), "Branch morning", Optional.empty(), report.type(), "html",
        Optional.of("Good morning: yesterday's calls"), "<h1>Morning</h1><p>{{calls.total}} calls</p>", false,
        java.time.Instant.EPOCH, java.time.Instant.EPOCH);
    DeliveryContent builtIn = messages.render(stored(report), Optional.empty());

    DeliveryContent content = messages.render(stored(report), Optional.empty(), Optional.of(custom));

    String calls = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(
        renderer.json().tree(report)).at("/calls/total").asText();
    assertThat(content.html()).contains("<h1>Morning</h1>").contains("<p>" + calls + " calls</p>");
    assertThat(content.subject()).isEqualTo("Good morning: yesterday's calls");
    assertThat(content.text()).isEqualTo(builtIn.text());
    assertThat(content.attachments()).extracting(MessagePart::name)
        .containsExactlyElementsOf(builtIn.attachments().stream().map(MessagePart::name).toList());
    assertThat(content.inlineImages()).as("the custom page references no cid: parts").isEmpty();
    DeliveryContent withoutTemplate = messages.render(stored(report), Optional.empty(), Optional.empty());
    assertThat(withoutTemplate.html()).isEqualTo(builtIn.html());
    assertThat(withoutTemplate.subject()).isEqualTo(builtIn.subject());
  }

  @Test
  void everyHeadlineFigureOfTheTextPartIsTheOneOfTheHeadlines() {
    DeliveryContent content = messages.render(stored(LeadReportFixtures.weekly()), Optional.empty());

    for (Headline headline : content.headlines()) {
      assertThat(content.text()).contains(headline.label() + ": " + headline.value());
    }
    assertThat(content.text()).doesNotContain("Full report");
  }

  @Test
  void weeklyHeadlinesSayHowTheyChangedInWordsAndArrows() {
    DeliveryContent content = messages.render(stored(LeadReportFixtures.weekly()), Optional.empty());

    Headline calls = content.headlines().stream().filter(h -> h.label().equals("Calls")).findFirst().orElseThrow();
    assertThat(calls.change()).hasValueSatisfying(change -> assertThat(change).matches("[▲▼▬] [+−]?[0-9.,]+ % vs previous period"));
    Headline successRate = content.headlines().stream().filter(h -> h.label().equals("Call success rate")).findFirst().orElseThrow();
    assertThat(successRate.change()).hasValueSatisfying(change -> assertThat(change).contains(" pp vs previous period"));
  }

  @Test
  void aLearningMessageReferencesItsHeatmapAsAnInlineImageNotADataUri() {
    DeliveryContent content = messages.render(stored(LearningReportFixtures.learningDaily()), Optional.empty());

    assertThat(content.inlineImages()).extracting(MessagePart::name).containsExactly("mistakes_heatmap");
    assertThat(content.inlineImages().get(0).content()).startsWith(0x89, 'P', 'N', 'G');
    assertThat(content.html()).contains("src=\"cid:mistakes_heatmap\"").doesNotContain("data:image");
    assertThat(content.attachments()).extracting(MessagePart::name)
        .contains("learning-daily_" + LearningReportFixtures.learningDaily().request().period().startDate() + "_top_mistakes.csv");
    assertThat(content.headlines()).extracting(Headline::label)
        .contains("Active users (7 days)", "Conversion candidates", "Revenue potential");
    assertThat(content.subject()).startsWith("Daily learning engagement · ").doesNotContain("gym");
  }

  @Test
  void storedDataThatIsNotAReportIsAClearError() {
    assertThatThrownBy(() -> messages.render(new StoredReport(ReportType.DAILY, "[1, 2]"), Optional.empty()))
        .isInstanceOf(ReportingException.class).hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> messages.render(new StoredReport(ReportType.DAILY, "{\"timezone\": \"Mars/Base\"}"), Optional.empty()))
        .isInstanceOf(ReportingException.class).hasMessageContaining("time zone, period or scope");
  }
}
