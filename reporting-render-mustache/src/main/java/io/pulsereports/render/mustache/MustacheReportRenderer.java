package io.pulsereports.render.mustache;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mustachejava.Mustache;
import io.pulsereports.core.ReportingException;
import io.pulsereports.core.metric.LearningDailyReport;
import io.pulsereports.core.delivery.StoredReport;
import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.out.ReportRenderer;
import io.pulsereports.render.mustache.internal.CsvTables;
import io.pulsereports.render.mustache.internal.HtmlModel;
import io.pulsereports.render.mustache.internal.HtmlTemplates;
import io.pulsereports.render.mustache.internal.PdfDocuments;
import io.pulsereports.render.mustache.internal.PngCharts;
import io.pulsereports.render.mustache.internal.ReportJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders any report as JSON, CSV, HTML, PNG charts and PDF, all derived from one JSON tree (SPEC
 * section 5).
 *
 * <ul>
 *   <li>{@link ReportFormat#JSON}: one part {@code report}, the pretty-printed UTF-8 report data.
 *   <li>{@link ReportFormat#CSV}: part {@code summary} ({@code metric,value} for every scalar
 *       outside arrays, by dotted path) and one part per array ({@code by_hour}, {@code staff},
 *       {@code daily}, {@code funnel_stages}, …), with header rows. A learning daily report ({@code
 *       LearningDailyReport} body) has its own tables instead: {@code engagement_7d} (a row per
 *       role, then {@code total}), {@code top_mistakes}, {@code mistakes_heatmap} ({@code
 *       error_category}, then a column per error_type), {@code conversion_candidates} and {@code
 *       inactive_users}, each with its header row even when empty.
 *   <li>{@link ReportFormat#HTML}: one part {@code report}, the report type's Mustache template
 *       rendered with the JSON tree as model plus a {@code display} key of formatted figures and a
 *       {@code charts} key of the report's PNG charts as {@code data:} URIs.
 *   <li>{@link ReportFormat#PNG}: one part per chart, as {@link PngCharts#CHARTS_BY_TYPE}
 *       lists them. {@code daily}: {@code calls_by_hour} (calls per local hour as bars, the success
 *       rate as a line on a right-hand axis) and {@code staff_calls} (calls of the top 10 staff
 *       members, labelled by the first 8 characters of their id); {@code weekly}: those two, then
 *       {@code daily_series} (calls and new leads per day) and {@code funnel} (the stages in
 *       order). A chart without data is a small image saying so ("No calls in this period").
 *       A learning daily report has {@code mistakes_heatmap}, error_category (rows) × error_type
 *       (columns) with the counts (a small "No errors detected in the window" image when there are
 *       none). Other report types have no charts: an empty list.
 *   <li>{@link ReportFormat#PDF}: one part {@code report}, the HTML rendering (same template and
 *       model, charts as {@code data:} URIs) laid out by openhtmltopdf on A4 portrait pages with
 *       15 mm margins; table rows are not cut across pages and table headers repeat. The text is
 *       set in the bundled DejaVu Sans, embedded, so the PDF does not depend on the machine's fonts.
 * </ul>
 *
 * JSON and CSV work for every report type. HTML and PDF need a template for the type: {@code daily},
 * {@code weekly} and {@code learning-daily} are built in and registered through {@link
 * Builder#template} like any other; registering a type again replaces its template. {@link
 * #withHtmlTemplate} renders with a custom template for one type. Every template is checked by the
 * rules of {@link ReportTemplates} (built-in partials only, values always escaped) and a template
 * that breaks them is an {@link InvalidTemplateException} naming its line.
 *
 * <p>Emails ({@link MustacheMessageRenderer}) have templates of their own, email-safe (tables,
 * inline styles, {@code cid:} images): built in for the three types, registered for others with
 * {@link Builder#emailTemplate}; a type without one gets a generic email of its headline figures.
 *
 * <p>Charts are drawn off screen and work on a server without a display: unless the application
 * set {@code java.awt.headless}, creating a renderer sets it to {@code true} before AWT is used.
 * The same report gives byte-identical PNGs on the same machine.
 *
 * <pre>{@code
 * ReportRenderer renderer = MustacheReportRenderer.builder()
 *     .template("churn", "<h1>{{report_type}}</h1><p>{{display.churn.rate}}</p>")
 *     .build();
 * }</pre>
 *
 * Instances are immutable and thread-safe.
 */
public final class MustacheReportRenderer implements ReportRenderer {

  /** The part name of a single-document rendering (JSON, HTML). */
  public static final String REPORT_PART = "report";

  private static final List<String> BUILT_IN_TYPES = List.of("daily", "weekly", "learning-daily");

  /** The email template of a type that has none of its own: title, headline figures, link. */
  private static final String GENERIC_EMAIL = "generic";

  private final ReportJson json;
  private final CsvTables csv;
  private final PngCharts png;
  private final PdfDocuments pdf;
  private final Map<String, Mustache> templates;
  private final Map<String, Mustache> emailTemplates;

  ReportJson json() {
    return json;
  }

  CsvTables csv() {
    return csv;
  }

  PngCharts png() {
    return png;
  }

  /** The email template of a report type: its own, or the generic one. */
  Mustache emailTemplate(String type) {
    Mustache template = emailTemplates.get(type);
    return template != null ? template : BuiltIns.GENERIC;
  }

  private MustacheReportRenderer(ReportJson json, Map<String, Mustache> templates, Map<String, Mustache> emailTemplates) {
    this.json = json;
    this.csv = new CsvTables();
    this.png = new PngCharts();
    this.pdf = new PdfDocuments();
    this.templates = Map.copyOf(templates);
    this.emailTemplates = Map.copyOf(emailTemplates);
  }

  /** A renderer with the built-in templates only. */
  public static MustacheReportRenderer create() {
    return builder().build();
  }

  /**
   * A builder that already holds the built-in {@code daily}, {@code weekly} and {@code
   * learning-daily} templates.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The report types that have an HTML template. */
  public Set<String> templateTypes() {
    return templates.keySet();
  }

  /**
   * This renderer with {@code content} as the HTML template of {@code type} (built-in or not): HTML
   * and PDF renderings of reports of that type use it; other types, and emails, are unchanged.
   * The model is documented in {@code docs/templates.md}.
   *
   * <pre>{@code
   * byte[] pdf = renderer.withHtmlTemplate(ReportType.WEEKLY, savedTemplate)
   *     .render(weeklyReport, ReportFormat.PDF).get(0).content();
   * }</pre>
   *
   * @throws InvalidTemplateException when the template breaks a rule of {@link ReportTemplates}
   */
  public MustacheReportRenderer withHtmlTemplate(ReportType type, String content) {
    requireNonNull(type, "type");
    requireNonNull(content, "content");
    Map<String, Mustache> replaced = new LinkedHashMap<>(templates);
    replaced.put(type.name(), COMPILER.compile(type.name(), content));
    return new MustacheReportRenderer(json, replaced, emailTemplates);
  }

  /** The first rule of {@link ReportTemplates} {@code content} breaks, with its line and column. */
  @Override
  public Optional<String> templateProblem(ReportType type, String content) {
    requireNonNull(type, "type");
    try {
      ReportTemplates.validate(content);
      return Optional.empty();
    } catch (InvalidTemplateException e) {
      return Optional.of(e.getMessage());
    }
  }

  @Override
  public List<RenderedOutput> render(Report<?> report, ReportFormat format) {
    requireNonNull(report, "report");
    requireNonNull(format, "format");
    return switch (format) {
      case JSON -> List.of(new RenderedOutput(REPORT_PART, format, json.bytes(json.tree(report))));
      case CSV -> renderCsv(report);
      case HTML -> List.of(new RenderedOutput(REPORT_PART, format, renderHtml(report)));
      case PNG -> renderPng(report);
      case PDF -> List.of(new RenderedOutput(REPORT_PART, format, pdf.fromHtml(html(report))));
    };
  }

  @Override
  public List<RenderedOutput> render(StoredReport stored, ReportFormat format) {
    requireNonNull(stored, "stored");
    requireNonNull(format, "format");
    ObjectNode tree = json.parse(stored.reportData());
    if (format == ReportFormat.CSV) {
      return storedCsv(stored.type().name(), tree).stream()
          .map(table -> new RenderedOutput(table.name(), ReportFormat.CSV, table.content()))
          .toList();
    }
    return render(StoredReports.view(stored.type(), tree), format);
  }

  /** The CSV tables of a stored report: the learning layout for learning-daily, the generic one otherwise. */
  List<CsvTables.Table> storedCsv(String type, ObjectNode tree) {
    return type.equals(ReportType.LEARNING_DAILY.name())
        ? csv.learningDaily(tree)
        : csv.tables(tree, path -> List.of());
  }

  private List<RenderedOutput> renderPng(Report<?> report) {
    return charts(report, json.tree(report)).stream()
        .map(image -> new RenderedOutput(image.name(), ReportFormat.PNG, image.png()))
        .toList();
  }

  /**
   * The charts of a report: those {@link PngCharts#chartNames} lists for its type (a body of {@code
   * LearningDailyReport} counts as {@code learning-daily}); none for other types.
   */
  private List<PngCharts.Image> charts(Report<?> report, ObjectNode tree) {
    return png.charts(chartType(report.type().name(), report.body() instanceof LearningDailyReport), tree);
  }

  /** The report type whose chart list applies. */
  static String chartType(String type, boolean learningDailyBody) {
    return learningDailyBody ? ReportType.LEARNING_DAILY.name() : type;
  }

  /** The charts of a stored report of a type, as the messages show them: the same list as PNG rendering. */
  List<PngCharts.Image> charts(String type, ObjectNode tree) {
    return png.charts(type, tree);
  }

  private List<RenderedOutput> renderCsv(Report<?> report) {
    ObjectNode tree = json.tree(report);
    Class<?> bodyType = report.body().getClass();
    List<CsvTables.Table> tables = report.body() instanceof LearningDailyReport
        ? csv.learningDaily(tree)
        : csv.tables(tree, path -> json.elementColumns(bodyType, path));
    return tables.stream()
        .map(table -> new RenderedOutput(table.name(), ReportFormat.CSV, table.content()))
        .toList();
  }

  private byte[] renderHtml(Report<?> report) {
    return html(report).getBytes(StandardCharsets.UTF_8);
  }

  private String html(Report<?> report) {
    String type = report.type().name();
    Mustache template = templates.get(type);
    if (template == null) {
      throw new ReportingException(
          "no HTML template for report type '" + type + "'; register one with"
              + " MustacheReportRenderer.builder().template(\"" + type + "\", source)");
    }
    ObjectNode tree = json.tree(report);
    Map<String, byte[]> images = new LinkedHashMap<>();
    charts(report, tree).forEach(image -> images.put(image.name(), image.png()));
    Map<String, Object> model = HtmlModel.of(report, tree, images);
    return HtmlTemplates.render(type, template, model);
  }

  private static final HtmlTemplates COMPILER = new HtmlTemplates();

  /** The built-in templates, compiled once: standalone by type, email by type plus the generic one. */
  private static final class BuiltIns {
    static final Map<String, Mustache> HTML = compileAll(BUILT_IN_TYPES, "");
    static final Map<String, Mustache> EMAIL = compileAll(BUILT_IN_TYPES, "email/");
    static final Mustache GENERIC = COMPILER.compile("email-" + GENERIC_EMAIL, HtmlTemplates.builtIn("email/" + GENERIC_EMAIL));

    private static Map<String, Mustache> compileAll(List<String> names, String folder) {
      Map<String, Mustache> compiled = new LinkedHashMap<>();
      for (String name : names) {
        compiled.put(name, COMPILER.compile(folder + name, HtmlTemplates.builtIn(folder + name)));
      }
      return compiled;
    }
  }

  /** Collects HTML and email templates by report type; starts with the built-in ones. */
  public static final class Builder {
    private final Map<String, Mustache> templates = new LinkedHashMap<>(BuiltIns.HTML);
    private final Map<String, Mustache> emailTemplates = new LinkedHashMap<>(BuiltIns.EMAIL);

    private Builder() {}

    /**
     * Registers the HTML template of a report type, replacing any earlier one (built-ins
     * included), for HTML and PDF. The source is Mustache under the rules of {@link
     * ReportTemplates}: {@code {{x}}} is HTML-escaped, the built-in partials ({@code {{>
     * pulse-style}}}, {@code {{> pulse-header}}}, {@code {{> pulse-footer}}}, …) may be included.
     * The model also holds {@code charts}, the report's PNG charts as {@code data:} URIs by part
     * name ({@code {{charts.mistakes_heatmap}}}); see {@code docs/templates.md}.
     *
     * @throws IllegalArgumentException when the type name is invalid
     * @throws InvalidTemplateException when the template breaks a rule or does not compile
     */
    public Builder template(String type, String mustacheSource) {
      String name = new ReportType(requireNonNull(type, "type")).name();
      templates.put(name, COMPILER.compile(name, requireNonNull(mustacheSource, "mustacheSource")));
      return this;
    }

    public Builder template(ReportType type, String mustacheSource) {
      return template(requireNonNull(type, "type").name(), mustacheSource);
    }

    /**
     * Registers the email template of a report type, replacing the built-in one for {@code daily},
     * {@code weekly} and {@code learning-daily}. Same rules and model as {@link #template}, with
     * {@code charts} as {@code cid:} references and the {@code email} key (headline figures, KPI
     * rows, report link). Keep it email-safe: tables, inline styles, no {@code <style>} element.
     *
     * @throws IllegalArgumentException when the type name is invalid
     * @throws InvalidTemplateException when the template breaks a rule or does not compile
     */
    public Builder emailTemplate(String type, String mustacheSource) {
      String name = new ReportType(requireNonNull(type, "type")).name();
      emailTemplates.put(name, COMPILER.compile("email-" + name, requireNonNull(mustacheSource, "mustacheSource")));
      return this;
    }

    public MustacheReportRenderer build() {
      return new MustacheReportRenderer(new ReportJson(), templates, emailTemplates);
    }
  }
}
