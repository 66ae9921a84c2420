package io.pulsereports.render.mustache;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.Headline;
import io.pulsereports.core.delivery.MessagePart;
import io.pulsereports.core.delivery.StoredReport;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportRequest;
import io.pulsereports.core.model.ReportType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The email-safe HTML body of report messages, read back as a mail client would parse it. */
class EmailHtmlTest {

  private static final String LINK = "https://reports.example.com/r/42?token=a&b";
  private static final Pattern CSS_PIXELS = Pattern.compile("(?<![-a-z])(max-width|width)\\s*:\\s*(\\d+)px");

  private static final MustacheReportRenderer RENDERER = MustacheReportRenderer.create();
  private static final MustacheMessageRenderer MESSAGES = MustacheMessageRenderer.of(RENDERER);

  static Stream<Arguments> reports() {
    return Stream.of(
        Arguments.of("daily", LeadReportFixtures.daily()),
        Arguments.of("weekly", LeadReportFixtures.weekly()),
        Arguments.of("learning-daily", LearningReportFixtures.learningDaily()),
        Arguments.of("empty weekly", LeadReportFixtures.emptyWeekly()),
        Arguments.of("empty learning-daily", LearningReportFixtures.emptyLearningDaily()));
  }

  static DeliveryContent message(Report<?> report, Optional<String> link) {
    return message(MESSAGES, report, link);
  }

  static DeliveryContent message(MustacheMessageRenderer messages, Report<?> report, Optional<String> link) {
    String json = new String(RENDERER.render(report, ReportFormat.JSON).get(0).content(), StandardCharsets.UTF_8);
    return messages.render(new StoredReport(report.type(), json), link);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void hasNoScriptNoStylesheetAndNoClassDependentStyling(String name, Report<?> report) {
    Document email = Jsoup.parse(message(report, Optional.of(LINK)).html());

    assertThat(email.select("script, style, link, iframe, object, embed, form, base, svg")).isEmpty();
    assertThat(email.select("meta[http-equiv]")).isEmpty();
    assertThat(email.select("[class]")).as("no element depends on a class").isEmpty();
    assertThat(email.select("[style]")).allSatisfy(element -> assertThat(element.attr("style"))
        .doesNotContain("url(", "@import", "expression(", "var(", "display:flex", "display:grid"));
    assertThat(email.html()).doesNotContain("data:", "javascript:");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void loadsNothingButItsOwnInlineImagesAndLinksOnlyToTheFullReport(String name, Report<?> report) {
    DeliveryContent content = message(report, Optional.of(LINK));
    Document email = Jsoup.parse(content.html());

    for (Element element : email.select("[src], [srcset], [background], [poster], [data]")) {
      assertThat(element.tagName()).as(element.outerHtml()).isEqualTo("img");
      assertThat(element.hasAttr("srcset") || element.hasAttr("background")).isFalse();
    }
    List<String> sources = email.select("img").eachAttr("src");
    List<String> parts = content.inlineImages().stream().map(MessagePart::name).toList();
    assertThat(sources).allMatch(src -> src.startsWith("cid:"));
    assertThat(sources).as("every inline part is shown exactly once, and nothing else")
        .containsExactlyInAnyOrderElementsOf(parts.stream().map(part -> "cid:" + part).toList());
    assertThat(email.select("img")).allSatisfy(img -> {
      assertThat(img.attr("alt")).hasSizeGreaterThan(10);
      assertThat(Integer.parseInt(img.attr("width"))).isLessThanOrEqualTo(640);
    });
    assertThat(email.select("[href]")).singleElement().satisfies(anchor -> {
      assertThat(anchor.tagName()).isEqualTo("a");
      assertThat(anchor.attr("href")).isEqualTo(LINK);
      assertThat(anchor.text()).isEqualTo("Open the full report");
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void isAtMost640PixelsWide(String name, Report<?> report) {
    Document email = Jsoup.parse(message(report, Optional.empty()).html());

    Element container = email.body().selectFirst("table > tbody > tr > td > table");
    assertThat(container).isNotNull();
    assertThat(Integer.parseInt(container.attr("width"))).isBetween(600, 640);
    assertThat(container.attr("style")).contains("max-width:620px");
    for (Element element : email.select("[width]")) {
      String width = element.attr("width");
      if (!width.endsWith("%")) {
        assertThat(Integer.parseInt(width)).as(element.tagName() + " width").isLessThanOrEqualTo(640);
      }
    }
    for (Element element : email.select("[style]")) {
      Matcher pixels = CSS_PIXELS.matcher(element.attr("style"));
      while (pixels.find()) {
        assertThat(Integer.parseInt(pixels.group(2))).as(element.attr("style")).isLessThanOrEqualTo(640);
      }
    }
    // The Outlook-only ghost tables that hold the layout say the same.
    Matcher ghost = Pattern.compile("<!--\\[if mso]>.*?width=\"(\\d+)\"").matcher(message(report, Optional.empty()).html());
    while (ghost.find()) {
      assertThat(Integer.parseInt(ghost.group(1))).isLessThanOrEqualTo(640);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void showsEveryHeadlineFigureOfThePlainTextPart(String name, Report<?> report) {
    DeliveryContent content = message(report, Optional.empty());
    String text = Jsoup.parse(content.html()).body().text();

    assertThat(content.headlines()).isNotEmpty();
    for (Headline headline : content.headlines()) {
      assertThat(content.text()).contains(headline.label() + ": " + headline.value());
      assertThat(text).contains(headline.label());
      assertThat(text).contains(headline.value());
      headline.change().ifPresent(change -> assertThat(text).contains(change));
    }
    assertThat(Jsoup.parse(content.html()).select("[href]")).as("no link without a report link").isEmpty();
  }

  @Test
  void dailyShowsItsKeyFiguresScopeAndStaff() {
    String text = Jsoup.parse(message(LeadReportFixtures.daily(), Optional.empty()).html()).body().text();

    assertThat(text)
        .contains("Daily lead performance")
        .contains("Sun 8 Mar 2026 · time zone America/New_York")
        .contains("Gym 11111111-2222-3333-4444-555555555555 · Branch aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
        .contains("New leads 8", "Calls 14", "Call success rate 71.4 %", "Interest rate 40.0 %", "Best hour 10:00")
        .contains("1 alice 5 3 100.0 % 2 carol 1 1 100.0 % 3 bob 6 0 66.7 %")
        .contains("The tables are attached as CSV files.")
        .contains("Generated 2026-03-09 06:00 (UTC) by Pulse Reports from the leads and call_logs tables.");
  }

  @Test
  void weeklyTrendsCarryTheirMeaningInWordsAndArrowsAsWellAsColour() {
    Document email = Jsoup.parse(message(LeadReportFixtures.weekly(), Optional.empty()).html());

    Element newLeads = email.getElementsContainingOwnText("▲ +175.0 % vs previous period").first();
    assertThat(newLeads).isNotNull();
    assertThat(newLeads.attr("style")).contains("color:#1a7f37");
    Element success = email.getElementsContainingOwnText("▼ −35.1 pp vs previous period").first();
    assertThat(success).isNotNull();
    assertThat(success.attr("style")).contains("color:#c62828");
    // The comparison table: arrow, signed change and colour together.
    assertThat(email.select("span[style*=color:#1a7f37]").eachText()).contains("▲ +7");
    assertThat(email.select("span[style*=color:#c62828]").eachText()).contains("▼ −35.1 pp");
    assertThat(email.body().text()).contains("Compared with the previous period Mon 23 Feb 2026 – Sun 1 Mar 2026");
  }

  @Test
  void learningDailyShowsEngagementMistakesAndCandidates() {
    String text = Jsoup.parse(message(LearningReportFixtures.learningDaily(), Optional.empty()).html()).body().text();

    assertThat(text)
        .contains("Daily learning engagement")
        .contains("Active users (7 days) 12", "Revenue potential USD 537.00", "Conversion candidates 3")
        .contains("free 5 14 8.3 student 4 11 7.1")
        .contains("<b>vip</b>")
        .contains("1 do a mistake Word choice · vocabulary 9 13.0 %")
        .contains("u-104 C1 5 9.2")
        .contains("3 users have had no session since 2026-02-07 00:00 (UTC−05:00)")
        .doesNotContain("Gym ");
  }

  @Test
  void aTypeWithoutAnEmailTemplateGetsTheGenericOneAndARegisteredOneIsUsed() {
    Report<Map<String, Long>> churn = new Report<>(
        new ReportRequest(new ReportType("churn"), Optional.empty(),
            ReportPeriod.day(LocalDate.of(2026, 3, 8), ZoneId.of("Europe/Paris"))),
        LeadReportFixtures.GENERATED_AT, Map.of("cancelled", 4L));

    Document generic = Jsoup.parse(message(churn, Optional.of(LINK)).html());
    assertThat(generic.select("style, [class]")).isEmpty();
    assertThat(generic.body().text()).contains("Churn report", "Sun 8 Mar 2026 · time zone Europe/Paris");
    assertThat(generic.select("a").attr("href")).isEqualTo(LINK);

    MustacheMessageRenderer custom = MustacheMessageRenderer.of(MustacheReportRenderer.builder()
        .emailTemplate("churn", "<p style=\"color:#1f2933\">{{cancelled}} cancelled</p>").build());
    assertThat(message(custom, churn, Optional.empty()).html()).isEqualTo("<p style=\"color:#1f2933\">4 cancelled</p>");
  }

  @Test
  void replacingTheStandaloneTemplateLeavesTheEmailAlone() {
    MustacheMessageRenderer custom = MustacheMessageRenderer.of(
        MustacheReportRenderer.builder().template(ReportType.DAILY, "<p>{{display.leads.new}}</p>").build());

    assertThat(message(custom, LeadReportFixtures.daily(), Optional.empty()).html())
        .isEqualTo(message(LeadReportFixtures.daily(), Optional.empty()).html());
  }

  /**
   * Writes each email under target/email for a person to look at, with its inline images beside it
   * (the cid: references turned into file names, as a mail client shows them).
   */
  @Test
  void writesTheEmailsForReview() throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "email"));
    Map<String, Report<?>> reports = Map.of(
        "daily", LeadReportFixtures.daily(),
        "weekly", LeadReportFixtures.weekly(),
        "learning-daily", LearningReportFixtures.learningDaily());
    for (Map.Entry<String, Report<?>> entry : reports.entrySet()) {
      DeliveryContent content = message(entry.getValue(), Optional.of(LINK));
      String html = content.html();
      for (MessagePart image : content.inlineImages()) {
        String file = entry.getKey() + "-" + image.name() + ".png";
        Files.write(dir.resolve(file), image.content());
        html = html.replace("cid:" + image.name(), file);
      }
      Files.writeString(dir.resolve(entry.getKey() + ".html"), html);
    }
  }
}
