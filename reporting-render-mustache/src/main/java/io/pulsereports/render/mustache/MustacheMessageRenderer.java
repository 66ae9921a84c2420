package io.pulsereports.render.mustache;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.Headline;
import io.pulsereports.core.delivery.MessagePart;
import io.pulsereports.core.delivery.StoredReport;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.template.ReportTemplate;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.port.out.MessageRenderer;
import io.pulsereports.render.mustache.internal.CsvTables;
import io.pulsereports.render.mustache.internal.EmailModel;
import io.pulsereports.render.mustache.internal.Headlines;
import io.pulsereports.render.mustache.internal.HtmlModel;
import io.pulsereports.render.mustache.internal.HtmlTemplates;
import io.pulsereports.render.mustache.internal.PngCharts;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a stored report (its SPEC JSON, as the delivery log keeps it) into a message: an
 * email-safe HTML body, a plain-text part with the headline figures, the CSV tables as
 * attachments, and the headlines Slack shows. Everything is derived from the stored document, so a
 * retry sends exactly what was generated.
 *
 * <p>The HTML body is the report type's email template ({@code templates/email/<type>.mustache}
 * for the built-in types): a 620 px table layout with every style inline (no {@code <style>}
 * element, no classes), the headline figures of the text part as cards with their changes in words
 * and arrows as well as colour, the charts as {@code cid:} inline images (never {@code data:}
 * URIs), no script and nothing loaded from the network; the only link is the one to the full
 * report. A type without an email template gets a generic one with its title and headline figures.
 *
 * <pre>{@code
 * MustacheReportRenderer renderer = MustacheReportRenderer.create();
 * MessageRenderer messages = MustacheMessageRenderer.of(renderer);
 * }</pre>
 *
 * Thread-safe.
 */
public final class MustacheMessageRenderer implements MessageRenderer {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  private final MustacheReportRenderer renderer;

  private MustacheMessageRenderer(MustacheReportRenderer renderer) {
    this.renderer = renderer;
  }

  /** Messages with the templates of {@code renderer} (built-in and custom ones alike). */
  public static MustacheMessageRenderer of(MustacheReportRenderer renderer) {
    return new MustacheMessageRenderer(requireNonNull(renderer, "renderer"));
  }

  @Override
  public DeliveryContent render(StoredReport stored, Optional<String> reportLink) {
    return render(stored, reportLink, Optional.empty());
  }

  /**
   * With a custom template, its page (as {@code generate --template-id} renders it) is the HTML
   * body, and its subject, if it has one, the subject. The plain-text part and the CSV attachments
   * stay. The page carries its charts as data: images, so the cid: parts of the built-in email are
   * not drawn.
   */
  @Override
  public DeliveryContent render(StoredReport stored, Optional<String> reportLink, Optional<ReportTemplate> template) {
    requireNonNull(stored, "stored");
    requireNonNull(reportLink, "reportLink");
    requireNonNull(template, "template");
    ObjectNode tree = renderer.json().parse(stored.reportData());
    Report<ObjectNode> report = StoredReports.view(stored.type(), tree);
    String type = stored.type().name();
    List<Headlines.Figure> figures = Headlines.of(type, tree);
    List<Headline> headlines = figures.stream().map(Headlines.Figure::headline).toList();
    String title = HtmlModel.title(type);
    String summary = summary(report);
    String subject = title + " · " + periodText(report.request().period()) + scopeSuffix(report);
    List<MessagePart> attachments = csvTables(type, tree).stream()
        .map(table -> new MessagePart(fileName(report, table.name()), "text/csv", table.content()))
        .toList();
    if (template.isPresent()) {
      ReportTemplate custom = template.get();
      byte[] page = renderer.withHtmlTemplate(stored.type(), custom.content())
          .render(stored, ReportFormat.HTML).get(0).content();
      String text = text(title, summary, headlines, reportLink, !PngCharts.chartNames(type).isEmpty());
      return new DeliveryContent(
          custom.subject().map(String::strip).filter(line -> !line.isEmpty()).orElse(subject), summary, headlines,
          new String(page, java.nio.charset.StandardCharsets.UTF_8), text, List.of(), attachments, reportLink);
    }
    List<PngCharts.Image> charts = charts(type, tree);
    Map<String, Object> model = EmailModel.of(report, tree, figures,
        charts.stream().map(PngCharts.Image::name).toList(), summary, reportLink,
        attachments.isEmpty() ? "" : "The tables are attached as CSV files.");
    String html = HtmlTemplates.render(type, renderer.emailTemplate(type), model);
    String text = text(title, summary, headlines, reportLink, !charts.isEmpty());
    List<MessagePart> inline = charts.stream()
        .map(chart -> new MessagePart(chart.name(), "image/png", chart.png()))
        .toList();
    return new DeliveryContent(subject, summary, headlines, html, text, inline, attachments, reportLink);
  }

  private List<PngCharts.Image> charts(String type, ObjectNode tree) {
    // The same per-type chart list as MustacheReportRenderer's PNG and HTML rendering.
    return renderer.charts(type, tree);
  }

  private List<CsvTables.Table> csvTables(String type, ObjectNode tree) {
    return renderer.storedCsv(type, tree);
  }

  private static String text(
      String title, String summary, List<Headline> headlines, Optional<String> link, boolean hasCharts) {
    StringBuilder text = new StringBuilder(title).append('\n').append(summary).append("\n\n");
    for (Headline headline : headlines) {
      text.append(headline.label()).append(": ").append(headline.value());
      headline.change().ifPresent(change -> text.append(" (").append(change).append(')'));
      text.append('\n');
    }
    link.ifPresent(url -> text.append("\nFull report: ").append(url).append('\n'));
    text.append("\nThe tables are attached as CSV files")
        .append(hasCharts ? "; the charts are in the HTML version of this email.\n" : ".\n");
    text.append("Sent by Pulse Reports.\n");
    return text.toString();
  }

  private static String summary(Report<ObjectNode> report) {
    ReportPeriod period = report.request().period();
    String scope = report.request().scope()
        .map(s -> "Gym " + s.gymId() + s.branchId().map(b -> " · Branch " + b).orElse(" · whole gym") + " · ")
        .orElse("");
    return scope + periodText(period) + " · time zone " + period.zone().getId();
  }

  private static String scopeSuffix(Report<ObjectNode> report) {
    return report.request().scope()
        .map(s -> s.branchId().map(b -> " · branch " + b.toString().substring(0, 8)).orElse(" · whole gym"))
        .orElse("");
  }

  private static String periodText(ReportPeriod period) {
    return period.startDate().equals(period.endDate())
        ? DAY.format(period.startDate())
        : DAY.format(period.startDate()) + " – " + DAY.format(period.endDate());
  }

  private static String fileName(Report<ObjectNode> report, String part) {
    ReportPeriod period = report.request().period();
    String dates = period.startDate().equals(period.endDate())
        ? period.startDate().toString()
        : period.startDate() + "_" + period.endDate();
    return report.type().name() + "_" + dates + "_" + part + ".csv";
  }

  /** The report's header fields read back from the stored document. */

}
