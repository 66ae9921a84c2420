package io.pulsereports.render.mustache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders reports in tests and reads the results back. */
final class Outputs {

  private static final ObjectMapper PLAIN = new ObjectMapper();

  private Outputs() {}

  static String text(RenderedOutput output) {
    return new String(output.content(), StandardCharsets.UTF_8);
  }

  static JsonNode json(MustacheReportRenderer renderer, Report<?> report) {
    List<RenderedOutput> outputs = renderer.render(report, ReportFormat.JSON);
    try {
      return PLAIN.readTree(outputs.get(0).content());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> csv(MustacheReportRenderer renderer, Report<?> report) {
    Map<String, String> parts = new LinkedHashMap<>();
    renderer.render(report, ReportFormat.CSV).forEach(part -> parts.put(part.part(), text(part)));
    return parts;
  }

  static String html(MustacheReportRenderer renderer, Report<?> report) {
    return text(renderer.render(report, ReportFormat.HTML).get(0));
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
