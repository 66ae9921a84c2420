package io.pulsereports.render.mustache;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mustachejava.Mustache;
import io.pulsereports.core.ReportingException;
import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.Headline;
import io.pulsereports.core.delivery.MessagePart;
import io.pulsereports.core.delivery.StoredReport;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportRequest;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.out.MessageRenderer;
import io.pulsereports.render.mustache.internal.CsvTables;
import io.pulsereports.render.mustache.internal.DisplayFormat;
import io.pulsereports.render.mustache.internal.HtmlModel;
import io.pulsereports.render.mustache.internal.HtmlTemplates;
import io.pulsereports.render.mustache.internal.PngCharts;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Renders a stored report (its SPEC JSON, as the delivery log keeps it) into a message: the
 * report type's HTML template with charts as {@code cid:} inline images, a plain-text part with
 * the headline figures, the CSV tables as attachments, and the headlines Slack shows. Everything
 * is derived from the stored document, so a retry sends exactly what was generated.
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
    requireNonNull(stored, "stored");
    requireNonNull(reportLink, "reportLink");
    ObjectNode tree = renderer.json().parse(stored.reportData());
    Report<ObjectNode> report = view(stored.type(), tree);
    String type = stored.type().name();
    List<PngCharts.Image> charts = charts(type, tree);
    List<Headline> headlines = headlines(type, tree);
    String title = HtmlModel.title(type);
    String summary = summary(report);
    String subject = title + " · " + periodText(report.request().period()) + scopeSuffix(report);
    String html = html(report, tree, charts);
    String text = text(title, summary, headlines, reportLink, !charts.isEmpty());
    List<MessagePart> inline = charts.stream()
        .map(chart -> new MessagePart(chart.name(), "image/png", chart.png()))
        .toList();
    List<MessagePart> attachments = csvTables(type, tree).stream()
        .map(table -> new MessagePart(fileName(report, table.name()), "text/csv", table.content()))
        .toList();
    return new DeliveryContent(subject, summary, headlines, html, text, inline, attachments, reportLink);
  }

  private String html(Report<ObjectNode> report, ObjectNode tree, List<PngCharts.Image> charts) {
    String type = report.type().name();
    Mustache template = renderer.template(type).orElseThrow(() -> new ReportingException(
        "no HTML template for report type '" + type + "'; register one with MustacheReportRenderer.builder().template"));
    Map<String, Object> model = HtmlModel.of(report, tree);
    Map<String, Object> sources = new LinkedHashMap<>();
    // Email clients block data: URIs (Gmail); inline parts are referenced by content id.
    charts.forEach(chart -> sources.put(chart.name(), "cid:" + chart.name()));
    model.put("charts", sources);
    return HtmlTemplates.render(type, template, model);
  }

  private List<PngCharts.Image> charts(String type, ObjectNode tree) {
    // The same per-type chart list as MustacheReportRenderer's PNG and HTML rendering.
    return renderer.charts(type, tree);
  }

  private List<CsvTables.Table> csvTables(String type, ObjectNode tree) {
    return type.equals(ReportType.LEARNING_DAILY.name())
        ? renderer.csv().learningDaily(tree)
        : renderer.csv().tables(tree, path -> List.of());
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

  /** The figures a reader looks at first, per report type; empty for types it does not know. */
  static List<Headline> headlines(String type, ObjectNode tree) {
    List<Headline> headlines = new ArrayList<>();
    switch (type) {
      case "daily" -> {
        headlines.add(count("New leads", tree.at("/leads/new")));
        headlines.add(count("Converted", tree.at("/leads/converted_in_period")));
        headlines.add(count("Calls", tree.at("/calls/total")));
        headlines.add(rate("Call success rate", tree.at("/calls/success_rate")));
        headlines.add(rate("Interest rate", tree.at("/interest_rate")));
        JsonNode best = tree.at("/best_hour");
        headlines.add(new Headline("Best hour", best.isNumber() ? DisplayFormat.hour(best.asLong()) : DisplayFormat.UNDEFINED,
            Optional.empty()));
      }
      case "weekly" -> {
        headlines.add(withChange(count("New leads", tree.at("/leads/new")), tree.at("/changes/leads/new"), false));
        headlines.add(withChange(count("Converted", tree.at("/leads/converted_in_period")),
            tree.at("/changes/leads/converted_in_period"), false));
        headlines.add(withChange(rate("Conversion rate", tree.at("/leads/conversion_rate")),
            tree.at("/changes/leads/conversion_rate"), true));
        headlines.add(withChange(count("Calls", tree.at("/calls/total")), tree.at("/changes/calls/total"), false));
        headlines.add(withChange(rate("Call success rate", tree.at("/calls/success_rate")),
            tree.at("/changes/calls/success_rate"), true));
        headlines.add(rate("Interest rate", tree.at("/interest_rate")));
      }
      case "learning-daily" -> {
        headlines.add(count("Active users (7 days)", tree.at("/engagement/total/active_users")));
        headlines.add(count("Sessions (7 days)", tree.at("/engagement/total/sessions")));
        JsonNode confidence = tree.at("/engagement/total/avg_confidence");
        headlines.add(new Headline("Average confidence",
            confidence.isNumber() ? DisplayFormat.oneDecimal(confidence.asDouble()) : DisplayFormat.UNDEFINED, Optional.empty()));
        headlines.add(count("Errors detected (30 days)", tree.at("/mistakes/total_errors")));
        JsonNode top = tree.at("/mistakes/top/0");
        if (top.isObject()) {
          String text = top.path("error_text").isTextual() ? " “" + top.path("error_text").asText() + "”" : "";
          headlines.add(new Headline("Top mistake",
              top.path("error_category").asText() + " (" + top.path("error_type").asText() + ")" + text,
              top.path("pct").isNumber() ? Optional.of(DisplayFormat.percent(top.path("pct").asDouble()) + " of errors") : Optional.empty()));
        }
        headlines.add(count("Conversion candidates", tree.at("/conversion/candidate_count")));
        JsonNode revenue = tree.at("/conversion/revenue_potential");
        headlines.add(new Headline("Revenue potential",
            revenue.isNumber() ? DisplayFormat.money(revenue.decimalValue(), tree.at("/conversion/currency").asText(null))
                : DisplayFormat.UNDEFINED, Optional.empty()));
        headlines.add(count("Inactive users (30 days)", tree.at("/inactive_users/count")));
      }
      default -> { }
    }
    return headlines;
  }

  private static Headline count(String label, JsonNode value) {
    return new Headline(label, value.isNumber() ? DisplayFormat.count(value.asLong()) : DisplayFormat.UNDEFINED,
        Optional.empty());
  }

  private static Headline rate(String label, JsonNode value) {
    return new Headline(label, value.isNumber() ? DisplayFormat.percent(value.asDouble()) : DisplayFormat.UNDEFINED,
        Optional.empty());
  }

  /** ▲ +12.5 % vs previous period; rates change in percentage points. */
  private static Headline withChange(Headline headline, JsonNode change, boolean isRate) {
    if (!change.isObject() || !change.path("change").isNumber()) {
      return headline;
    }
    String arrow = switch (change.path("trend").asText("")) {
      case "up" -> "▲";
      case "down" -> "▼";
      default -> "■";
    };
    String amount = isRate
        ? DisplayFormat.percentagePoints(change.path("change").asDouble())
        : change.path("pct_change").isNumber()
            ? DisplayFormat.signedPercent(change.path("pct_change").asDouble())
            : DisplayFormat.signedCount(change.path("change").asLong());
    return new Headline(headline.label(), headline.value(), Optional.of(arrow + " " + amount + " vs previous period"));
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
  private static Report<ObjectNode> view(ReportType type, ObjectNode tree) {
    try {
      ZoneId zone = ZoneId.of(tree.path("timezone").asText("UTC"));
      OffsetDateTime start = OffsetDateTime.parse(tree.at("/period/start").asText());
      OffsetDateTime end = OffsetDateTime.parse(tree.at("/period/end").asText());
      LocalDate first = start.atZoneSameInstant(zone).toLocalDate();
      LocalDate last = end.atZoneSameInstant(zone).toLocalDate().minusDays(1);
      Optional<GymScope> scope = tree.path("gym_id").isTextual()
          ? Optional.of(new GymScope(UUID.fromString(tree.path("gym_id").asText()),
              tree.path("branch_id").isTextual()
                  ? Optional.of(UUID.fromString(tree.path("branch_id").asText()))
                  : Optional.empty()))
          : Optional.empty();
      Instant generatedAt = tree.path("generated_at").isTextual()
          ? OffsetDateTime.parse(tree.path("generated_at").asText()).toInstant()
          : start.toInstant();
      return new Report<>(new ReportRequest(type, scope, ReportPeriod.range(first, last.isBefore(first) ? first : last, zone)),
          generatedAt, tree);
    } catch (DateTimeException | IllegalArgumentException e) {
      throw new ReportingException("the stored report data has no valid time zone, period or scope: " + e.getMessage(), e);
    }
  }
}
