package io.pulsereports.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulsereports.core.Reporting;
import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.RecipientOutcome;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.template.ReportTemplate;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * The API's JSON: templates, subscriptions and deliveries as objects with the column names of
 * their tables (snake_case), instants as ISO-8601 UTC, and recipients as {@link
 * Reporting#shownRecipient} shows them (webhook URLs never in clear).
 */
final class ApiJson {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private final ObjectMapper mapper =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private final Reporting reporting;

  ApiJson(Reporting reporting) {
    this.reporting = reporting;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  ObjectNode object() {
    return mapper.createObjectNode();
  }

  byte[] bytes(JsonNode node) {
    try {
      return mapper.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  ObjectNode template(ReportTemplate template) {
    ObjectNode json = object();
    json.put("id", template.id().toString());
    json.put("gym_id", template.gymId().map(UUID::toString).orElse(null));
    json.put("name", template.name());
    json.put("description", template.description().orElse(null));
    json.put("report_type", template.reportType().name());
    json.put("format", template.format());
    json.put("subject", template.subject().orElse(null));
    json.put("content", template.content());
    json.put("is_default", template.isDefault());
    json.put("created_at", instant(template.createdAt()));
    json.put("updated_at", instant(template.updatedAt()));
    return json;
  }

  ObjectNode subscription(Subscription subscription) {
    ObjectNode json = object();
    json.put("id", subscription.id().toString());
    json.put("name", subscription.name().orElse(null));
    json.put("gym_id", subscription.scope().map(s -> s.gymId().toString()).orElse(null));
    json.put("branch_id", subscription.scope().flatMap(s -> s.branchId()).map(UUID::toString).orElse(null));
    json.put("report_type", subscription.reportType().name());
    json.put("delivery_method", subscription.method().code());
    ArrayNode recipients = json.putArray("recipients");
    subscription.recipients().forEach(r -> recipients.add(reporting.shownRecipient(subscription.method(), r)));
    json.put("delivery_time", subscription.schedule().deliveryTime().format(HH_MM));
    ArrayNode days = json.putArray("delivery_days");
    subscription.schedule().deliveryDays().stream().sorted()
        .map(DayOfWeek::name).map(d -> d.toLowerCase(Locale.ROOT)).forEach(days::add);
    json.put("timezone", subscription.schedule().zone().getId());
    json.put("template_id", subscription.templateId().map(UUID::toString).orElse(null));
    json.put("is_active", subscription.active());
    json.put("skip_if_empty", subscription.skipIfEmpty());
    json.put("created_at", instant(subscription.createdAt()));
    json.put("updated_at", instant(subscription.updatedAt()));
    json.put("next_run_at", subscription.nextRunAt().map(ApiJson::instant).orElse(null));
    json.set("last_run", subscription.lastRun().<JsonNode>map(run -> {
      ObjectNode last = object();
      last.put("due_at", instant(run.dueAt()));
      last.put("ran_at", instant(run.ranAt()));
      last.put("period_start", run.periodStart().toString());
      last.put("period_end", run.periodEnd().toString());
      last.put("outcome", run.outcome().code());
      last.put("delivery_id", run.deliveryId().map(Object::toString).orElse(null));
      last.put("error", run.error().orElse(null));
      return last;
    }).orElse(mapper.nullNode()));
    return json;
  }

  /** A delivery; with {@code withReportData} also its stored report as a JSON object. */
  ObjectNode delivery(Delivery delivery, boolean withReportData) {
    ObjectNode json = object();
    json.put("id", delivery.id().toString());
    json.put("subscription_id", delivery.subscriptionId().map(UUID::toString).orElse(null));
    json.put("gym_id", delivery.scope().map(s -> s.gymId().toString()).orElse(null));
    json.put("branch_id", delivery.scope().flatMap(s -> s.branchId()).map(UUID::toString).orElse(null));
    json.put("report_type", delivery.reportType().name());
    json.put("period_start", delivery.period().startDate().toString());
    json.put("period_end", delivery.period().endDate().toString());
    json.put("timezone", delivery.period().zone().getId());
    json.put("delivery_method", delivery.method().code());
    ArrayNode recipients = json.putArray("recipients");
    ArrayNode outcomes = json.putArray("recipient_status");
    for (RecipientOutcome outcome : delivery.recipients()) {
      String shown = reporting.shownRecipient(delivery.method(), outcome.recipient());
      recipients.add(shown);
      ObjectNode item = outcomes.addObject();
      item.put("recipient", shown);
      item.put("status", outcome.state().code());
      item.put("attempts", outcome.attempts());
      item.put("sent_at", outcome.sentAt().map(ApiJson::instant).orElse(null));
      item.put("last_error", outcome.lastError().orElse(null));
    }
    json.put("status", delivery.status().code());
    json.put("attempt_count", delivery.attemptCount());
    json.put("next_attempt_at", delivery.nextAttemptAt().map(ApiJson::instant).orElse(null));
    json.put("last_error", delivery.lastError().orElse(null));
    json.put("created_at", instant(delivery.createdAt()));
    json.put("updated_at", instant(delivery.updatedAt()));
    json.put("sent_at", delivery.sentAt().map(ApiJson::instant).orElse(null));
    if (withReportData) {
      json.set("report_data", reportData(delivery.reportData()));
    }
    return json;
  }

  /** A page of items with the total that matched, the limit and the offset asked for. */
  ObjectNode page(ArrayNode items, long total, int limit, int offset) {
    ObjectNode json = object();
    json.set("items", items);
    json.put("total", total);
    json.put("limit", limit);
    json.put("offset", offset);
    return json;
  }

  ObjectNode error(ApiException e) {
    ObjectNode json = object();
    json.put("error", e.error());
    json.put("field", e.field().orElse(null));
    json.put("message", e.getMessage());
    return json;
  }

  private JsonNode reportData(String stored) {
    try {
      return mapper.readTree(stored);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored report is not JSON", e);
    }
  }

  static String instant(Instant value) {
    return value.toString();
  }
}
