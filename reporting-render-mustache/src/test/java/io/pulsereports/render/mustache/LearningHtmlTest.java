package io.pulsereports.render.mustache;

import static io.pulsereports.render.mustache.Outputs.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LearningHtmlTest {

  private static final Pattern IMAGE = Pattern.compile("<img src=\"data:image/png;base64,([^\"]+)\"");

  private final MustacheReportRenderer renderer = MustacheReportRenderer.create();
  private final String html = html(renderer, LearningReportFixtures.learningDaily());

  @Test
  void isABuiltInTypeRenderedAsOneDocumentNamedReport() {
    assertThat(renderer.templateTypes()).contains("daily", "weekly", "learning-daily");
    assertThat(renderer.render(LearningReportFixtures.learningDaily(), ReportFormat.HTML))
        .singleElement()
        .extracting(RenderedOutput::part, RenderedOutput::format)
        .containsExactly("report", ReportFormat.HTML);
  }

  @Test
  void hasTheHouseHeaderWithPeriodAndTimeZoneButNoGymScope() {
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<title>Daily learning engagement · Sun 8 Mar 2026</title>")
        .contains("<h1>Daily learning engagement</h1>")
        .contains("<li><b>Period</b>Sun 8 Mar 2026</li>")
        .contains("<li><b>Time zone</b>America/New_York</li>")
        .contains("From 2026-03-08 00:00 (UTC−05:00) to 2026-03-09 00:00 (UTC−04:00) (end excluded)")
        .contains("Generated 2026-03-09 06:00 (UTC) by Pulse Reports from the users, coaching_sessions and"
            + " detected_errors tables.")
        .contains("Report type learning-daily")
        .doesNotContain("<b>Gym</b>", "<b>Branch</b>");
  }

  @Test
  void showsKeyFiguresFormattedForPeople() {
    assertThat(html)
        .contains("<div class=\"label\">Active users</div><div class=\"value\">12</div>")
        .contains("<div class=\"label\">Sessions</div><div class=\"value\">35</div>")
        .contains("<div class=\"label\">Avg confidence</div><div class=\"value\">7.8</div>")
        .contains("<div class=\"label\">Total errors</div><div class=\"value\">69</div>")
        .contains("<div class=\"label\">Candidates</div><div class=\"value\">3</div><div class=\"note\">for an offer at USD 179.00</div>")
        .contains("<div class=\"label\">Revenue potential</div><div class=\"value\">USD 537.00</div>")
        .contains("Engagement: Mon 2 Mar 2026 – Sun 8 Mar 2026 · Mistakes: Sat 7 Feb 2026 – Sun 8 Mar 2026"
            + " · Conversion: Mon 23 Feb 2026 – Sun 8 Mar 2026");
  }

  @Test
  void showsEngagementByRoleWithScoresToOneDecimalAndATotalRow() {
    assertThat(html)
        .contains("<tr><td>free</td><td class=\"num\">5</td><td class=\"num\">14</td><td class=\"num\">8.3</td>"
            + "<td class=\"num\">2.5</td><td class=\"num\">2.8</td></tr>")
        .contains("<tr><td>&lt;b&gt;vip&lt;/b&gt;</td><td class=\"num\">1</td><td class=\"num\">1</td>"
            + "<td class=\"num\">—</td>")
        .contains("<tr class=\"total\"><td>Total</td><td class=\"num\">12</td><td class=\"num\">35</td>"
            + "<td class=\"num\">7.8</td><td class=\"num\">2.4</td><td class=\"num\">2.9</td></tr>");
    assertThat(html.indexOf("<td>student</td>")).isLessThan(html.indexOf("<td>Total</td>"));
  }

  @Test
  void showsTopMistakesWithTheirShare() {
    assertThat(html)
        .contains("<tr><td class=\"num\">1</td><td>vocabulary</td><td>Word choice</td><td>do a mistake</td>"
            + "<td class=\"num\">9</td><td class=\"num\">13.0 %</td>")
        .contains("<td>&lt;i&gt;depend of&lt;/i&gt;, &quot;on&quot;</td><td class=\"num\">4</td><td class=\"num\">5.8 %</td>")
        .contains("<td>pronunciation</td><td>Word choice</td><td>—</td><td class=\"num\">3</td>");
  }

  @Test
  void shadesHeatmapCellsByCountWithReadableText() {
    assertThat(html)
        .contains("<thead><tr><th>Category</th><th class=\"heat\">grammar</th><th class=\"heat\">pronunciation</th>"
            + "<th class=\"heat\">vocabulary</th><th class=\"num\">Total</th></tr></thead>")
        .contains("<tr><td>Word choice</td>"
            + "<td class=\"num heat\" style=\"background: #f5f7fa; color: #1f2933\">0</td>"
            + "<td class=\"num heat\" style=\"background: #aec6f0; color: #1f2933\">5</td>"
            + "<td class=\"num heat\" style=\"background: #2f6fde; color: #ffffff\">14</td>"
            + "<td class=\"num\">19</td></tr>")
        .contains("<td class=\"num heat\" style=\"background: #4b82e2; color: #1f2933\">12</td>");
  }

  @Test
  void embedsTheHeatmapPngAsADataUri() {
    List<String> images = images(html);
    byte[] png = renderer.render(LearningReportFixtures.learningDaily(), ReportFormat.PNG).get(0).content();

    assertThat(images).hasSize(1);
    assertThat(Base64.getDecoder().decode(images.get(0))).isEqualTo(png);
  }

  @Test
  void showsCandidatesWithTheirRecommendationInWordsAndInactiveUsers() {
    assertThat(html)
        .contains("<tr><td>u-104</td><td>ana@example.com</td><td>C1</td><td class=\"num\">5</td><td class=\"num\">9.2</td>"
            + "<td>Send executive offer</td></tr>")
        .contains("<tr><td>u-017</td><td>—</td><td>B2</td>")
        .contains("<div class=\"label\">Inactive users</div><div class=\"value\">3</div>"
            + "<div class=\"note\">no session since 2026-02-07 00:00 (UTC−05:00)</div>")
        .contains("<p class=\"note\">3 inactive in total; 3 listed, latest last session first.</p>")
        .contains("<tr><td>u-901</td><td>—</td><td>student</td><td>2026-01-20 09:00 (UTC−05:00)</td></tr>");
  }

  @Test
  void escapesValuesFromTheData() {
    assertThat(html).doesNotContain("<b>vip", "<i>depend", "<script");
  }

  @Test
  void isSelfContained() {
    assertThat(html)
        .contains("<meta charset=\"utf-8\">", "<style>")
        .doesNotContain("<script", "<link", "http://", "https://", "@import", "url(");
    assertThat(html.split("src=", -1)).hasSize(2);
    assertThat(html).contains("src=\"data:image/png;base64,");
  }

  @Test
  void saysWhatIsMissingInAnEmptyReport() {
    String empty = html(renderer, LearningReportFixtures.emptyLearningDaily());

    assertThat(empty)
        .contains("<div class=\"label\">Avg confidence</div><div class=\"value\">—</div>")
        .contains("<div class=\"label\">Revenue potential</div><div class=\"value\">USD 0.00</div>")
        .contains("No sessions in this window.")
        .contains("<tr class=\"total\"><td>Total</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">—</td>")
        .contains("No errors detected in this window.")
        .contains("<p class=\"empty\">No errors detected in the window.</p>")
        .contains("No user qualifies for an offer in this window.")
        .contains("No inactive users.")
        .doesNotContain("<img", "class=\"heatmap\"");
  }

  @Test
  void aReplacementTemplateCanUseTheChartsToo() {
    MustacheReportRenderer custom = MustacheReportRenderer.builder()
        .template(ReportType.LEARNING_DAILY, "<img src=\"{{charts.mistakes_heatmap}}\"><p>{{display.conversion.revenue_potential}}</p>")
        .build();

    String page = html(custom, LearningReportFixtures.learningDaily());

    assertThat(images(page)).hasSize(1);
    assertThat(page).endsWith("<p>USD 537.00</p>");
  }

  /** Writes the pages under target/ for a person to look at. */
  @Test
  void writesThePagesForReview() throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "html"));
    Files.writeString(dir.resolve("learning-daily.html"), html);
    Files.writeString(dir.resolve("learning-daily-empty.html"), html(renderer, LearningReportFixtures.emptyLearningDaily()));
  }

  /** The base64 payloads of the embedded PNG images, HTML entities decoded. */
  private static List<String> images(String page) {
    List<String> images = new ArrayList<>();
    Matcher matcher = IMAGE.matcher(page);
    while (matcher.find()) {
      images.add(matcher.group(1).replace("&#61;", "="));
    }
    return images;
  }
}
