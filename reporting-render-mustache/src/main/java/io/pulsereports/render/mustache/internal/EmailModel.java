package io.pulsereports.render.mustache.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulsereports.core.model.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The model of an email template: the {@link HtmlModel} of the report with {@code charts} as
 * {@code cid:} references to the message's inline parts (email clients block {@code data:} URIs),
 * plus an {@code email} key:
 *
 * <ul>
 *   <li>{@code headlines}: the headline figures of the plain-text part, each {@code {label, value,
 *       change, has_change, direction, color, long, ends_row}} ({@code long}: a value too long for
 *       the large type of a card; {@code ends_row}: the last card of a row of {@value
 *       #CARDS_PER_ROW} where more follow, for Outlook, which needs a table to place them), and
 *       {@code has_headlines};
 *   <li>{@code summary} (scope, period, time zone in one line), {@code preheader} (the first
 *       figures, for the inbox preview), {@code report_link} and {@code has_report_link},
 *       {@code has_charts}, {@code attachments_note};
 *   <li>{@code staff} (lead reports): the first {@value HtmlModel#FIRST} rows of {@code
 *       display.staff}, each with {@code label}, the id as the staff chart labels it, and {@code
 *       staff_more}, how many rows are left out.
 * </ul>
 */
public final class EmailModel {

  public static final int CARDS_PER_ROW = 3;

  /** A value longer than this is set in the card's smaller type. */
  private static final int LONG_VALUE = 14;

  private EmailModel() {}

  public static Map<String, Object> of(
      Report<?> report,
      ObjectNode tree,
      List<Headlines.Figure> figures,
      List<String> chartNames,
      String summary,
      Optional<String> reportLink,
      String attachmentsNote) {
    requireNonNull(figures, "figures");
    requireNonNull(chartNames, "chartNames");
    Map<String, Object> model = HtmlModel.of(report, tree);
    Map<String, Object> charts = new LinkedHashMap<>();
    chartNames.forEach(name -> charts.put(name, "cid:" + name));
    model.put("charts", charts);

    List<Map<String, Object>> headlines = new ArrayList<>();
    for (int i = 0; i < figures.size(); i++) {
      Map<String, Object> headline = headline(figures.get(i));
      headline.put("ends_row", i % CARDS_PER_ROW == CARDS_PER_ROW - 1 && i < figures.size() - 1);
      headlines.add(headline);
    }
    Map<String, Object> email = new LinkedHashMap<>();
    email.put("headlines", headlines);
    email.put("has_headlines", !headlines.isEmpty());
    email.put("summary", requireNonNull(summary, "summary"));
    email.put("preheader", figures.stream().limit(3)
        .map(figure -> figure.label() + " " + figure.value())
        .collect(Collectors.joining(" · ")));
    email.put("report_link", reportLink.orElse(""));
    email.put("has_report_link", reportLink.isPresent());
    email.put("has_charts", !chartNames.isEmpty());
    email.put("attachments_note", requireNonNull(attachmentsNote, "attachmentsNote"));
    staff(model, email);
    model.put("email", email);
    return model;
  }

  private static Map<String, Object> headline(Headlines.Figure figure) {
    Map<String, Object> headline = new LinkedHashMap<>();
    headline.put("label", figure.label());
    headline.put("value", figure.value());
    headline.put("change", figure.change().orElse(""));
    headline.put("has_change", figure.change().isPresent());
    headline.put("direction", figure.direction());
    headline.put("color", DisplayFormat.trendColor(figure.direction()));
    headline.put("long", figure.value().length() > LONG_VALUE);
    return headline;
  }

  /** The first staff rows, labelled like the bars of the staff chart. */
  private static void staff(Map<String, Object> model, Map<String, Object> email) {
    @SuppressWarnings("unchecked")
    Map<String, Object> display = (Map<String, Object>) model.get("display");
    if (!(display.get("staff") instanceof List<?> rows)) {
      return;
    }
    List<String> labels = new ArrayList<>();
    List<Map<String, Object>> first = new ArrayList<>();
    for (Object element : rows) {
      @SuppressWarnings("unchecked")
      Map<String, Object> row = (Map<String, Object>) element;
      String label = PngCharts.shortId(String.valueOf(row.get("user_id")), labels);
      labels.add(label);
      if (first.size() < HtmlModel.FIRST) {
        Map<String, Object> labelled = new LinkedHashMap<>(row);
        labelled.put("label", label);
        first.add(labelled);
      }
    }
    email.put("staff", first);
    if (rows.size() > HtmlModel.FIRST) {
      email.put("staff_more", DisplayFormat.count(rows.size() - HtmlModel.FIRST));
    }
  }
}
