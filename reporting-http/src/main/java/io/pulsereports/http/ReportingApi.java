package io.pulsereports.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.pulsereports.core.InvalidReportRequestException;
import io.pulsereports.core.Reporting;
import io.pulsereports.core.access.ApiToken;
import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryPage;
import io.pulsereports.core.delivery.DeliveryQuery;
import io.pulsereports.core.delivery.DeliveryStatus;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.core.port.in.SendReportCommand;
import io.pulsereports.core.port.in.SendReportResult;
import io.pulsereports.core.port.in.SubscriptionFields;
import io.pulsereports.core.port.in.TemplateFields;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.schedule.SubscriptionPage;
import io.pulsereports.core.schedule.SubscriptionQuery;
import io.pulsereports.core.template.ReportTemplate;
import io.pulsereports.core.template.TemplatePage;
import io.pulsereports.core.template.TemplateQuery;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The routes under {@value #BASE}: each reads and checks its request, checks that the token sees
 * the gym it is about, and calls one of the library's use cases. Nothing here computes, stores or
 * sends anything itself.
 */
final class ReportingApi {

  static final String BASE = "/api/analytics/reporting";
  static final String TOKEN = "pulse.token";

  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final int DEFAULT_LIMIT = 50;
  private static final int MAX_LIMIT = 500;

  private static final Set<String> TEMPLATE_FIELDS =
      Set.of("name", "description", "report_type", "gym_id", "format", "subject", "content", "is_default");
  private static final Set<String> SUBSCRIPTION_FIELDS =
      Set.of("name", "report_type", "gym_id", "branch_id", "delivery_method", "recipients", "delivery_time",
          "delivery_days", "timezone", "template_id", "is_active", "skip_if_empty", "formats");
  private static final Set<String> REPORT_FIELDS =
      Set.of("report_type", "gym_id", "branch_id", "date", "start_date", "end_date", "timezone", "recipients",
          "delivery_method", "idempotency_key", "skip_if_empty", "template_id");

  /** One route: what the OpenAPI document must describe, and what the server registers. */
  record Route(HandlerType method, String path, Handler handler) {}

  private final Reporting reporting;
  private final ApiJson json;

  ReportingApi(Reporting reporting, ApiJson json) {
    this.reporting = reporting;
    this.json = json;
  }

  /** Every authenticated route; {@code /health} is the server's own. */
  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, BASE + "/templates", this::listTemplates),
        new Route(HandlerType.POST, BASE + "/templates", this::createTemplate),
        new Route(HandlerType.GET, BASE + "/templates/{id}", this::getTemplate),
        new Route(HandlerType.PUT, BASE + "/templates/{id}", this::updateTemplate),
        new Route(HandlerType.PATCH, BASE + "/templates/{id}", this::updateTemplate),
        new Route(HandlerType.DELETE, BASE + "/templates/{id}", this::deleteTemplate),
        new Route(HandlerType.GET, BASE + "/subscriptions", this::listSubscriptions),
        new Route(HandlerType.POST, BASE + "/subscriptions", this::createSubscription),
        new Route(HandlerType.GET, BASE + "/subscriptions/{id}", this::getSubscription),
        new Route(HandlerType.PUT, BASE + "/subscriptions/{id}", this::updateSubscription),
        new Route(HandlerType.PATCH, BASE + "/subscriptions/{id}", this::updateSubscription),
        new Route(HandlerType.DELETE, BASE + "/subscriptions/{id}", this::deleteSubscription),
        new Route(HandlerType.POST, BASE + "/generate", this::generate),
        new Route(HandlerType.POST, BASE + "/send", this::send),
        new Route(HandlerType.GET, BASE + "/deliveries", this::listDeliveries),
        new Route(HandlerType.GET, BASE + "/deliveries/{id}", this::getDelivery),
        new Route(HandlerType.GET, BASE + "/deliveries/{id}/html", this::deliveryHtml));
  }

  // --- templates --------------------------------------------------------------------------------

  private void listTemplates(Context ctx) {
    ApiToken token = token(ctx);
    Query query = Query.of(ctx, Set.of("gym_id", "report_type", "limit", "offset"));
    Optional<ReportType> type = query.text("report_type").map(this::knownType);
    TemplatePage page = reporting.listTemplates(
        new TemplateQuery(Optional.of(gymsAsked(token, query)), type, query.limit(), query.offset()));
    ArrayNode items = json.mapper().createArrayNode();
    page.items().forEach(t -> items.add(json.template(t)));
    ok(ctx, 200, json.page(items, page.total(), query.limit(), query.offset()));
  }

  private void createTemplate(Context ctx) {
    ApiToken token = token(ctx);
    JsonBody body = body(ctx, TEMPLATE_FIELDS);
    TemplateFields.Builder fields = TemplateFields.builder();
    applyTemplate(body, fields);
    Optional<String> gym = body.string("gym_id");
    requireScope(token, body.string("report_type").orElse(null), gym);
    requireOwnGym(gym);
    ReportTemplate created = reporting.createTemplate(fields.build());
    ok(ctx, 201, json.template(created));
  }

  private void getTemplate(Context ctx) {
    ok(ctx, 200, json.template(visibleTemplate(ctx)));
  }

  private void updateTemplate(Context ctx) {
    ApiToken token = token(ctx);
    ReportTemplate existing = ownTemplate(ctx);
    JsonBody body = body(ctx, TEMPLATE_FIELDS);
    TemplateFields.Builder fields = TemplateFields.from(existing);
    applyTemplate(body, fields);
    if (body.has("gym_id") || body.has("report_type")) {
      requireScope(token, body.string("report_type").orElse(existing.reportType().name()),
          body.has("gym_id") ? body.string("gym_id") : existing.gymId().map(UUID::toString));
    }
    if (body.has("gym_id")) {
      requireOwnGym(body.string("gym_id"));
    }
    ok(ctx, 200, json.template(reporting.updateTemplate(existing.id().toString(), fields.build())));
  }

  private void deleteTemplate(Context ctx) {
    ReportTemplate existing = ownTemplate(ctx);
    reporting.removeTemplate(existing.id().toString());
    ctx.status(204);
  }

  private static void applyTemplate(JsonBody body, TemplateFields.Builder fields) {
    if (body.has("name")) {
      fields.name(body.string("name").orElse(null));
    }
    if (body.has("description")) {
      fields.description(body.string("description"));
    }
    if (body.has("report_type")) {
      fields.reportType(body.string("report_type").orElse(null));
    }
    if (body.has("gym_id")) {
      fields.gymId(body.string("gym_id"));
    }
    if (body.has("format")) {
      fields.format(body.string("format").orElse(null));
    }
    if (body.has("subject")) {
      fields.subject(body.string("subject"));
    }
    if (body.has("content")) {
      fields.content(body.string("content").orElse(null));
    }
    body.bool("is_default").ifPresent(fields::isDefault);
  }

  /**
   * A template without a gym is shared: every gym's token reads it, and only the operator creates
   * or changes it (as {@link #ownTemplate} says). Over the API a template belongs to one of the
   * token's gyms, so a token cannot publish a template to every other gym.
   */
  private static void requireOwnGym(Optional<String> gymId) {
    if (gymId.map(String::strip).filter(gym -> !gym.isEmpty()).isEmpty()) {
      throw ApiException.forbidden("gym_id", "a template without gym_id is shared by every gym; only the operator"
          + " creates those (reporting templates add). Give one of this token's gyms.");
    }
  }

  /** A template the token may read: one of its gyms', or a shared one. */
  private ReportTemplate visibleTemplate(Context ctx) {
    ApiToken token = token(ctx);
    String id = pathId(ctx, "template_id");
    return reporting.findTemplate(id)
        .filter(t -> t.gymId().map(token::sees).orElse(true))
        .orElseThrow(() -> ApiException.notFound("template_id", "no template " + id));
  }

  /** A template the token may change: one of its gyms'. Shared templates are the operator's. */
  private ReportTemplate ownTemplate(Context ctx) {
    ReportTemplate template = visibleTemplate(ctx);
    if (template.gymId().isEmpty()) {
      throw ApiException.forbidden("template_id", "template " + template.id()
          + " is shared by every gym; only the operator changes it (reporting templates update|remove)");
    }
    return template;
  }

  // --- subscriptions ----------------------------------------------------------------------------

  private void listSubscriptions(Context ctx) {
    ApiToken token = token(ctx);
    Query query = Query.of(ctx, Set.of("gym_id", "branch_id", "is_active", "limit", "offset"));
    Optional<UUID> branch = query.uuid("branch_id");
    Optional<Boolean> active = query.bool("is_active");
    boolean gymAsked = query.text("gym_id").isPresent();
    SubscriptionPage page = reporting.listSubscriptions(new SubscriptionQuery(Optional.of(gymsAsked(token, query)),
        !gymAsked && token.learningReports(), branch, active, query.limit(), query.offset()));
    ArrayNode items = json.mapper().createArrayNode();
    page.items().forEach(s -> items.add(json.subscription(s)));
    ok(ctx, 200, json.page(items, page.total(), query.limit(), query.offset()));
  }

  private void createSubscription(Context ctx) {
    ApiToken token = token(ctx);
    JsonBody body = body(ctx, SUBSCRIPTION_FIELDS);
    SubscriptionFields.Builder fields = SubscriptionFields.builder();
    applySubscription(body, fields, Optional.empty());
    requireScope(token, body.string("report_type").orElse(null), body.string("gym_id"));
    Subscription created = reporting.createSubscription(fields.build());
    ok(ctx, 201, json.subscription(created));
  }

  private void getSubscription(Context ctx) {
    ok(ctx, 200, json.subscription(visibleSubscription(ctx)));
  }

  private void updateSubscription(Context ctx) {
    ApiToken token = token(ctx);
    Subscription existing = visibleSubscription(ctx);
    JsonBody body = body(ctx, SUBSCRIPTION_FIELDS);
    SubscriptionFields.Builder fields = SubscriptionFields.from(existing);
    applySubscription(body, fields, Optional.of(existing));
    if (body.has("gym_id") || body.has("report_type")) {
      requireScope(token, body.string("report_type").orElse(existing.reportType().name()),
          body.has("gym_id") ? body.string("gym_id") : existing.scope().map(s -> s.gymId().toString()));
    }
    ok(ctx, 200, json.subscription(reporting.updateSubscription(existing.id().toString(), fields.build())));
  }

  private void deleteSubscription(Context ctx) {
    Subscription existing = visibleSubscription(ctx);
    reporting.removeSubscription(existing.id().toString());
    ctx.status(204);
  }

  private void applySubscription(JsonBody body, SubscriptionFields.Builder fields, Optional<Subscription> existing) {
    if (body.has("name")) {
      fields.name(body.string("name"));
    }
    if (body.has("report_type")) {
      fields.reportType(body.string("report_type").orElse(null));
    }
    if (body.has("gym_id")) {
      fields.gymId(body.string("gym_id"));
    }
    if (body.has("branch_id")) {
      fields.branchId(body.string("branch_id"));
    }
    if (body.has("delivery_method")) {
      fields.deliveryMethod(body.string("delivery_method").orElse(null));
    }
    if (body.has("recipients")) {
      List<String> recipients = body.strings("recipients").orElse(List.of());
      // A client that sends back the recipients as it read them (webhooks redacted) keeps them.
      boolean echoed = existing
          .map(s -> s.recipients().stream().map(r -> reporting.shownRecipient(s.method(), r)).toList())
          .filter(recipients::equals)
          .isPresent();
      if (!echoed) {
        fields.recipients(recipients);
      }
    }
    if (body.has("delivery_time")) {
      fields.deliveryTime(body.string("delivery_time").orElse(null));
    }
    if (body.has("delivery_days")) {
      fields.deliveryDays(body.strings("delivery_days").orElse(List.of()));
    }
    if (body.has("timezone")) {
      fields.timezone(body.string("timezone"));
    }
    if (body.has("template_id")) {
      fields.templateId(body.string("template_id"));
    }
    body.bool("is_active").ifPresent(fields::active);
    body.bool("skip_if_empty").ifPresent(fields::skipIfEmpty);
    body.strings("formats").ifPresent(ReportingApi::checkFormats);
  }

  /**
   * The seed's subscriptions name the formats they want. Scheduled emails always carry the HTML
   * body, the charts and the CSV tables, so the list is checked and not stored.
   */
  private static void checkFormats(List<String> formats) {
    for (String format : formats) {
      if (ReportFormat.fromExtension(format.strip().toLowerCase(Locale.ROOT)).isEmpty()) {
        throw new InvalidReportRequestException(
            "formats", "unknown format '" + format + "' (use json, html, csv, png or pdf)");
      }
    }
  }

  private Subscription visibleSubscription(Context ctx) {
    ApiToken token = token(ctx);
    String id = pathId(ctx, "subscription_id");
    return reporting.findSubscription(id)
        .filter(s -> token.sees(s.scope()))
        .orElseThrow(() -> ApiException.notFound("subscription_id", "no subscription " + id));
  }

  // --- reports ----------------------------------------------------------------------------------

  /** Without recipients a preview: the report is stored with its data and nothing is sent. */
  private void generate(Context ctx) {
    ApiToken token = token(ctx);
    JsonBody body = body(ctx, REPORT_FIELDS);
    GenerateReportCommand command = reportCommand(token, body);
    if (!body.has("recipients") || body.strings("recipients").isEmpty()) {
      Delivery preview = reporting.previewReport(command, body.string("delivery_method"));
      ok(ctx, 201, json.delivery(preview, true));
      return;
    }
    send(ctx, body, command);
  }

  private void send(Context ctx) {
    ApiToken token = token(ctx);
    JsonBody body = body(ctx, REPORT_FIELDS);
    GenerateReportCommand command = reportCommand(token, body);
    send(ctx, body, command);
  }

  private void send(Context ctx, JsonBody body, GenerateReportCommand command) {
    List<String> recipients = body.strings("recipients")
        .orElseThrow(() -> new InvalidReportRequestException("recipients", "required"));
    Optional<String> key = body.string("idempotency_key").or(() -> Optional.ofNullable(ctx.header("Idempotency-Key")));
    SendReportResult result = reporting.send(new SendReportCommand(command,
        body.string("delivery_method").orElse("email"), recipients, Optional.empty(), key,
        body.bool("skip_if_empty").orElse(false), body.string("template_id")));
    if (result.duplicate() && !token(ctx).sees(result.delivery().scope())) {
      // The library keys a client's idempotency key by report type, period and method, not by gym:
      // the same key sent for another gym finds that gym's delivery. Nothing was stored or sent;
      // say so without showing it.
      throw new ApiException(409, "conflict", Optional.of("idempotency_key"),
          "this idempotency key was already used for another request; use a new key");
    }
    ObjectNode delivery = json.delivery(result.delivery(), true);
    delivery.put("duplicate", result.duplicate());
    ok(ctx, result.duplicate() ? 200 : 201, delivery);
  }

  private GenerateReportCommand reportCommand(ApiToken token, JsonBody body) {
    String type = body.string("report_type")
        .orElseThrow(() -> new InvalidReportRequestException("report_type", "required"));
    requireScope(token, type, body.string("gym_id"));
    GenerateReportCommand.Builder command = GenerateReportCommand.builder(type);
    body.string("gym_id").ifPresent(command::gymId);
    body.string("branch_id").ifPresent(command::branchId);
    body.string("date").ifPresent(command::date);
    body.string("start_date").ifPresent(command::startDate);
    body.string("end_date").ifPresent(command::endDate);
    body.string("timezone").ifPresent(command::timezone);
    return command.build();
  }

  // --- deliveries -------------------------------------------------------------------------------

  private void listDeliveries(Context ctx) {
    ApiToken token = token(ctx);
    Query query = Query.of(ctx,
        Set.of("status", "report_type", "gym_id", "branch_id", "start_date", "end_date", "limit", "offset"));
    Optional<DeliveryStatus> status = query.text("status").map(code -> DeliveryStatus.fromCode(code)
        .orElseThrow(() -> ApiException.badRequest("status", "unknown status '" + code + "' (use "
            + String.join(", ", java.util.Arrays.stream(DeliveryStatus.values()).map(DeliveryStatus::code).toList())
            + ")")));
    Optional<ReportType> type = query.text("report_type").map(this::knownType);
    Optional<UUID> branch = query.uuid("branch_id");
    Optional<LocalDate> start = query.date("start_date");
    Optional<LocalDate> end = query.date("end_date");
    if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
      throw new InvalidReportRequestException(
          "start_date", "start_date " + start.get() + " is after end_date " + end.get());
    }
    boolean gymAsked = query.text("gym_id").isPresent();
    DeliveryPage page = reporting.listDeliveries(new DeliveryQuery(status, type, branch,
        Optional.of(gymsAsked(token, query)),
        start.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
        end.map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
        !gymAsked && token.learningReports(), query.limit(), query.offset()));
    ArrayNode items = json.mapper().createArrayNode();
    page.items().forEach(d -> items.add(json.delivery(d, false)));
    ok(ctx, 200, json.page(items, page.total(), query.limit(), query.offset()));
  }

  private void getDelivery(Context ctx) {
    ok(ctx, 200, json.delivery(visibleDelivery(ctx), true));
  }

  private void deliveryHtml(Context ctx) {
    Delivery delivery = visibleDelivery(ctx);
    List<RenderedOutput> html = reporting.renderDelivery(delivery.id().toString(), ReportFormat.HTML);
    ctx.status(200)
        .contentType("text/html; charset=utf-8")
        // The page is self-contained: inline styles and data: images, nothing to load or run.
        .header("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
        .header("X-Content-Type-Options", "nosniff")
        .result(html.get(0).content());
  }

  private Delivery visibleDelivery(Context ctx) {
    ApiToken token = token(ctx);
    String id = pathId(ctx, "delivery_id");
    return reporting.findDelivery(id)
        .filter(d -> token.sees(d.scope()))
        .orElseThrow(() -> ApiException.notFound("delivery_id", "no delivery " + id));
  }

  // --- shared -----------------------------------------------------------------------------------

  static ApiToken token(Context ctx) {
    ApiToken token = ctx.attribute(TOKEN);
    if (token == null) {
      throw new IllegalStateException("a route ran without an authenticated token");
    }
    return token;
  }

  private JsonBody body(Context ctx, Set<String> fields) {
    return JsonBody.parse(json.mapper(), new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8), fields);
  }

  private void ok(Context ctx, int status, ObjectNode body) {
    ctx.status(status).contentType("application/json").result(json.bytes(body));
  }

  /** A path id; a malformed one is a 404, as nothing can have it. */
  private static String pathId(Context ctx, String field) {
    String id = ctx.pathParam("id");
    if (!UUID_TEXT.matcher(id).matches()) {
      throw ApiException.notFound(field, "no such id '" + id + "' (ids are UUIDs)");
    }
    return id;
  }

  private ReportType knownType(String type) {
    if (!reporting.reportTypes().contains(type)) {
      throw ApiException.badRequest("report_type", "unknown report type '" + type + "' (use "
          + String.join(", ", reporting.reportTypes()) + ")");
    }
    return new ReportType(type);
  }

  /** The gyms a list may show: the token's, or the one asked for if the token sees it. */
  private static Set<UUID> gymsAsked(ApiToken token, Query query) {
    Optional<UUID> gym = query.uuid("gym_id");
    if (gym.isEmpty()) {
      return token.gymIds();
    }
    if (!token.sees(gym.get())) {
      throw ApiException.forbidden("gym_id", "this token does not see gym " + gym.get());
    }
    return Set.of(gym.get());
  }

  /**
   * Refuses, before anything is stored or generated, a request for a gym the token does not see,
   * or for a report without a gym (learning) when the token does not see those. A malformed gym id
   * or an unknown type is left to the library, which names the field.
   */
  private void requireScope(ApiToken token, String reportType, Optional<String> gymId) {
    Optional<Boolean> gymScoped = reporting.gymScoped(reportType);
    if (gymId.isPresent()) {
      String gym = gymId.get().strip();
      if (UUID_TEXT.matcher(gym).matches() && !token.sees(UUID.fromString(gym))) {
        throw ApiException.forbidden("gym_id", "this token does not see gym " + gym.toLowerCase(Locale.ROOT));
      }
      return;
    }
    if (gymScoped.isPresent() && !gymScoped.get() && !token.sees(Optional.<GymScope>empty())) {
      throw ApiException.forbidden("report_type",
          "this token does not see the " + reportType + " reports, which belong to no gym"
              + " (create one with: reporting tokens create --learning)");
    }
  }

  /** The query string, read strictly: known parameters only, each once, pagination in range. */
  private record Query(Context ctx, int limit, int offset) {

    static Query of(Context ctx, Set<String> known) {
      for (var entry : ctx.queryParamMap().entrySet()) {
        if (!known.contains(entry.getKey())) {
          throw ApiException.badRequest(entry.getKey(), "unknown query parameter; the parameters are "
              + String.join(", ", known.stream().sorted().toList()));
        }
        if (entry.getValue().size() > 1) {
          throw ApiException.badRequest(entry.getKey(), "given more than once");
        }
      }
      int limit = integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
      int offset = integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
      return new Query(ctx, limit, offset);
    }

    Optional<String> text(String name) {
      return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    Optional<UUID> uuid(String name) {
      return text(name).map(value -> {
        if (!UUID_TEXT.matcher(value).matches()) {
          throw ApiException.badRequest(name, "'" + value + "' is not a UUID");
        }
        return UUID.fromString(value);
      });
    }

    Optional<Boolean> bool(String name) {
      return text(name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw ApiException.badRequest(name, "'" + value + "' is not true or false");
      });
    }

    Optional<LocalDate> date(String name) {
      return text(name).map(value -> {
        try {
          return LocalDate.parse(value);
        } catch (DateTimeException e) {
          throw ApiException.badRequest(name, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
      });
    }

    private static int integer(Context ctx, String name, int absent, int min, int max) {
      String value = ctx.queryParam(name);
      if (value == null) {
        return absent;
      }
      int parsed;
      try {
        parsed = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest(name, "'" + value + "' is not a whole number");
      }
      if (parsed < min || parsed > max) {
        throw ApiException.badRequest(name, parsed + " is outside " + min + ".." + max);
      }
      return parsed;
    }
  }
}
