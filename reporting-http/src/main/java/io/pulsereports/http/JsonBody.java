package io.pulsereports.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A request body read strictly: one JSON object, only the fields a route knows, each of its JSON
 * type. Every problem is a 400 naming the field; the values themselves are checked by the library.
 */
final class JsonBody {

  private final ObjectNode node;

  private JsonBody(ObjectNode node) {
    this.node = node;
  }

  /** The body of a request that must have one, with no field outside {@code known}. */
  static JsonBody parse(ObjectMapper mapper, String text, Set<String> known) {
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest(null, "the request needs a JSON object body");
    }
    JsonNode parsed;
    try {
      parsed = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      // Jackson's message goes on about its source and markers: the first clause says what is wrong.
      String problem = e.getOriginalMessage().split("\\R", 2)[0].replaceAll("\\s*\\(.*$", "").replaceAll(":$", "");
      throw ApiException.badRequest(null, "the body is not valid JSON: " + problem
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ")"));
    }
    if (parsed == null || !parsed.isObject()) {
      throw ApiException.badRequest(null, "the body must be a JSON object, not "
          + (parsed == null ? "nothing" : parsed.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
    }
    ObjectNode object = (ObjectNode) parsed;
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw ApiException.badRequest(name, "unknown field; the fields are " + String.join(", ", known.stream().sorted().toList()));
      }
    }
    return new JsonBody(object);
  }

  boolean has(String field) {
    return node.has(field);
  }

  /** A string field; absent or null is empty. */
  Optional<String> string(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw wrongType(field, "a string", value);
    }
    return Optional.of(value.asText());
  }

  /** A boolean field; absent or null is empty. */
  Optional<Boolean> bool(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw wrongType(field, "true or false", value);
    }
    return Optional.of(value.asBoolean());
  }

  /**
   * A list of strings: a JSON array of strings, or one string of comma-separated values (as some
   * clients send recipients); absent or null is empty.
   */
  Optional<List<String>> strings(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    if (value.isTextual()) {
      for (String part : value.asText().split(",", -1)) {
        if (!part.isBlank()) {
          values.add(part.strip());
        }
      }
      return Optional.of(values);
    }
    if (!value.isArray()) {
      throw wrongType(field, "an array of strings", value);
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual()) {
        throw ApiException.badRequest(field, "item " + i + " must be a string, not " + type(item));
      }
      values.add(item.asText());
    }
    return Optional.of(values);
  }

  private static ApiException wrongType(String field, String expected, JsonNode value) {
    return ApiException.badRequest(field, "must be " + expected + ", not " + type(value));
  }

  private static String type(JsonNode value) {
    return switch (value.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case STRING -> "a string";
      default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
