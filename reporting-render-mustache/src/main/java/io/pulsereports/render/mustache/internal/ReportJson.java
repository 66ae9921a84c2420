package io.pulsereports.render.mustache.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pulsereports.core.ReportingException;
import io.pulsereports.core.metric.LeadChanges;
import io.pulsereports.core.metric.LeadFigures;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.PeriodBounds;
import io.pulsereports.core.model.Report;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report data document of SPEC section 5 as a Jackson tree: the header ({@code report_type},
 * the scope, {@code timezone}, {@code period}, {@code generated_at}) followed by the components of
 * the report's body at top level, in snake_case. Every other format is derived from this tree.
 * Thread-safe.
 */
public final class ReportJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectMapper mapper;
  private final DefaultPrettyPrinter printer;

  public ReportJson() {
    this.mapper =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            // Keep each OffsetDateTime's own offset (-05:00 stays -05:00, never converted to UTC).
            .disable(SerializationFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // Money is BigDecimal with a stated scale: 179.00 stays 179.00, 5E+2 is written 500.
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .addMixIn(LeadFigures.class, LeadFiguresMixin.class)
            .addMixIn(LeadChanges.class, LeadChangesMixin.class)
            .build();
    this.printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
  }

  /** The report as a JSON tree: header fields first, then the body's components. */
  public ObjectNode tree(Report<?> report) {
    requireNonNull(report, "report");
    if (report.body() instanceof ObjectNode stored) {
      // A stored report read back (a delivery's report_data): the body is already the whole document.
      return stored.deepCopy();
    }
    try {
      ObjectNode root = NODES.objectNode();
      root.put("report_type", report.type().name());
      Optional<GymScope> scope = report.request().scope();
      if (scope.isPresent()) {
        root.put("gym_id", scope.get().gymId().toString());
        root.put("branch_id", scope.get().branchId().map(Object::toString).orElse(null));
      }
      root.put("timezone", report.request().period().zone().getId());
      root.set("period", mapper.valueToTree(PeriodBounds.of(report.request().period())));
      root.set("generated_at", mapper.valueToTree(report.generatedAt()));
      JsonNode body = mapper.valueToTree(report.body());
      if (!body.isObject()) {
        throw new ReportingException(
            "report " + report.type() + ": body " + report.body().getClass().getName()
                + " does not serialise to a JSON object");
      }
      for (Map.Entry<String, JsonNode> field : body.properties()) {
        if (root.has(field.getKey())) {
          throw new ReportingException(
              "report " + report.type() + ": body field '" + field.getKey()
                  + "' clashes with a header field");
        }
        root.set(field.getKey(), field.getValue());
      }
      return root;
    } catch (IllegalArgumentException e) {
      throw new ReportingException(
          "report " + report.type() + ": cannot convert body to JSON: " + e.getMessage(), e);
    }
  }

  /**
   * A stored report document (as {@link #bytes} wrote it) back as a tree, decimals kept exactly
   * (179.00 stays 179.00).
   *
   * @throws ReportingException when the text is not a JSON object
   */
  public ObjectNode parse(String reportData) {
    requireNonNull(reportData, "reportData");
    try {
      JsonNode node =
          mapper.reader()
              .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
              .with(JsonNodeFactory.withExactBigDecimals(true))
              .readTree(reportData);
      if (node == null || !node.isObject()) {
        throw new ReportingException("the stored report data is not a JSON object");
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      throw new ReportingException("the stored report data is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The tree as pretty-printed UTF-8 JSON ending with a newline. */
  public byte[] bytes(JsonNode tree) {
    try {
      String text = mapper.writer(printer).writeValueAsString(tree);
      return (text + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new ReportingException("cannot write report JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The JSON field names of the objects that {@code type}'s elements serialise to, when {@code
   * type} is a collection of beans or records; nested beans give dotted names. Empty when not known
   * (an element type that is a scalar, a map or {@code Object}).
   */
  public List<String> elementColumns(Class<?> bodyType, List<String> path) {
    JavaType type = mapper.constructType(bodyType);
    for (String segment : path) {
      Optional<JavaType> next = propertyType(type, segment);
      if (next.isEmpty()) {
        return List.of();
      }
      type = next.get();
    }
    if (!type.isCollectionLikeType() && !type.isArrayType()) {
      return List.of();
    }
    List<String> columns = new ArrayList<>();
    addColumns(type.getContentType(), "", columns, 0);
    return columns;
  }

  private Optional<JavaType> propertyType(JavaType type, String name) {
    if (!isBean(type)) {
      return Optional.empty();
    }
    for (BeanPropertyDefinition property : properties(type)) {
      if (property.getName().equals(name)) {
        return Optional.of(property.getPrimaryType());
      }
    }
    return Optional.empty();
  }

  private void addColumns(JavaType type, String prefix, List<String> columns, int depth) {
    if (!isBean(type) || depth > 8) {
      if (!prefix.isEmpty()) {
        columns.add(prefix.substring(0, prefix.length() - 1));
      }
      return;
    }
    for (BeanPropertyDefinition property : properties(type)) {
      JavaType propertyType = property.getPrimaryType();
      String name = prefix + property.getName();
      if (isBean(propertyType)) {
        addColumns(propertyType, name + ".", columns, depth + 1);
      } else {
        columns.add(name);
      }
    }
  }

  private List<BeanPropertyDefinition> properties(JavaType type) {
    return mapper.getSerializationConfig().introspect(type).findProperties().stream()
        .filter(BeanPropertyDefinition::couldSerialize)
        .toList();
  }

  private static boolean isBean(JavaType type) {
    if (type.isContainerType() || type.isReferenceType() || type.isPrimitive() || type.isEnumType()) {
      return false;
    }
    Class<?> raw = type.getRawClass();
    return raw != Object.class
        && !raw.getName().startsWith("java.")
        && !Number.class.isAssignableFrom(raw)
        && !CharSequence.class.isAssignableFrom(raw);
  }

  /** {@code LeadFigures.newLeads} is written as {@code leads.new}. */
  abstract static class LeadFiguresMixin {
    @JsonProperty("new")
    abstract long newLeads();
  }

  /** {@code LeadChanges.newLeads} is written as {@code changes.leads.new}. */
  abstract static class LeadChangesMixin {
    @JsonProperty("new")
    abstract Object newLeads();
  }
}
