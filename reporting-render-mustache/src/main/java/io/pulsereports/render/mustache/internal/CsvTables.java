package io.pulsereports.render.mustache.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.pulsereports.core.ReportingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Derives CSV tables from a report's JSON tree, for any report type.
 *
 * <ul>
 *   <li>{@code summary}: columns {@code metric,value}, one row per scalar leaf that is not inside
 *       an array, named by its dotted path ({@code leads.by_status.converted}); null is an empty
 *       cell.
 *   <li>one table per array outside other arrays, named by its path joined with {@code _} ({@code
 *       by_hour}, {@code funnel_stages}). An array of objects has one column per key, in order of
 *       first appearance (nested objects give dotted columns, nested arrays a JSON cell); any other
 *       array has the single column {@code value}.
 * </ul>
 *
 * Table names are made of {@code [a-z0-9_]}; other characters become {@code _} and a clash gets a
 * numeric suffix.
 *
 * <p>A learning daily report has tables of its own instead ({@link #learningDaily}), read from the
 * same tree. Thread-safe.
 */
public final class CsvTables {

  public static final String SUMMARY = "summary";

  public static final String ENGAGEMENT_7D = "engagement_7d";
  public static final String TOP_MISTAKES = "top_mistakes";
  public static final String MISTAKES_HEATMAP = "mistakes_heatmap";
  public static final String CONVERSION_CANDIDATES = "conversion_candidates";
  public static final String INACTIVE_USERS = "inactive_users";

  private static final List<String> ENGAGEMENT_FIGURES =
      List.of("active_users", "sessions", "avg_confidence", "avg_errors", "sessions_per_user");
  /** The label of the last row of {@value #ENGAGEMENT_7D}, the figures over all roles. */
  static final String TOTAL_ROW = "total";

  // Quote only where needed (separator, quote, line break), however long the cell.
  private final CsvMapper csv =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  /** A named CSV document. */
  public record Table(String name, byte[] content) {
    public Table {
      requireNonNull(name, "name");
      content = requireNonNull(content, "content").clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }
  }

  /**
   * The tables of {@code tree}, summary first, then the arrays in document order. {@code
   * emptyArrayColumns} gives the columns of an array that has no element, from its path.
   */
  public List<Table> tables(ObjectNode tree, Function<List<String>, List<String>> emptyArrayColumns) {
    requireNonNull(tree, "tree");
    requireNonNull(emptyArrayColumns, "emptyArrayColumns");
    List<List<String>> summary = new ArrayList<>();
    Map<List<String>, JsonNode> arrays = new LinkedHashMap<>();
    collect(tree, new ArrayList<>(), summary, arrays);

    List<Table> tables = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    tables.add(new Table(unique(SUMMARY, names), write(List.of("metric", "value"), summary)));
    arrays.forEach(
        (path, array) -> {
          String name = unique(partName(path), names);
          tables.add(arrayTable(name, path, array, emptyArrayColumns));
        });
    return List.copyOf(tables);
  }

  /**
   * The tables of a learning daily report (SPEC section 4), each with its header row even when
   * empty; null is an empty cell, numbers are at full precision.
   *
   * <ul>
   *   <li>{@value #ENGAGEMENT_7D}: {@code role,active_users,sessions,avg_confidence,avg_errors,
   *       sessions_per_user}, one row per role of {@code engagement.by_role}, then a row {@code
   *       total} ({@code engagement.total}).
   *   <li>{@value #TOP_MISTAKES}: {@code rank,error_type,error_category,error_text,frequency,pct}.
   *   <li>{@value #MISTAKES_HEATMAP}: {@code error_category} then one column per error_type, a row
   *       per error_category, the counts of {@code mistakes.heatmap} (0 where a cell is missing).
   *   <li>{@value #CONVERSION_CANDIDATES}: {@code user_id,email,english_level,sessions,avg_score,
   *       recommendation}.
   *   <li>{@value #INACTIVE_USERS}: {@code user_id,email,role,last_session} (the listed users;
   *       {@code inactive_users.count} is in the JSON).
   * </ul>
   */
  public List<Table> learningDaily(ObjectNode tree) {
    requireNonNull(tree, "tree");
    return List.of(
        engagement(tree.at("/engagement")),
        rows(TOP_MISTAKES, tree.at("/mistakes/top"),
            List.of("rank", "error_type", "error_category", "error_text", "frequency", "pct")),
        heatmap(CountMatrix.of(tree.at("/mistakes/heatmap"), "mistakes.heatmap")),
        rows(CONVERSION_CANDIDATES, tree.at("/conversion/candidates"),
            List.of("user_id", "email", "english_level", "sessions", "avg_score", "recommendation")),
        rows(INACTIVE_USERS, tree.at("/inactive_users/users"), List.of("user_id", "email", "role", "last_session")));
  }

  private Table engagement(JsonNode engagement) {
    List<String> columns = new ArrayList<>();
    columns.add("role");
    columns.addAll(ENGAGEMENT_FIGURES);
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, JsonNode> role : engagement.path("by_role").properties()) {
      rows.add(figuresRow(role.getKey(), role.getValue()));
    }
    rows.add(figuresRow(TOTAL_ROW, engagement.path("total")));
    return new Table(ENGAGEMENT_7D, write(columns, rows));
  }

  private static List<String> figuresRow(String label, JsonNode figures) {
    List<String> row = new ArrayList<>();
    row.add(label);
    ENGAGEMENT_FIGURES.forEach(figure -> row.add(cell(figures.path(figure))));
    return row;
  }

  private Table heatmap(CountMatrix matrix) {
    List<String> columns = new ArrayList<>();
    columns.add("error_category");
    columns.addAll(matrix.columns());
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < matrix.rows().size(); r++) {
      List<String> row = new ArrayList<>();
      row.add(matrix.rows().get(r));
      for (int c = 0; c < matrix.columns().size(); c++) {
        row.add(Long.toString(matrix.count(r, c)));
      }
      rows.add(row);
    }
    return new Table(MISTAKES_HEATMAP, write(columns, rows));
  }

  /** One row per element of {@code array}, the named fields in the given order. */
  private Table rows(String name, JsonNode array, List<String> columns) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode element : array) {
      List<String> row = new ArrayList<>();
      columns.forEach(column -> row.add(cell(element.path(column))));
      rows.add(row);
    }
    return new Table(name, write(columns, rows));
  }

  private static void collect(
      JsonNode node, List<String> path, List<List<String>> summary, Map<List<String>, JsonNode> arrays) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        path.add(field.getKey());
        collect(field.getValue(), path, summary, arrays);
        path.remove(path.size() - 1);
      }
    } else if (node.isArray()) {
      arrays.put(List.copyOf(path), node);
    } else {
      summary.add(cells(String.join(".", path), cell(node)));
    }
  }

  private Table arrayTable(
      String name, List<String> path, JsonNode array, Function<List<String>, List<String>> emptyColumns) {
    if (array.isEmpty()) {
      List<String> columns = emptyColumns.apply(path);
      return new Table(name, columns.isEmpty() ? new byte[0] : write(columns, List.of()));
    }
    boolean objects = true;
    for (JsonNode element : array) {
      objects &= element.isObject();
    }
    if (!objects) {
      List<List<String>> rows = new ArrayList<>();
      array.forEach(element -> rows.add(cells(cell(element))));
      return new Table(name, write(List.of("value"), rows));
    }
    List<Map<String, String>> flattened = new ArrayList<>();
    Set<String> columns = new LinkedHashSet<>();
    for (JsonNode element : array) {
      Map<String, String> row = new LinkedHashMap<>();
      flatten(element, "", row);
      columns.addAll(row.keySet());
      flattened.add(row);
    }
    List<List<String>> rows = new ArrayList<>();
    for (Map<String, String> row : flattened) {
      List<String> cells = new ArrayList<>();
      columns.forEach(column -> cells.add(row.getOrDefault(column, "")));
      rows.add(cells);
    }
    return new Table(name, write(List.copyOf(columns), rows));
  }

  private static void flatten(JsonNode node, String prefix, Map<String, String> row) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String column = prefix + field.getKey();
      if (field.getValue().isObject()) {
        flatten(field.getValue(), column + ".", row);
      } else {
        row.put(column, cell(field.getValue()));
      }
    }
  }

  /** A scalar's text (numbers at full precision), empty for null, JSON for a container. */
  private static String cell(JsonNode node) {
    if (node.isNull() || node.isMissingNode()) {
      return "";
    }
    if (node.isBigDecimal()) {
      return node.decimalValue().toPlainString();
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private byte[] write(List<String> columns, List<List<String>> rows) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false);
    List<List<String>> all = new ArrayList<>();
    all.add(columns);
    all.addAll(rows);
    try {
      return csv.writer(schema.build()).writeValueAsBytes(all);
    } catch (JsonProcessingException e) {
      throw new ReportingException("cannot write CSV: " + e.getOriginalMessage(), e);
    }
  }

  private static List<String> cells(String... values) {
    return List.of(values);
  }

  static String partName(List<String> path) {
    String joined = String.join("_", path).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    return joined.isEmpty() ? "table" : joined;
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int i = 2; !taken.add(candidate); i++) {
      candidate = name + "_" + i;
    }
    return candidate;
  }
}
