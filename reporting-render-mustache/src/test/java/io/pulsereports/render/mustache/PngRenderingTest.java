package io.pulsereports.render.mustache;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportRequest;
import io.pulsereports.core.model.ReportType;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngRenderingTest {

  static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private final MustacheReportRenderer renderer = MustacheReportRenderer.create();

  @Test
  void rendersTheLearningHeatmapAsOnePngPart() {
    List<RenderedOutput> outputs = renderer.render(LearningReportFixtures.learningDaily(), ReportFormat.PNG);

    assertThat(outputs).singleElement().satisfies(output -> {
      assertThat(output.part()).isEqualTo("mistakes_heatmap");
      assertThat(output.format()).isEqualTo(ReportFormat.PNG);
      assertThat(Arrays.copyOf(output.content(), 8)).isEqualTo(PNG_SIGNATURE);
    });
  }

  @Test
  void drawsAHeatmapSizedForItsRowsAndColumns() {
    BufferedImage image = image(heatmap(LearningReportFixtures.learningDaily()));

    // 3 error types, 5 error categories.
    assertThat(image.getWidth()).isEqualTo(680);
    assertThat(image.getHeight()).isEqualTo(350);
    assertThat(image.getRGB(0, 0) & 0xFFFFFF).as("white background").isEqualTo(0xFFFFFF);
  }

  @Test
  void paintsTheLargestCountInTheAccentColour() {
    BufferedImage image = image(heatmap(LearningReportFixtures.learningDaily()));

    long accentPixels = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == 0x2F6FDE) {
          accentPixels++;
        }
      }
    }
    // The cell of the largest count (Word choice × vocabulary, 14) is filled with the accent colour.
    assertThat(accentPixels).isGreaterThan(2_000);
  }

  @Test
  void givesByteIdenticalImagesForTheSameReport() {
    byte[] first = heatmap(LearningReportFixtures.learningDaily());
    byte[] second = heatmap(LearningReportFixtures.learningDaily());
    byte[] otherRenderer = MustacheReportRenderer.create()
        .render(LearningReportFixtures.learningDaily(), ReportFormat.PNG).get(0).content();

    assertThat(second).isEqualTo(first);
    assertThat(otherRenderer).isEqualTo(first);
  }

  @Test
  void saysNoErrorsWereDetectedWhenTheHeatmapIsEmpty() {
    byte[] png = heatmap(LearningReportFixtures.emptyLearningDaily());

    assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
    BufferedImage image = image(png);
    assertThat(image.getWidth()).isEqualTo(560);
    assertThat(image.getHeight()).isEqualTo(120);
    assertThat(heatmap(LearningReportFixtures.emptyLearningDaily())).isEqualTo(png);
    assertThat(png).isNotEqualTo(heatmap(LearningReportFixtures.learningDaily()));
  }

  @Test
  void rendersHeadless() {
    heatmap(LearningReportFixtures.learningDaily());

    assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    assertThat(GraphicsEnvironment.isHeadless()).isTrue();
  }

  @Test
  void aCustomReportTypeHasNoCharts() {
    Report<?> custom = new Report<>(
        new ReportRequest(new ReportType("churn"), Optional.empty(), ReportPeriod.day(LearningReportFixtures.D,
            LearningReportFixtures.NEW_YORK)),
        LeadReportFixtures.GENERATED_AT,
        LeadReportFixtures.dailyBody());

    assertThat(renderer.render(custom, ReportFormat.PNG)).isEmpty();
  }

  /** Writes the heatmaps under target/ for a person to look at. */
  @Test
  void writesTheChartsForReview() throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "charts"));
    Files.write(dir.resolve("learning-daily-mistakes_heatmap.png"), heatmap(LearningReportFixtures.learningDaily()));
    Files.write(dir.resolve("learning-daily-empty-mistakes_heatmap.png"),
        heatmap(LearningReportFixtures.emptyLearningDaily()));
  }

  private byte[] heatmap(Report<?> report) {
    return renderer.render(report, ReportFormat.PNG).get(0).content();
  }

  static BufferedImage image(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image).as("decodable PNG").isNotNull();
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
