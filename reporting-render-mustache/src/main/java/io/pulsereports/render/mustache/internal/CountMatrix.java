package io.pulsereports.render.mustache.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulsereports.core.ReportingException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object of objects of counts read as a table, such as {@code mistakes.heatmap}
 * (error_category → error_type → count): rows in document order, columns in order of first
 * appearance, a missing cell counted as 0. Every heatmap rendering (HTML table, CSV, PNG) reads it
 * this way.
 */
public record CountMatrix(List<String> rows, List<String> columns, List<List<Long>> counts) {

  public CountMatrix {
    rows = List.copyOf(requireNonNull(rows, "rows"));
    columns = List.copyOf(requireNonNull(columns, "columns"));
    counts = requireNonNull(counts, "counts").stream().map(List::copyOf).toList();
  }

  /** Whether {@code node} is a non-empty object whose values are objects of integral numbers only. */
  public static boolean isMatrix(JsonNode node) {
    if (!node.isObject() || node.isEmpty()) {
      return false;
    }
    for (JsonNode row : node) {
      if (!row.isObject()) {
        return false;
      }
      for (JsonNode cell : row) {
        if (!cell.isIntegralNumber()) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Reads an object of objects of counts; an absent or null node is the empty matrix.
   *
   * @throws ReportingException when the node has another shape
   */
  public static CountMatrix of(JsonNode node, String what) {
    if (node == null || node.isMissingNode() || node.isNull() || node.isObject() && node.isEmpty()) {
      return new CountMatrix(List.of(), List.of(), List.of());
    }
    if (!isMatrix(node)) {
      throw new ReportingException(what + " is not an object of objects of counts");
    }
    List<String> rows = new ArrayList<>();
    Set<String> columns = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> row : node.properties()) {
      rows.add(row.getKey());
      row.getValue().fieldNames().forEachRemaining(columns::add);
    }
    List<List<Long>> counts = new ArrayList<>();
    for (String row : rows) {
      JsonNode cells = node.get(row);
      List<Long> line = new ArrayList<>();
      for (String column : columns) {
        line.add(cells.path(column).asLong(0));
      }
      counts.add(line);
    }
    return new CountMatrix(rows, List.copyOf(columns), counts);
  }

  public boolean isEmpty() {
    return rows.isEmpty() || columns.isEmpty();
  }

  public long count(int row, int column) {
    return counts.get(row).get(column);
  }

  /** The largest count, 0 when empty. */
  public long max() {
    return counts.stream().flatMap(List::stream).mapToLong(Long::longValue).max().orElse(0);
  }
}
