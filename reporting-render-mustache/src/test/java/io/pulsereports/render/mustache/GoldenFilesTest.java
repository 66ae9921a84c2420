package io.pulsereports.render.mustache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in HTML rendering against a reviewed copy under {@code src/test/resources/golden}
 * (standalone pages and email bodies, fixed reports generated at a fixed moment). After an intended
 * change: {@code ./mvnw -o -B verify -pl reporting-render-mustache -am -Dgolden.update=true}, then
 * review the diff of the golden files.
 */
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

  @Test
  void dailyEmailMatchesGoldenFile() throws Exception {
    Golden.assertMatches("email/daily.html", email(LeadReportFixtures.daily()));
  }

  @Test
  void weeklyEmailMatchesGoldenFile() throws Exception {
    Golden.assertMatches("email/weekly.html", email(LeadReportFixtures.weekly()));
  }

  @Test
  void learningDailyEmailMatchesGoldenFile() throws Exception {
    Golden.assertMatches("email/learning-daily.html", email(LearningReportFixtures.learningDaily()));
  }

  @Test
  void aChangedOutputFailsTheComparison(@TempDir Path directory) throws Exception {
    assumeFalse(Golden.updating(), "the golden files are being rewritten, not compared");
    byte[] golden = Files.readAllBytes(Golden.DIRECTORY.resolve("daily.html"));
    Files.write(directory.resolve("daily.html"), golden);
    byte[] changed = new String(golden, StandardCharsets.UTF_8).replace("New leads", "New Leads").getBytes(StandardCharsets.UTF_8);

    Golden.assertMatches(directory, "daily.html", golden);
    assertThatThrownBy(() -> Golden.assertMatches(directory, "daily.html", changed))
        .isInstanceOf(AssertionError.class).hasMessageContaining("differs from golden file");
    assertThatThrownBy(() -> Golden.assertMatches(directory, "missing.html", golden))
        .isInstanceOf(AssertionError.class);
  }

  /** The email's HTML body; its charts are cid: references, so nothing needs masking. */
  private static byte[] email(Report<?> report) {
    return EmailHtmlTest.message(report, Optional.of("https://reports.example.com/r/42")).html().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] single(List<RenderedOutput> outputs) {
    assertThat(outputs).hasSize(1);
    assertThat(outputs.get(0).part()).isEqualTo("report");
    return outputs.get(0).content();
  }
}
