package io.pulsereports.render.mustache;

import static io.pulsereports.render.mustache.Outputs.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.ReportFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class HtmlRenderingTest {

  private final MustacheReportRenderer renderer = MustacheReportRenderer.create();

  @Test
  void rendersOneHtmlDocumentNamedReport() {
    assertThat(renderer.render(LeadReportFixtures.daily(), ReportFormat.HTML))
        .singleElement()
        .extracting(RenderedOutput::part, RenderedOutput::format)
        .containsExactly("report", ReportFormat.HTML);
  }

  @Test
  void escapesValuesFromTheData() {
    String html = html(renderer, LeadReportFixtures.daily());

    assertThat(html)
        .contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>")
        .doesNotContain("<script")
        .doesNotContain("alert('x')");
  }

  @Test
  void isSelfContained() {
    String html = html(renderer, LeadReportFixtures.weekly());

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<meta charset=\"utf-8\">", "<style>")
        .doesNotContain("<script", "<link", "http://", "https://", "@import", "url(");
    // The only sources are the embedded charts.
    assertThat(html.split("src=", -1)).hasSize(5);
    assertThat(html.split("src=\"data:image/png;base64,", -1)).hasSize(5);
  }

  @Test
  void showsScopePeriodInLocalDatesAndTimeZone() {
    String daily = html(renderer, LeadReportFixtures.daily());
    assertThat(daily)
        .contains("<h1>Daily lead performance</h1>")
        .contains("<li><b>Gym</b>11111111-2222-3333-4444-555555555555</li>")
        .contains("<li><b>Branch</b>aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee</li>")
        .contains("<li><b>Period</b>Sun 8 Mar 2026</li>")
        .contains("<li><b>Time zone</b>America/New_York</li>")
        .contains("From 2026-03-08 00:00 (UTC−05:00) to 2026-03-09 00:00 (UTC−04:00)")
        .contains("Generated 2026-03-09 06:00 (UTC) by Pulse Reports from the leads and call_logs tables.")
        .contains("days and hours in America/New_York");

    String weekly = html(renderer, LeadReportFixtures.weekly());
    assertThat(weekly)
        .contains("<li><b>Branch</b>whole gym</li>")
        .contains("<li><b>Period</b>Mon 2 Mar 2026 – Sun 8 Mar 2026</li>");
  }

  @Test
  void showsKeyFiguresFormattedForPeople() {
    String html = html(renderer, LeadReportFixtures.daily());

    assertThat(html)
        .contains("<div class=\"label\">New leads</div><div class=\"value\">8</div>")
        .contains("<div class=\"label\">Conversion rate</div><div class=\"value\">37.5 %</div>")
        .contains("<div class=\"label\">Success rate</div><div class=\"value\">71.4 %</div>")
        .contains("<div class=\"label\">Interest rate</div><div class=\"value\">40.0 %</div>")
        .contains("<div class=\"label\">Avg duration</div><div class=\"value\">2 m 09 s</div>")
        .contains("<div class=\"label\">Best hour</div><div class=\"value\">10:00</div>")
        .contains("<tr><td>10:00</td><td class=\"num\">6</td><td class=\"num\">5</td><td class=\"num\">3</td>"
            + "<td class=\"num\">83.3 %</td><td class=\"bar\"><span style=\"width: 85.7%\"></span></td></tr>")
        .contains("<tr><td>other</td><td class=\"num\">4</td></tr>")
        .contains("<td class=\"num\">1</td><td class=\"id\">alice</td>");
  }

  @Test
  void showsADashForUndefinedFiguresAndSaysWhenThereIsNoStaff() {
    String html = html(renderer, LeadReportFixtures.emptyDaily(ZoneId.of("UTC"), LocalDate.of(2026, 3, 8)));

    assertThat(html)
        .contains("<div class=\"label\">Conversion rate</div><div class=\"value\">—</div>")
        .contains("<div class=\"label\">Avg duration</div><div class=\"value\">—</div>")
        .contains("<div class=\"label\">Best hour</div><div class=\"value\">—</div>")
        .contains("No calls by staff members in this period.")
        .contains("<li><b>Branch</b>whole gym</li>")
        .doesNotContain("class=\"trend");
  }

  @Test
  void weeklyShowsChangesWithArrowsFunnelDailySeriesAndRankChanges() {
    String html = html(renderer, LeadReportFixtures.weekly());

    assertThat(html)
        .contains("<tr><td>New leads</td><td class=\"num\">11</td><td class=\"num\">4</td><td class=\"num\">+7</td>"
            + "<td class=\"num\">+175.0 %</td><td class=\"up\">▲ up</td></tr>")
        .contains("<td class=\"num\">27.3 %</td><td class=\"num\">25.0 %</td><td class=\"num\">+2.3 pp</td>")
        .contains("<td class=\"num\">−35.1 pp</td><td class=\"num\">−49.1 %</td><td class=\"down\">▼ down</td>")
        .contains("Change from the previous period <span class=\"sub\">Mon 23 Feb 2026 – Sun 1 Mar 2026</span>")
        .contains("<tr><td>contacted</td><td class=\"num\">7</td><td class=\"num\">63.6 %</td>")
        .contains("<tr><td>lost</td><td class=\"num\">1</td>")
        .contains("<tr><td>Sun 8 Mar 2026</td><td class=\"num\">8</td><td class=\"num\">14</td>")
        .contains("<td class=\"num\">2</td><td class=\"num\">▲ 1</td></tr>")
        .contains("<td class=\"num\">—</td><td class=\"num\">—</td></tr>")
        .contains("<td class=\"num\">1</td><td class=\"num\">▼ 2</td></tr>")
        .contains("<div class=\"label\">Interest rate</div><div class=\"value\">36.4 %</div>"
            + "<div class=\"trend down\">▼ −35.1 pp vs previous period</div>")
        .contains("<div class=\"label\">New leads</div><div class=\"value\">11</div>"
            + "<div class=\"trend up\">▲ +175.0 % vs previous period</div>")
        .contains("<div class=\"label\">Avg duration</div><div class=\"value\">2 m 00 s</div>"
            + "<div class=\"trend up\">▲ +2.4 % vs previous period</div>");
  }
}
