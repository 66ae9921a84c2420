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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;

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

  /** Lead reports (daily and weekly): calls per local hour with the success rate. */
  public static final String CALLS_BY_HOUR = "calls_by_hour";

  /** Lead reports (daily and weekly): calls per staff member, the top {@value #TOP_STAFF}. */
  public static final String STAFF_CALLS = "staff_calls";

  /** Weekly lead report: calls and new leads per day of the period. */
  public static final String DAILY_SERIES = "daily_series";

  /** Weekly lead report: the funnel stages in order. */
  public static final String FUNNEL = "funnel";

  /** How many staff members {@value #STAFF_CALLS} shows at most. */
  public static final int TOP_STAFF = 10;

  /**
   * The chart part names of each report type, in the order they are rendered; a type not listed has
   * no charts. The single source of the charts of a type for the renderer and the messages.
   */
  public static final Map<String, List<String>> CHARTS_BY_TYPE = Map.of(
      "daily", List.of(CALLS_BY_HOUR, STAFF_CALLS),
      "weekly", List.of(CALLS_BY_HOUR, STAFF_CALLS, DAILY_SERIES, FUNNEL),
      "learning-daily", List.of(MISTAKES_HEATMAP));

  static final String NO_ERRORS = "No errors detected in the window";
  static final String NO_CALLS = "No calls in this period";
  static final String NO_ACTIVITY = "No calls or new leads in this period";
  static final String NO_LEADS = "No leads in this period";

  private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("EEE d", Locale.ENGLISH);

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
  private static final Color ACCENT = new Color(HeatmapPalette.HIGH);
  private static final Color ACCENT_LIGHT = new Color(HeatmapPalette.rgb(0.45));

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

  /** The chart part names of a report type (see {@link #CHARTS_BY_TYPE}); empty for other types. */
  public static List<String> chartNames(String type) {
    return CHARTS_BY_TYPE.getOrDefault(requireNonNull(type, "type"), List.of());
  }

  /** The charts of a report of the given type, in the order of {@link #chartNames}. */
  public List<Image> charts(String type, ObjectNode tree) {
    requireNonNull(tree, "tree");
    List<Image> images = new ArrayList<>();
    for (String name : chartNames(type)) {
      if (name.equals(MISTAKES_HEATMAP)) {
        images.addAll(learningDaily(tree));
      } else {
        images.add(new Image(name, leadChart(name, tree)));
      }
    }
    return List.copyOf(images);
  }

  private static byte[] leadChart(String name, ObjectNode tree) {
    String period = HtmlModel.periodLabel(tree.path("period")).map(l -> ", " + l).orElse("");
    return switch (name) {
      case CALLS_BY_HOUR -> {
        String title = "Calls by hour (" + tree.path("timezone").asText("local") + ")" + period;
        yield draw(title, () -> callsByHour(title, tree.path("by_hour")));
      }
      case STAFF_CALLS -> {
        String title = "Calls by staff member" + period;
        yield draw(title, () -> staffCalls(title, tree.path("staff")));
      }
      case DAILY_SERIES -> {
        String title = "Calls and new leads by day" + period;
        yield draw(title, () -> dailySeries(title, tree.path("daily")));
      }
      case FUNNEL -> {
        String title = "Lead funnel" + period;
        yield draw(title, () -> funnel(title, tree.at("/funnel/stages")));
      }
      default -> throw new IllegalArgumentException("unknown chart " + name);
    };
  }

  /** Bars of calls for the 24 local hours, the success rate as a line on a right-hand axis. */
  static byte[] callsByHour(String title, JsonNode byHour) {
    long[] calls = new long[24];
    Double[] rates = new Double[24];
    long total = 0;
    for (JsonNode row : byHour) {
      int hour = row.path("hour").asInt(-1);
      if (hour < 0 || hour > 23) {
        continue;
      }
      calls[hour] = row.path("calls").asLong();
      total += calls[hour];
      rates[hour] = row.path("success_rate").isNumber() ? row.path("success_rate").asDouble() * 100 : null;
    }
    if (total == 0) {
      return message(title, NO_CALLS);
    }
    List<String> hours = new ArrayList<>();
    List<Number> callValues = new ArrayList<>();
    List<Number> rateValues = new ArrayList<>();
    for (int hour = 0; hour < 24; hour++) {
      hours.add(String.format(Locale.ROOT, "%02d", hour));
      callValues.add(calls[hour]);
      rateValues.add(rates[hour]);
    }
    CategoryChart chart = barChart(title, 760, 360, "Local hour", "Calls");
    chart.getStyler().setSeriesColors(new Color[] {ACCENT, INK});
    chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    chart.getStyler().setYAxisMin(1, 0.0);
    chart.getStyler().setYAxisMax(1, 100.0);
    chart.getStyler().putYAxisGroupDecimalPatternMap(1, "0");
    // The rate's point sits on the centre of its hour's bar.
    chart.getStyler().setOverlapped(true);
    chart.setYAxisGroupTitle(1, "Success rate (%)");
    chart.addSeries("Calls", hours, callValues);
    CategorySeries rate = chart.addSeries("Success rate (%)", hours, rateValues);
    rate.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
    rate.setYAxisGroup(1);
    rate.setLineColor(INK);
    rate.setMarkerColor(INK);
    return encode(chart);
  }

  /** Bars of calls for the top staff members by calls, labelled by the first 8 characters of their id. */
  static byte[] staffCalls(String title, JsonNode staff) {
    List<JsonNode> rows = new ArrayList<>();
    staff.forEach(row -> {
      if (row.path("calls").asLong() > 0) {
        rows.add(row);
      }
    });
    if (rows.isEmpty()) {
      return message(title, NO_CALLS);
    }
    rows.sort(Comparator.comparingLong((JsonNode row) -> -row.path("calls").asLong())
        .thenComparingLong(row -> row.path("rank").asLong(Long.MAX_VALUE))
        .thenComparing(row -> row.path("user_id").asText("")));
    List<JsonNode> top = rows.subList(0, Math.min(TOP_STAFF, rows.size()));
    List<String> labels = new ArrayList<>();
    List<Number> calls = new ArrayList<>();
    for (JsonNode row : top) {
      labels.add(shortId(row.path("user_id").asText("?"), labels));
      calls.add(row.path("calls").asLong());
    }
    CategoryChart chart = barChart(title, Math.max(640, 200 + 60 * top.size()), 340, "Staff member", "Calls");
    chart.getStyler().setSeriesColors(new Color[] {ACCENT});
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setLabelsVisible(true);
    chart.getStyler().setLabelsFont(new Font(FONT, Font.BOLD, 12));
    chart.getStyler().setLabelsFontColor(INK);
    chart.addSeries("Calls", labels, calls);
    return encode(chart);
  }

  /** Calls and new leads per day, side by side. */
  static byte[] dailySeries(String title, JsonNode daily) {
    List<String> days = new ArrayList<>();
    List<Number> calls = new ArrayList<>();
    List<Number> leads = new ArrayList<>();
    long total = 0;
    for (JsonNode row : daily) {
      days.add(dayLabel(row.path("date").asText("")));
      calls.add(row.path("calls").asLong());
      leads.add(row.path("new_leads").asLong());
      total += row.path("calls").asLong() + row.path("new_leads").asLong();
    }
    if (total == 0) {
      return message(title, NO_ACTIVITY);
    }
    CategoryChart chart = barChart(title, Math.max(560, 240 + 70 * days.size()), 340, "Day", "Count");
    chart.getStyler().setSeriesColors(new Color[] {ACCENT, ACCENT_LIGHT});
    chart.addSeries("Calls", days, calls);
    chart.addSeries("New leads", days, leads);
    return encode(chart);
  }

  /** The funnel stages in their order, one bar each. */
  static byte[] funnel(String title, JsonNode stages) {
    List<String> names = new ArrayList<>();
    List<Number> counts = new ArrayList<>();
    long total = 0;
    for (JsonNode stage : stages) {
      names.add(stage.path("stage").asText("?"));
      counts.add(stage.path("count").asLong());
      total += stage.path("count").asLong();
    }
    if (total == 0) {
      return message(title, NO_LEADS);
    }
    CategoryChart chart = barChart(title, 640, 340, "Stage", "Leads");
    chart.getStyler().setSeriesColors(new Color[] {ACCENT});
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setLabelsVisible(true);
    chart.getStyler().setLabelsFont(new Font(FONT, Font.BOLD, 12));
    chart.getStyler().setLabelsFontColor(INK);
    chart.addSeries("Leads", names, counts);
    return encode(chart);
  }

  /** A bar chart in the house style: white, ink text, light grid, integer counts. */
  private static CategoryChart barChart(String title, int width, int height, String xTitle, String yTitle) {
    CategoryChart chart = new CategoryChartBuilder()
        .width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    CategoryStyler styler = chart.getStyler();
    styler.setLocale(Locale.ENGLISH);
    styler.setAntiAlias(true);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setPlotGridLinesVisible(true);
    styler.setPlotGridVerticalLinesVisible(false);
    styler.setPlotGridLinesColor(LINE);
    styler.setChartFontColor(INK);
    styler.setAxisTickLabelsColor(INK);
    styler.setChartTitleFont(new Font(FONT, Font.BOLD, 16));
    styler.setAxisTitleFont(new Font(FONT, Font.PLAIN, 13));
    styler.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 12));
    styler.setLegendFont(new Font(FONT, Font.PLAIN, 12));
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setYAxisMin(0.0);
    styler.setYAxisDecimalPattern("#,##0");
    styler.setAvailableSpaceFill(0.7);
    styler.setOverlapped(false);
    return chart;
  }

  /** The chart painted on an RGB image of its size (XChart fills its white background), as PNG. */
  private static byte[] encode(CategoryChart chart) {
    BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      chart.paint(g, chart.getWidth(), chart.getHeight());
    } finally {
      g.dispose();
    }
    return png(image);
  }

  /** The first 8 characters of a staff id (a UUID's first group), longer where that is ambiguous. */
  static String shortId(String id, List<String> taken) {
    String label = id.length() <= 8 ? id : id.substring(0, 8);
    return taken.contains(label) ? id : label;
  }

  private static String dayLabel(String date) {
    try {
      return DAY_LABEL.format(LocalDate.parse(date));
    } catch (DateTimeParseException e) {
      return date;
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

  /**
   * A heatmap of counts: rows top to bottom as in the matrix, the count written in each cell. The
   * title is drawn above the chart, centred on the whole image, which is widened to fit it: XChart
   * centres its own title on the plot, and long category labels pushed it off the right edge.
   */
  static byte[] heatmap(String title, CountMatrix matrix) {
    int rows = matrix.rows().size();
    int columns = matrix.columns().size();
    Font titleFont = new Font(FONT, Font.BOLD, 16);
    int width = Math.max(Math.max(560, 260 + 140 * columns), textWidth(title, titleFont) + 48);
    int height = Math.max(260, 130 + 44 * rows);
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(width)
            .height(height - TITLE_BAND)
            .xAxisTitle("Error type")
            .yAxisTitle("Error category")
            .build();
    HeatMapStyler styler = chart.getStyler();
    styler.setChartTitleVisible(false);
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
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      centered(g, title, titleFont, INK, width, 28);
      g.translate(0, TITLE_BAND);
      chart.paint(g, width, height - TITLE_BAND);
    } finally {
      g.dispose();
    }
    return png(image);
  }

  /** The height of the band above a chart that holds its title. */
  private static final int TITLE_BAND = 40;

  /** A small image with a title and a message, for a chart that has nothing to show. */
  static byte[] message(String title, String text) {
    int width = Math.max(560, textWidth(title, new Font(FONT, Font.BOLD, 16)) + 48);
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
    return png(image);
  }

  private static byte[] png(BufferedImage image) {
    return PngEncoder.encode(image);
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

  /** The width of a line of text in a font, as drawn on an off-screen image. */
  private static int textWidth(String text, Font font) {
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scratch.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
      return g.getFontMetrics(font).stringWidth(text);
    } finally {
      g.dispose();
    }
  }

  private static void centered(Graphics2D g, String text, Font font, Color color, int width, int baseline) {
    g.setFont(font);
    g.setColor(color);
    FontMetrics metrics = g.getFontMetrics();
    g.drawString(text, Math.max(8, (width - metrics.stringWidth(text)) / 2), baseline);
  }
}
