package io.pulsereports.render.mustache.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulsereports.core.ReportingException;
import java.awt.AWTError;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.style.HeatMapStyler;

/**
 * Draws a report's charts as PNG images from its JSON tree, with XChart, off screen.
 *
 * <p>Works on a server without a display: unless the application chose otherwise, loading this
 * class sets {@code java.awt.headless=true} before anything here touches AWT. The same tree always
 * gives the same bytes on the same machine (fixed sizes, fonts, locale and colours; no time
 * stamps); the glyphs come from the machine's fonts, so other machines may differ in pixels.
 * Thread-safe.
 */
public final class PngCharts {

  /** The part name of the heatmap of a learning daily report. */
  public static final String MISTAKES_HEATMAP = "mistakes_heatmap";

  static final String NO_ERRORS = "No errors detected in the window";

  // Keep this block before every AWT constant below: static initialisers run in textual order, and
  // java.awt.Color's own initialiser asks GraphicsEnvironment.isHeadless(), which caches the answer.
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static final String FONT = Font.SANS_SERIF;
  private static final Color INK = new Color(HeatmapPalette.INK);
  private static final Color MUTED = new Color(0x616E7C);
  private static final Color LINE = new Color(0xE4E7EB);

  /** One chart: its part name and PNG bytes. */
  public record Image(String name, byte[] png) {
    public Image {
      requireNonNull(name, "name");
      png = requireNonNull(png, "png").clone();
    }

    @Override
    public byte[] png() {
      return png.clone();
    }
  }

  /**
   * The charts of a learning daily report: {@value #MISTAKES_HEATMAP}, error_category (rows) by
   * error_type (columns) with the count in each cell, or a small image saying that no error was
   * detected when the heatmap is empty.
   */
  public List<Image> learningDaily(ObjectNode tree) {
    requireNonNull(tree, "tree");
    CountMatrix heatmap = CountMatrix.of(tree.at("/mistakes/heatmap"), "mistakes.heatmap");
    String title = "Common mistakes" + HtmlModel.periodLabel(tree.at("/windows/mistakes")).map(l -> ", " + l).orElse("");
    byte[] png = draw(title, () -> heatmap.isEmpty() ? message(title, NO_ERRORS) : heatmap(title, heatmap));
    return List.of(new Image(MISTAKES_HEATMAP, png));
  }

  /** A heatmap of counts: rows top to bottom as in the matrix, the count written in each cell. */
  static byte[] heatmap(String title, CountMatrix matrix) {
    int rows = matrix.rows().size();
    int columns = matrix.columns().size();
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(Math.max(560, 260 + 140 * columns))
            .height(Math.max(260, 130 + 44 * rows))
            .title(title)
            .xAxisTitle("Error type")
            .yAxisTitle("Error category")
            .build();
    HeatMapStyler styler = chart.getStyler();
    styler.setLocale(Locale.ENGLISH);
    styler.setAntiAlias(true);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setPlotGridLinesVisible(false);
    styler.setChartFontColor(INK);
    styler.setAxisTickLabelsColor(INK);
    styler.setChartTitleFont(new Font(FONT, Font.BOLD, 16));
    styler.setAxisTitleFont(new Font(FONT, Font.PLAIN, 13));
    styler.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 13));
    // Every row and column gets its label, however small the cells.
    styler.setXAxisTickMarkSpacingHint(8);
    styler.setYAxisTickMarkSpacingHint(8);
    styler.setRangeColors(new Color[] {new Color(HeatmapPalette.LOW), new Color(HeatmapPalette.HIGH)});
    styler.setShowValue(true);
    styler.setValueFont(new Font(FONT, Font.BOLD, 14));
    styler.setValueFontColor(INK);
    styler.setHeatMapValueDecimalPattern("#,##0");
    styler.setDrawBorder(true);
    // The gradient legend prints raw doubles (0.0, 14.0) and adds nothing to the counts in the cells.
    styler.setLegendVisible(false);

    // XChart puts y index 0 at the bottom: reverse so the first row is drawn at the top.
    List<String> yLabels = new ArrayList<>(matrix.rows());
    Collections.reverse(yLabels);
    List<Number[]> cells = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column < columns; column++) {
        cells.add(new Number[] {column, rows - 1 - row, matrix.count(row, column)});
      }
    }
    HeatMapSeries series = chart.addSeries("errors", matrix.columns(), yLabels, cells);
    series.setMin(0);
    series.setMax(Math.max(1, matrix.max()));
    try {
      return ChartEncoder.getBytes(chart, "png");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A small image with a title and a message, for a chart that has nothing to show. */
  static byte[] message(String title, String text) {
    int width = 560;
    int height = 120;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(LINE);
      g.setStroke(new BasicStroke(1));
      g.drawRect(0, 0, width - 1, height - 1);
      centered(g, title, new Font(FONT, Font.BOLD, 16), INK, width, 44);
      centered(g, text, new Font(FONT, Font.PLAIN, 15), MUTED, width, 84);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Runs a drawing, turning every AWT, XChart and encoding failure into a {@link ReportingException}. */
  private static byte[] draw(String chart, Supplier<byte[]> drawing) {
    try {
      return drawing.get();
    } catch (AWTError e) {
      // An application that set java.awt.headless=false on a machine without a usable display.
      throw new ReportingException("cannot draw the PNG chart '" + chart + "': no usable display ("
          + e.getMessage() + "); run with -Djava.awt.headless=true", e);
    } catch (RuntimeException e) {
      throw new ReportingException("cannot draw the PNG chart '" + chart + "': " + e, e);
    }
  }

  private static void centered(Graphics2D g, String text, Font font, Color color, int width, int baseline) {
    g.setFont(font);
    g.setColor(color);
    FontMetrics metrics = g.getFontMetrics();
    g.drawString(text, Math.max(8, (width - metrics.stringWidth(text)) / 2), baseline);
  }
}
