package io.pulsereports.render.mustache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The heatmap's title is drawn whole, centred on the image, however long it and the row labels are. */
class HeatmapTitleTest {

  private static final int TITLE_BAND = 40;

  @Test
  void aTitleWiderThanTheChartWidensTheImageAndKeepsAMarginOnBothSides() throws IOException {
    CountMatrix matrix = new CountMatrix(
        List.of("Subject-verb agreement in questions", "Articles"), List.of("grammar"), List.of(List.of(3L), List.of(1L)));
    String title = "Common mistakes, Wednesday 21 October 2026 – Thursday 19 November 2026, all learners";

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(PngCharts.heatmap(title, matrix)));

    assertThat(image.getWidth()).isGreaterThan(560);
    int[] ink = inkColumns(image);
    assertThat(ink[0]).as("left margin").isGreaterThanOrEqualTo(16);
    assertThat(image.getWidth() - 1 - ink[1]).as("right margin").isGreaterThanOrEqualTo(16);
    assertThat(Math.abs(ink[0] - (image.getWidth() - 1 - ink[1]))).as("centred").isLessThanOrEqualTo(4);
  }

  @Test
  void aShortTitleKeepsTheChartsOwnWidth() throws IOException {
    CountMatrix matrix = new CountMatrix(List.of("Articles"), List.of("grammar", "vocabulary", "pronunciation"),
        List.of(List.of(3L, 1L, 0L)));

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(PngCharts.heatmap("Common mistakes", matrix)));

    assertThat(image.getWidth()).isEqualTo(260 + 140 * 3);
    int[] ink = inkColumns(image);
    assertThat(Math.abs(ink[0] - (image.getWidth() - 1 - ink[1]))).as("centred on the whole image").isLessThanOrEqualTo(4);
  }

  /** The first and last columns of the title band with a non-white pixel. */
  private static int[] inkColumns(BufferedImage image) {
    int first = -1;
    int last = -1;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < TITLE_BAND; y++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          first = first < 0 ? x : first;
          last = x;
          break;
        }
      }
    }
    assertThat(first).as("the title is drawn").isNotNegative();
    return new int[] {first, last};
  }
}
