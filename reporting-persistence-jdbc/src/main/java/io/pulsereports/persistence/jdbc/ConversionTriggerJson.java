package io.pulsereports.persistence.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulsereports.core.conversion.TriggerConditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two JSON columns of conversion_triggers as Pulse Reports writes them: {@code
 * conditions_met}, the object {@code {"min_sessions": 3, "min_confidence": 8.0,
 * "consecutive_required": true, "window_days": 14, "streak": 4, "avg_score": 8.6}}, and {@code
 * confidence_scores}, the array of the qualifying sessions' scores, newest first. Reading is
 * lenient, as other clients write these columns too: anything of another shape reads as absent
 * (or an empty list), never as an error.
 */
final class ConversionTriggerJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ConversionTriggerJson() {}

  static String conditions(TriggerConditions conditions) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("min_sessions", conditions.minSessions());
    node.put("min_confidence", conditions.minConfidence());
    node.put("consecutive_required", conditions.consecutiveRequired());
    node.put("window_days", conditions.windowDays());
    node.put("streak", conditions.streak());
    node.put("avg_score", conditions.avgScore());
    return write(node);
  }

  static String scores(List<Double> scores) {
    ArrayNode node = MAPPER.createArrayNode();
    scores.forEach(node::add);
    return write(node);
  }

  static Optional<TriggerConditions> readConditions(String json) {
    JsonNode node = read(json);
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    JsonNode minSessions = node.get("min_sessions");
    JsonNode minConfidence = node.get("min_confidence");
    JsonNode consecutive = node.get("consecutive_required");
    JsonNode windowDays = node.get("window_days");
    JsonNode streak = node.get("streak");
    JsonNode avgScore = node.get("avg_score");
    if (!isInt(minSessions) || !isNumber(minConfidence) || consecutive == null || !consecutive.isBoolean()
        || !isInt(windowDays) || !isInt(streak) || !isNumber(avgScore)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new TriggerConditions(minSessions.intValue(), minConfidence.doubleValue(),
          consecutive.booleanValue(), windowDays.intValue(), streak.intValue(), avgScore.doubleValue()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static List<Double> readScores(String json) {
    JsonNode node = read(json);
    if (node == null || !node.isArray()) {
      return List.of();
    }
    List<Double> scores = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isNumber()) {
        return List.of();
      }
      scores.add(element.doubleValue());
    }
    return List.copyOf(scores);
  }

  private static boolean isInt(JsonNode node) {
    return node != null && node.canConvertToInt() && node.isIntegralNumber();
  }

  private static boolean isNumber(JsonNode node) {
    return node != null && node.isNumber();
  }

  private static JsonNode read(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
