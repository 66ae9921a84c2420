package io.pulsereports.render.mustache;

import static io.pulsereports.render.mustache.Outputs.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportType;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Rendering a report with a template of one's own, as a saved custom template would be. */
class CustomTemplateTest {

  private static final String BRANDED_WEEKLY = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>{{display.header.title}}</title>{{> pulse-style}}</head>
      <body><main>
      {{> pulse-header}}
      <section><h2>Our week</h2>
        <p class="calls">{{display.calls.total}} calls, {{display.calls.success_rate}} completed
          {{#display.changes.calls.total._trend}}<span class="{{direction}}">{{text}}</span>{{/display.changes.calls.total._trend}}</p>
        <ol>{{#display._first.staff}}<li>{{user_id}}: {{interested}} interested</li>{{/display._first.staff}}</ol>
        <p class="raw">{{calls.total}} / {{calls.success_rate}}</p>
        {{#charts.funnel}}<img src="{{charts.funnel}}" alt="funnel">{{/charts.funnel}}
      </section>
      {{> pulse-footer}}
      </main></body></html>
      """;

  private final MustacheReportRenderer renderer = MustacheReportRenderer.create();

  @Test
  void rendersTheReportsRealFiguresThroughACustomTemplate() {
    String page = html(renderer.withHtmlTemplate(ReportType.WEEKLY, BRANDED_WEEKLY), LeadReportFixtures.weekly());

    assertThat(page)
        .contains("<h1>Weekly lead performance</h1>")
        .contains("<p class=\"calls\">15 calls, 73.3 % completed")
        .contains("<span class=\"up\">▲ +50.0 % vs previous period</span>")
        .contains("<li>alice: 3 interested</li>")
        .contains("<p class=\"raw\">15 / 0.7333333333333333</p>")
        .contains("<img src=\"data:image/png;base64,")
        .contains("Generated 2026-03-09 06:00 (UTC) by Pulse Reports");
  }

  @Test
  void changesOnlyTheTypeItWasGivenFor() {
    MustacheReportRenderer custom = renderer.withHtmlTemplate(ReportType.WEEKLY, BRANDED_WEEKLY);

    assertThat(html(custom, LeadReportFixtures.daily())).isEqualTo(html(renderer, LeadReportFixtures.daily()));
    assertThat(html(renderer, LeadReportFixtures.weekly())).doesNotContain("Our week");
  }

  @Test
  void makesThePdfFromTheCustomTemplate() throws IOException {
    byte[] pdf = renderer.withHtmlTemplate(ReportType.WEEKLY, BRANDED_WEEKLY)
        .render(LeadReportFixtures.weekly(), ReportFormat.PDF).get(0).content();

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(document)).contains("Our week", "15 calls, 73.3 % completed");
    }
  }

  @Test
  void refusesATemplateThatBreaksTheRulesNamingTheLine() {
    assertThatThrownBy(() -> renderer.withHtmlTemplate(ReportType.DAILY, "<h1>{{display.header.title}}</h1>\n{{> /etc/passwd}}\n"))
        .isInstanceOf(InvalidTemplateException.class)
        .hasMessageStartingWith("line 2, column 1: the partial '/etc/passwd' is not one of the built-in partials");
  }

  @Test
  void seesTheModelsKeysButNeverJavaMethods() {
    String page = html(renderer.withHtmlTemplate(ReportType.DAILY,
        "[{{display.class}}][{{display.leads.size}}][{{display.leads.clear}}][{{display.leads.new}}]"),
        LeadReportFixtures.daily());

    assertThat(page).isEqualTo("[][][][8]");
  }
}
