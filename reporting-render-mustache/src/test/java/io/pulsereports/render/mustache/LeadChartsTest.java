package io.pulsereports.render.mustache;

import static io.pulsereports.render.mustache.PngRenderingTest.PNG_SIGNATURE;
import static io.pulsereports.render.mustache.PngRenderingTest.image;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.MessagePart;
import io.pulsereports.core.delivery.StoredReport;
import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.render.mustache.internal.PngCharts;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The PNG charts of the daily and weekly lead reports, in PNG, HTML and email renderings. */
class LeadChartsTest {

  private static final Pattern IMG = Pattern.compile("<img src=\"([^\"]+)\" alt=\"([^\"]+)\"");

  private final MustacheReportRenderer renderer = MustacheReportRenderer.create();
  private final MustacheMessageRenderer messages = MustacheMessageRenderer.of(renderer);

  @Test
  void dailyHasCallsByHourAndStaffCalls() {
    Map<String, byte[]> charts = charts(LeadReportFixtures.daily());

    assertThat(charts).containsOnlyKeys("calls_by_hour", "staff_calls");
    assertThat(charts.keySet()).containsExactly("calls_by_hour", "staff_calls");
    assertThat(PngCharts.chartNames("daily")).containsExactly("calls_by_hour", "staff_calls");
  }

  @Test
  void weeklyHasFourChartsInOrder() {
    Map<String, byte[]> charts = charts(LeadReportFixtures.weekly());

    assertThat(charts.keySet()).containsExactly("calls_by_hour", "staff_calls", "daily_series", "funnel");
    assertThat(PngCharts.chartNames("weekly")).containsExactlyElementsOf(charts.keySet());
  }

  @Test
  void everyChartIsAPngOfItsSize() {
    Map<String, byte[]> daily = charts(LeadReportFixtures.daily());
    Map<String, byte[]> weekly = charts(LeadReportFixtures.weekly());

    assertSize(daily.get("calls_by_hour"), 760, 360);
    assertSize(daily.get("staff_calls"), 640, 340);
    assertSize(weekly.get("calls_by_hour"), 760, 360);
    assertSize(weekly.get("staff_calls"), 640, 340);
    assertSize(weekly.get("daily_series"), 730, 340);   // 7 days
    assertSize(weekly.get("funnel"), 640, 340);
  }

  @Test
  void barsAreDrawnInTheAccentColour() {
    for (Map.Entry<String, byte[]> chart : charts(LeadReportFixtures.weekly()).entrySet()) {
      assertThat(pixels(image(chart.getValue()), 0x2F6FDE)).as(chart.getKey()).isGreaterThan(100);
    }
  }

  @Test
  void givesByteIdenticalChartsOnASecondRender() {
    for (Report<?> report : List.of(LeadReportFixtures.daily(), LeadReportFixtures.weekly(),
        LeadReportFixtures.emptyWeekly())) {
      Map<String, byte[]> first = charts(report);
      Map<String, byte[]> second = charts(report);
      Map<String, byte[]> otherRenderer = charts(MustacheReportRenderer.create(), report);
      assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
      first.forEach((name, png) -> {
        assertThat(second.get(name)).as(name).isEqualTo(png);
        assertThat(otherRenderer.get(name)).as(name).isEqualTo(png);
      });
    }
  }

  @Test
  void emptyReportsGiveSmallMessageImages() {
    Map<String, byte[]> daily = charts(LeadReportFixtures.emptyDaily(LeadReportFixtures.NEW_YORK,
        LeadReportFixtures.DST_SUNDAY));
    Map<String, byte[]> weekly = charts(LeadReportFixtures.emptyWeekly());

    assertThat(daily.keySet()).containsExactly("calls_by_hour", "staff_calls");
    assertThat(weekly.keySet()).containsExactly("calls_by_hour", "staff_calls", "daily_series", "funnel");
    for (Map<String, byte[]> charts : List.of(daily, weekly)) {
      charts.forEach((name, png) -> {
        // Small: the message's height, at least 560 wide and as wide as the title needs.
        BufferedImage image = image(png);
        assertThat(image.getHeight()).as(name).isEqualTo(120);
        assertThat(image.getWidth()).as(name).isBetween(560, 800);
      });
    }
    assertThat(daily.get("calls_by_hour")).isNotEqualTo(charts(LeadReportFixtures.daily()).get("calls_by_hour"));
  }

  @Test
  void standaloneHtmlEmbedsEveryChartAsADataUriWithAltText() {
    for (Report<?> report : List.of(LeadReportFixtures.daily(), LeadReportFixtures.weekly())) {
      Map<String, byte[]> charts = charts(report);
      String html = new String(renderer.render(report, ReportFormat.HTML).get(0).content(), StandardCharsets.UTF_8);
      Map<String, String> images = images(html);

      assertThat(images).hasSize(charts.size());
      charts.forEach((name, png) -> {
        String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        assertThat(html).as(name).contains("src=\"" + uri.replace("=", "&#61;") + "\"");
      });
      assertThat(images.values()).allMatch(alt -> alt.length() > 20);
    }
  }

  @Test
  void messagesCarryTheSameChartsAsCidInlineParts() {
    for (Report<?> report : List.of(LeadReportFixtures.daily(), LeadReportFixtures.weekly())) {
      Map<String, byte[]> charts = charts(report);
      String json = new String(renderer.render(report, ReportFormat.JSON).get(0).content(), StandardCharsets.UTF_8);
      DeliveryContent content = messages.render(new StoredReport(report.type(), json), Optional.empty());

      assertThat(content.inlineImages()).extracting(MessagePart::name).containsExactlyElementsOf(charts.keySet());
      for (MessagePart part : content.inlineImages()) {
        assertThat(part.mediaType()).isEqualTo("image/png");
        assertThat(part.content()).as(part.name()).isEqualTo(charts.get(part.name()));
      }
      List<String> cids = org.jsoup.Jsoup.parse(content.html()).select("img").eachAttr("src");
      assertThat(cids).containsExactlyInAnyOrderElementsOf(
          charts.keySet().stream().map(name -> "cid:" + name).toList());
      assertThat(content.html()).doesNotContain("data:image");
    }
  }

  @Test
  void writesTheChartsForReview() throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "charts"));
    Map<String, Report<?>> reports = new LinkedHashMap<>();
    reports.put("daily", LeadReportFixtures.daily());
    reports.put("weekly", LeadReportFixtures.weekly());
    reports.put("weekly-empty", LeadReportFixtures.emptyWeekly());
    for (Map.Entry<String, Report<?>> report : reports.entrySet()) {
      for (Map.Entry<String, byte[]> chart : charts(report.getValue()).entrySet()) {
        Files.write(dir.resolve(report.getKey() + "-" + chart.getKey() + ".png"), chart.getValue());
      }
    }
  }

  private Map<String, byte[]> charts(Report<?> report) {
    return charts(renderer, report);
  }

  private static Map<String, byte[]> charts(MustacheReportRenderer renderer, Report<?> report) {
    Map<String, byte[]> charts = new LinkedHashMap<>();
    for (RenderedOutput output : renderer.render(report, ReportFormat.PNG)) {
      assertThat(output.format()).isEqualTo(ReportFormat.PNG);
      assertThat(Arrays.copyOf(output.content(), 8)).as(output.part()).isEqualTo(PNG_SIGNATURE);
      assertThat(charts.put(output.part(), output.content())).as("one part per chart").isNull();
    }
    return charts;
  }

  /** img sources (with &#61; turned back into =) to their alt text. */
  private static Map<String, String> images(String html) {
    Map<String, String> images = new LinkedHashMap<>();
    Matcher matcher = IMG.matcher(html);
    while (matcher.find()) {
      images.put(matcher.group(1), matcher.group(2));
    }
    return images;
  }

  private static void assertSize(byte[] png, int width, int height) {
    BufferedImage image = image(png);
    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(image.getHeight()).isEqualTo(height);
  }

  private static long pixels(BufferedImage image, int rgb) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          count++;
        }
      }
    }
    return count;
  }
}
