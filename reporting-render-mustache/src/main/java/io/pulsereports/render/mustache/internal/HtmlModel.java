package io.pulsereports.render.mustache.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportPeriod;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model a Mustache template renders: the report's JSON tree as maps and lists, so template
 * keys are the JSON field names ({@code {{leads.new}}}, {@code {{calls.success_rate}}}), plus a
 * {@code display} key and a {@code charts} key.
 *
 * <p>{@code display} mirrors the tree with every scalar formatted for people (see {@link
 * DisplayFormat}): rates ({@code *_rate}, {@code rate_*}, {@code pct}) as percentages, {@code
 * pct_change} signed, {@code *_seconds} as durations, {@code hour} and {@code *_hour} as {@code
 * 14:00}, {@code trend} with an arrow, {@code rank_change} as places moved, means ({@code avg_*},
 * {@code *_per_*}, scores included) with one decimal, money ({@code price}, {@code *_price},
 * {@code amount}, {@code *_amount}, {@code revenue}, {@code revenue_*}, {@code *_revenue}) with the
 * {@code currency} of the object it is in ({@code USD 537.00}), {@code recommendation} codes in
 * words, {@code date} as a day, ISO moments in local time, counts grouped, null as {@code —};
 * {@code current}, {@code previous} and {@code change} take the unit of the object they are in
 * ({@code change} signed, in percentage points for rates). Each mirrored object also has {@code
 * _entries} (a list of {@code {key, value, raw}} to iterate maps such as {@code by_status}) and
 * {@code _sizes} (per array field, its number of elements); an object with {@code start} and
 * {@code end} moments has {@code _label} (its local dates); an object of objects of counts (such
 * as {@code mistakes.heatmap}) has {@code _matrix}: {@code columns} ({@code [{key}]}), {@code
 * rows} ({@code [{key, total, cells: [{column, value, raw, background, color}]}]}, a missing cell
 * counted 0, {@code background}/{@code color} the CSS colours of the cell on the heatmap scale of
 * {@link HeatmapPalette}) and {@code max}. Each row of an array of objects has {@code _raw} (the
 * unformatted row) and {@code _bar} (per numeric column, the value as a percentage of the
 * column's largest, for bar widths). Each mirrored object with arrays also has {@code _first}
 * (per array field, its first {@value #FIRST} elements) and {@code _more} (per array field with
 * more elements than that, how many more). An object with a {@code trend} and a numeric {@code
 * change} (the weekly {@code changes}) has {@code _trend}: {@code direction} (up, down, flat),
 * {@code arrow}, {@code color} (CSS) and {@code text} ({@code ▲ +12.5 % vs previous period}, rates in
 * percentage points). {@code display.header} holds {@code title}, {@code report_type}, {@code
 * has_scope}, {@code gym_id}, {@code branch_id}, {@code whole_gym}, {@code scope_label}, {@code
 * period_label}, {@code first_date}, {@code last_date}, {@code days}, {@code timezone}, {@code
 * generated_at} and {@code data_source} (the tables a built-in type is computed from, empty for
 * other types).
 *
 * <p>{@code charts} maps the part name of each of the report's PNG charts (such as {@code
 * mistakes_heatmap}) to the image as a {@code data:image/png;base64,…} URI, for a standalone
 * document; it is empty for a report type without charts.
 */
public final class HtmlModel {

  /** How many elements {@code _first} keeps of each array. */
  public static final int FIRST = 5;

  private HtmlModel() {}

  public static Map<String, Object> of(Report<?> report, ObjectNode tree) {
    return of(report, tree, Map.of());
  }

  /** The model with the report's charts, PNG bytes by part name, as data URIs under {@code charts}. */
  public static Map<String, Object> of(Report<?> report, ObjectNode tree, Map<String, byte[]> charts) {
    requireNonNull(report, "report");
    requireNonNull(tree, "tree");
    requireNonNull(charts, "charts");
    @SuppressWarnings("unchecked")
    Map<String, Object> model = (Map<String, Object>) plain(tree);
    @SuppressWarnings("unchecked")
    Map<String, Object> display = (Map<String, Object>) mirror(tree, null, null);
    display.put("header", header(report));
    model.put("display", display);
    Map<String, Object> images = new LinkedHashMap<>();
    charts.forEach((part, png) -> images.put(part, "data:image/png;base64," + Base64.getEncoder().encodeToString(png)));
    model.put("charts", images);
    return model;
  }

  /** The tree as maps, lists, strings, numbers (decimals kept as BigDecimal), booleans and nulls. */
  static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        map.put(field.getKey(), plain(field.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(element -> list.add(plain(element)));
      return list;
    }
    if (node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isBigDecimal()) {
      return node.decimalValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.asText();
  }

  private static Object mirror(JsonNode node, String key, String parentKey) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      List<Map<String, Object>> entries = new ArrayList<>();
      Map<String, Object> sizes = new LinkedHashMap<>();
      Map<String, Object> first = new LinkedHashMap<>();
      Map<String, Object> more = new LinkedHashMap<>();
      String currency = node.path("currency").isTextual() ? node.get("currency").textValue() : null;
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        JsonNode child = field.getValue();
        Object value = isMoney(field.getKey()) && child.isNumber()
            ? DisplayFormat.money(child.decimalValue(), currency)
            : mirror(child, field.getKey(), key);
        map.put(field.getKey(), value);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("key", field.getKey());
        entry.put("value", value);
        entry.put("raw", plain(child));
        entries.add(entry);
        if (child.isArray()) {
          sizes.put(field.getKey(), DisplayFormat.count(child.size()));
          List<?> elements = (List<?>) value;
          first.put(field.getKey(), elements.subList(0, Math.min(FIRST, elements.size())));
          if (elements.size() > FIRST) {
            more.put(field.getKey(), DisplayFormat.count(elements.size() - FIRST));
          }
        }
      }
      periodLabel(node).ifPresent(label -> map.put("_label", label));
      if (key != null && node.path("trend").isTextual()) {
        changeText(node, key).ifPresent(text -> map.put("_trend", trend(node.get("trend").textValue(), text)));
      }
      if (CountMatrix.isMatrix(node)) {
        map.put("_matrix", matrix(CountMatrix.of(node, key == null ? "report" : key)));
      }
      map.put("_entries", entries);
      map.put("_sizes", sizes);
      map.put("_first", first);
      map.put("_more", more);
      return map;
    }
    if (node.isArray()) {
      return mirrorArray(node, key);
    }
    return format(node, key, parentKey);
  }

  private static List<Object> mirrorArray(JsonNode array, String key) {
    Map<String, Double> maxima = new HashMap<>();
    for (JsonNode element : array) {
      element.properties().forEach(field -> {
        if (field.getValue().isNumber()) {
          maxima.merge(field.getKey(), field.getValue().doubleValue(), Math::max);
        }
      });
    }
    List<Object> rows = new ArrayList<>();
    for (JsonNode element : array) {
      Object mirrored = mirror(element, key, null);
      if (element.isObject()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) mirrored;
        Map<String, Object> bars = new LinkedHashMap<>();
        element.properties().forEach(field -> {
          if (field.getValue().isNumber()) {
            double max = maxima.get(field.getKey());
            double share = max <= 0 ? 0 : Math.max(0, field.getValue().doubleValue() / max * 100);
            bars.put(field.getKey(), String.format(java.util.Locale.ROOT, "%.1f", share));
          }
        });
        row.put("_bar", bars);
        row.put("_raw", plain(element));
      }
      rows.add(mirrored);
    }
    return rows;
  }

  /**
   * How a change block ({@code {current, previous, change, pct_change, trend}}) reads in words:
   * {@code ▲ +175.0 % vs previous period}; a rate ({@code conversion_rate}, {@code success_rate},
   * …) changes in percentage points ({@code ▼ −1.8 pp …}); without a relative change, the
   * difference itself ({@code ▲ +7 …}, {@code ▲ +10 s …}). Empty when the change is undefined.
   *
   * @param field the name of the figure the block is under, which decides its unit
   */
  public static Optional<String> changeText(JsonNode change, String field) {
    if (!change.isObject() || !change.path("change").isNumber()) {
      return Optional.empty();
    }
    JsonNode delta = change.get("change");
    JsonNode relative = change.path("pct_change");
    Unit unit = Unit.of(field);
    String amount;
    if (unit == Unit.PERCENT) {
      amount = DisplayFormat.percentagePoints(delta.doubleValue());
    } else if (relative.isNumber()) {
      amount = DisplayFormat.signedPercent(relative.doubleValue());
    } else if (unit == Unit.DURATION) {
      amount = DisplayFormat.signedDuration(delta.doubleValue());
    } else {
      amount = delta.isIntegralNumber() ? DisplayFormat.signedCount(delta.longValue()) : DisplayFormat.signedNumber(delta.doubleValue());
    }
    return Optional.of(DisplayFormat.arrow(change.path("trend").asText("flat")) + " " + amount + " vs previous period");
  }

  private static Map<String, Object> trend(String direction, String text) {
    Map<String, Object> trend = new LinkedHashMap<>();
    trend.put("direction", direction);
    trend.put("arrow", DisplayFormat.arrow(direction));
    trend.put("color", DisplayFormat.trendColor(direction));
    trend.put("text", text);
    return trend;
  }

  /** A table of counts with each cell's colours on the heatmap scale. */
  private static Map<String, Object> matrix(CountMatrix matrix) {
    long max = matrix.max();
    List<Map<String, Object>> columns = new ArrayList<>();
    matrix.columns().forEach(column -> columns.add(Map.of("key", column)));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int r = 0; r < matrix.rows().size(); r++) {
      List<Map<String, Object>> cells = new ArrayList<>();
      long total = 0;
      for (int c = 0; c < matrix.columns().size(); c++) {
        long count = matrix.count(r, c);
        total += count;
        double share = HeatmapPalette.share(count, max);
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("column", matrix.columns().get(c));
        cell.put("value", DisplayFormat.count(count));
        cell.put("raw", count);
        cell.put("background", HeatmapPalette.background(share));
        cell.put("color", HeatmapPalette.text(share));
        cells.add(cell);
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key", matrix.rows().get(r));
      row.put("total", DisplayFormat.count(total));
      row.put("cells", cells);
      rows.add(row);
    }
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("columns", columns);
    table.put("rows", rows);
    table.put("max", DisplayFormat.count(max));
    return table;
  }

  private static boolean isMoney(String name) {
    return name.equals("price") || name.endsWith("_price")
        || name.equals("amount") || name.endsWith("_amount")
        || name.equals("revenue") || name.startsWith("revenue_") || name.endsWith("_revenue");
  }

  /** A scalar for people, by the name of its field (and of the object it is in). */
  static String format(JsonNode node, String key, String parentKey) {
    if (node.isNull() || node.isMissingNode()) {
      return DisplayFormat.UNDEFINED;
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? "yes" : "no";
    }
    String name = key == null ? "" : key;
    if (node.isTextual()) {
      String text = node.textValue();
      if (name.equals("trend")) {
        return DisplayFormat.trend(text);
      }
      if (name.equals("recommendation")) {
        return DisplayFormat.label(text);
      }
      return moment(text).map(DisplayFormat::dateTime)
          .or(() -> name.equals("date") ? localDate(text).map(DisplayFormat::date) : Optional.empty())
          .orElse(text);
    }
    if (!node.isNumber()) {
      return node.asText();
    }
    boolean change = name.equals("change");
    Unit unit = Unit.of(name);
    if (unit == Unit.PLAIN && (change || name.equals("current") || name.equals("previous"))) {
      unit = Unit.of(parentKey == null ? "" : parentKey);
      if (unit == Unit.HOUR || unit == Unit.RANK_CHANGE || unit == Unit.SIGNED_PERCENT) {
        unit = Unit.PLAIN;
      }
    }
    double value = node.doubleValue();
    boolean integral = node.isIntegralNumber();
    return switch (unit) {
      case PERCENT -> change ? DisplayFormat.percentagePoints(value) : DisplayFormat.percent(value);
      case SIGNED_PERCENT -> DisplayFormat.signedPercent(value);
      case DURATION -> change ? DisplayFormat.signedDuration(value) : DisplayFormat.duration(value);
      case HOUR -> integral ? DisplayFormat.hour(node.longValue()) : DisplayFormat.number(value);
      case RANK_CHANGE -> integral ? DisplayFormat.rankChange(node.longValue()) : DisplayFormat.number(value);
      case MEAN -> change ? DisplayFormat.signedNumber(value) : DisplayFormat.oneDecimal(value);
      case PLAIN -> integral
          ? (change ? DisplayFormat.signedCount(node.longValue()) : DisplayFormat.count(node.longValue()))
          : (change ? DisplayFormat.signedNumber(value) : DisplayFormat.number(value));
    };
  }

  private enum Unit {
    PERCENT, SIGNED_PERCENT, DURATION, HOUR, RANK_CHANGE, MEAN, PLAIN;

    static Unit of(String name) {
      if (name.equals("pct_change")) {
        return SIGNED_PERCENT;
      }
      if (name.equals("rate") || name.equals("pct") || name.endsWith("_rate") || name.startsWith("rate_")
          || name.endsWith("_pct")) {
        return PERCENT;
      }
      if (name.equals("seconds") || name.endsWith("_seconds")) {
        return DURATION;
      }
      if (name.equals("hour") || name.endsWith("_hour")) {
        return HOUR;
      }
      if (name.equals("rank_change")) {
        return RANK_CHANGE;
      }
      if (name.startsWith("avg_") || name.contains("_per_")) {
        return MEAN;
      }
      return PLAIN;
    }
  }

  /** "Mon 2 Mar 2026 – Sun 8 Mar 2026" for an object {start, end} of moments (end excluded). */
  static Optional<String> periodLabel(JsonNode node) {
    if (node.size() != 2 || !node.path("start").isTextual() || !node.path("end").isTextual()) {
      return Optional.empty();
    }
    Optional<OffsetDateTime> start = moment(node.get("start").textValue());
    Optional<OffsetDateTime> end = moment(node.get("end").textValue());
    if (start.isEmpty() || end.isEmpty() || !start.get().isBefore(end.get())) {
      return Optional.empty();
    }
    LocalDate first = start.get().toLocalDate();
    LocalDate last = end.get().toLocalTime().equals(LocalTime.MIDNIGHT)
        ? end.get().toLocalDate().minusDays(1)
        : end.get().toLocalDate();
    return Optional.of(dateRange(first, last.isBefore(first) ? first : last));
  }

  private static String dateRange(LocalDate first, LocalDate last) {
    return first.equals(last)
        ? DisplayFormat.date(first)
        : DisplayFormat.date(first) + " – " + DisplayFormat.date(last);
  }

  private static Map<String, Object> header(Report<?> report) {
    Map<String, Object> header = new LinkedHashMap<>();
    String type = report.type().name();
    header.put("report_type", type);
    header.put("title", title(type));
    Optional<GymScope> scope = report.request().scope();
    header.put("has_scope", scope.isPresent());
    header.put("gym_id", scope.map(s -> s.gymId().toString()).orElse(DisplayFormat.UNDEFINED));
    header.put("branch_id",
        scope.flatMap(GymScope::branchId).map(Object::toString).orElse(DisplayFormat.UNDEFINED));
    header.put("whole_gym", scope.isPresent() && scope.get().branchId().isEmpty());
    header.put("scope_label", scope.map(s -> "Gym " + s.gymId()
        + s.branchId().map(b -> " · Branch " + b).orElse(" · whole gym")).orElse(""));
    ReportPeriod period = report.request().period();
    header.put("period_label", dateRange(period.startDate(), period.endDate()));
    header.put("first_date", DisplayFormat.date(period.startDate()));
    header.put("last_date", DisplayFormat.date(period.endDate()));
    header.put("days", period.days());
    header.put("timezone", period.zone().getId());
    header.put("generated_at",
        DisplayFormat.dateTime(report.generatedAt().atOffset(ZoneOffset.UTC)));
    header.put("data_source", dataSource(type));
    return header;
  }

  /** The tables a built-in report type is computed from, as the footer names them. */
  static String dataSource(String type) {
    return switch (type) {
      case "daily", "weekly" -> "the leads and call_logs tables";
      case "learning-daily" -> "the users, coaching_sessions and detected_errors tables";
      default -> "";
    };
  }

  public static String title(String type) {
    return switch (type) {
      case "daily" -> "Daily lead performance";
      case "weekly" -> "Weekly lead performance";
      case "learning-daily" -> "Daily learning engagement";
      default -> Character.toUpperCase(type.charAt(0)) + type.substring(1).replace('-', ' ') + " report";
    };
  }

  private static Optional<OffsetDateTime> moment(String text) {
    if (text.length() < 16 || text.charAt(10) != 'T') {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> localDate(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
