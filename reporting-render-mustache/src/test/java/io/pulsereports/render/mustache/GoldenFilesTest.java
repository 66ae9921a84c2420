package io.pulsereports.render.mustache;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.ReportFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoldenFilesTest {

  private final MustacheReportRenderer renderer = MustacheReportRenderer.create();

  @Test
  void dailyHtmlMatchesGoldenFile() throws Exception {
    Golden.assertMatches("daily.html",
        Golden.withoutImageData(single(renderer.render(LeadReportFixtures.daily(), ReportFormat.HTML))));
  }

  @Test
  void weeklyHtmlMatchesGoldenFile() throws Exception {
    Golden.assertMatches("weekly.html",
        Golden.withoutImageData(single(renderer.render(LeadReportFixtures.weekly(), ReportFormat.HTML))));
  }

  @Test
  void dailyJsonMatchesGoldenFile() throws Exception {
    Golden.assertMatches("daily.json", single(renderer.render(LeadReportFixtures.daily(), ReportFormat.JSON)));
  }

  @Test
  void weeklyJsonMatchesGoldenFile() throws Exception {
    Golden.assertMatches("weekly.json", single(renderer.render(LeadReportFixtures.weekly(), ReportFormat.JSON)));
  }

  @Test
  void learningDailyHtmlMatchesGoldenFile() throws Exception {
    Golden.assertMatches("learning-daily.html",
        Golden.withoutImageData(single(renderer.render(LearningReportFixtures.learningDaily(), ReportFormat.HTML))));
  }

  @Test
  void learningDailyJsonMatchesGoldenFile() throws Exception {
    Golden.assertMatches("learning-daily.json",
        single(renderer.render(LearningReportFixtures.learningDaily(), ReportFormat.JSON)));
  }

  private static byte[] single(List<RenderedOutput> outputs) {
    assertThat(outputs).hasSize(1);
    assertThat(outputs.get(0).part()).isEqualTo("report");
    return outputs.get(0).content();
  }
}
