package io.pulsereports.http;

import static io.pulsereports.http.ApiServer.BRANCH_A1;
import static io.pulsereports.http.ApiServer.GYM_A;
import static io.pulsereports.http.ApiServer.GYM_B;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulsereports.core.port.in.TemplateFields;
import io.pulsereports.core.template.ReportTemplate;
import io.pulsereports.http.ApiServer.Response;
import io.pulsereports.http.ApiServer.Stored;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad request on every route, as a table: each row gets its status, its JSON error
 * ({@code error} code and {@code field}) and changes nothing — no template, subscription or
 * delivery stored or changed, no email or Slack message sent (SPEC section 8).
 *
 * <p>Paths and bodies may name {@code $TEMPLATE}, {@code $SUBSCRIPTION} and {@code $DELIVERY}
 * (gym A's, created before the table runs), {@code $SHARED} (a shared template), {@code $RANDOM}
 * (an id nothing has) and {@code $WEBHOOK} (a webhook on the loopback Slack server).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRequestsIT {

  private static final String API = ReportingApi.BASE;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String RANDOM = "6f1c2d3e-4b5a-4789-9abc-def012345678";

  /** Who sends the request: the Authorization header. */
  enum Who { GYM_A_TOKEN, NO_HEADER, UNKNOWN_TOKEN, BASIC_SCHEME, EMPTY_BEARER, REVOKED_TOKEN, LEARNING_TOKEN }

  /** One bad request and the error it must get. {@code field} null: the error names no field. */
  record Row(Who who, String method, String path, String body, int status, String error, String field) {}

  ApiServer api;
  String token;
  String revokedToken;
  String learningToken;
  String templateId;
  String subscriptionId;
  String deliveryId;
  String sharedTemplateId;

  @BeforeAll
  void start(@TempDir Path folder) {
    api = startApi(folder);
    token = api.token(GYM_A);
    revokedToken = api.revokedToken(GYM_A);
    learningToken = api.learningToken();
    templateId = created(api.post(token, API + "/templates", TEMPLATE.replace("$GYM", GYM_A)));
    subscriptionId = created(api.post(token, API + "/subscriptions",
        SUBSCRIPTION.replace("$GYM", GYM_A).replace("$TEMPLATE", templateId)));
    deliveryId = created(api.post(token, API + "/generate", GENERATE));
    sharedTemplateId = api.reporting.createTemplate(TemplateFields.builder()
        .name("Shared daily").reportType("daily").content("<p>{{calls.total}}</p>").build()).id().toString();
  }

  /** The database the API runs on; SQLite here. */
  ApiServer startApi(Path folder) {
    return new ApiServer(folder);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  // Valid bodies; each row breaks one thing.
  static final String TEMPLATE = """
      {"name": "Morning", "report_type": "daily", "gym_id": "$GYM", "subject": "Calls",
       "content": "<h1>{{report_type}}</h1><p>{{calls.total}} calls</p>"}""";
  static final String SUBSCRIPTION = """
      {"name": "Branch mornings", "report_type": "daily", "gym_id": "$GYM", "branch_id": "%s",
       "delivery_method": "email", "recipients": ["manager@gym.example"], "delivery_time": "08:00",
       "timezone": "America/New_York", "template_id": "$TEMPLATE", "is_active": true}"""
      .formatted(BRANCH_A1);
  static final String GENERATE = """
      {"report_type": "daily", "gym_id": "%s", "branch_id": "%s", "date": "2026-02-26",
       "timezone": "America/New_York"}""".formatted(GYM_A, BRANCH_A1);
  static final String SEND = """
      {"report_type": "daily", "gym_id": "%s", "branch_id": "%s", "date": "2026-02-25",
       "delivery_method": "email", "recipients": ["manager@gym.example"]}""".formatted(GYM_A, BRANCH_A1);
  static final String WEEKLY_SEND = """
      {"report_type": "weekly", "gym_id": "%s", "date": "2026-02-20",
       "delivery_method": "slack", "recipients": ["$WEBHOOK"]}""".formatted(GYM_A);

  static Stream<Named<Row>> badRequests() {
    String template = TEMPLATE.replace("$GYM", GYM_A);
    String subscription = SUBSCRIPTION.replace("$GYM", GYM_A);
    Table t = new Table();

    // --- authentication: every route needs a live bearer token
    t.row("no Authorization header", Who.NO_HEADER, "GET", "/templates", null, 401, "unauthorized", "Authorization");
    t.row("no Authorization header on the OpenAPI document", Who.NO_HEADER, "GET", "/openapi.json", null,
        401, "unauthorized", "Authorization");
    t.row("an unknown token", Who.UNKNOWN_TOKEN, "POST", "/templates", template, 401, "unauthorized", "Authorization");
    t.row("the Basic scheme", Who.BASIC_SCHEME, "POST", "/generate", GENERATE, 401, "unauthorized", "Authorization");
    t.row("Bearer without a token", Who.EMPTY_BEARER, "GET", "/deliveries", null, 401, "unauthorized", "Authorization");
    t.row("a revoked token sends", Who.REVOKED_TOKEN, "POST", "/send", SEND, 401, "unauthorized", "Authorization");
    t.row("a revoked token deletes", Who.REVOKED_TOKEN, "DELETE", "/templates/$TEMPLATE", null,
        401, "unauthorized", "Authorization");

    // --- routes and methods
    t.row("an unknown route", Who.GYM_A_TOKEN, "GET", "/reports", null, 404, "not_found", null);
    t.row("DELETE on the deliveries list", Who.GYM_A_TOKEN, "DELETE", "/deliveries", null,
        405, "method_not_allowed", null);
    t.row("PUT on a delivery", Who.GYM_A_TOKEN, "PUT", "/deliveries/$DELIVERY", GENERATE,
        405, "method_not_allowed", null);
    t.row("GET on send", Who.GYM_A_TOKEN, "GET", "/send", null, 405, "method_not_allowed", null);

    // --- bodies that cannot be read
    t.row("template: malformed JSON", Who.GYM_A_TOKEN, "POST", "/templates", "{\"name\": ", 400, "bad_request", null);
    t.row("template: no body", Who.GYM_A_TOKEN, "POST", "/templates", "", 400, "bad_request", null);
    t.row("template: an array body", Who.GYM_A_TOKEN, "POST", "/templates", "[" + template + "]",
        400, "bad_request", null);
    t.row("template: two JSON values", Who.GYM_A_TOKEN, "POST", "/templates", template + " {}",
        400, "bad_request", null);
    t.row("template: unknown field", Who.GYM_A_TOKEN, "POST", "/templates", with(template, "colour", "\"red\""),
        400, "bad_request", "colour");
    t.row("template: name is a number", Who.GYM_A_TOKEN, "POST", "/templates", with(template, "name", "42"),
        400, "bad_request", "name");
    t.row("template: is_default is a string", Who.GYM_A_TOKEN, "POST", "/templates",
        with(template, "is_default", "\"yes\""), 400, "bad_request", "is_default");
    t.row("template: content is an object", Who.GYM_A_TOKEN, "POST", "/templates",
        with(template, "content", "{\"html\": \"x\"}"), 400, "bad_request", "content");
    t.row("template: a body over 64 KiB", Who.GYM_A_TOKEN, "POST", "/templates",
        with(template, "content", "\"" + "<p>{{calls.total}}</p>".repeat(4000) + "\""),
        413, "payload_too_large", null);
    t.row("generate: a body over 64 KiB", Who.GYM_A_TOKEN, "POST", "/generate",
        with(GENERATE, "timezone", "\"" + "x".repeat(70_000) + "\""), 413, "payload_too_large", null);

    // --- templates: values the library refuses
    t.row("template: unknown report type", Who.GYM_A_TOKEN, "POST", "/templates",
        with(template, "report_type", "\"monthly\""), 422, "invalid", "report_type");
    t.row("template: content that does not compile", Who.GYM_A_TOKEN, "POST", "/templates",
        with(template, "content", "\"<p>{{#calls}}never closed</p>\""), 422, "invalid", "content");
    t.row("template: no content", Who.GYM_A_TOKEN, "POST", "/templates", with(template, "content", null),
        422, "invalid", "content");
    t.row("template: blank name", Who.GYM_A_TOKEN, "POST", "/templates", with(template, "name", "\"  \""),
        422, "invalid", "name");
    t.row("template: pdf format", Who.GYM_A_TOKEN, "POST", "/templates", with(template, "format", "\"pdf\""),
        422, "invalid", "format");
    t.row("template: malformed gym_id", Who.GYM_A_TOKEN, "POST", "/templates",
        with(template, "gym_id", "\"gym-a\""), 422, "invalid", "gym_id");
    t.row("template: a subject with a line break", Who.GYM_A_TOKEN, "POST", "/templates",
        with(template, "subject", "\"Calls\\nBcc: someone@example.com\""), 422, "invalid", "subject");
    t.row("template: for another gym", Who.GYM_A_TOKEN, "POST", "/templates", with(template, "gym_id", q(GYM_B)),
        403, "forbidden", "gym_id");
    t.row("template: without a gym (shared)", Who.GYM_A_TOKEN, "POST", "/templates", with(template, "gym_id", null),
        403, "forbidden", "gym_id");
    t.row("template: learning-daily for a gym token", Who.GYM_A_TOKEN, "POST", "/templates",
        with(with(template, "gym_id", null), "report_type", "\"learning-daily\""), 403, "forbidden", "report_type");
    t.row("template update: malformed JSON", Who.GYM_A_TOKEN, "PUT", "/templates/$TEMPLATE", "{name: 1}",
        400, "bad_request", null);
    t.row("template update: unknown field", Who.GYM_A_TOKEN, "PUT", "/templates/$TEMPLATE", "{\"title\": \"x\"}",
        400, "bad_request", "title");
    t.row("template update: content that does not compile", Who.GYM_A_TOKEN, "PUT", "/templates/$TEMPLATE",
        "{\"content\": \"{{/calls}}\"}", 422, "invalid", "content");
    t.row("template update: unknown report type", Who.GYM_A_TOKEN, "PATCH", "/templates/$TEMPLATE",
        "{\"report_type\": \"monthly\"}", 422, "invalid", "report_type");
    t.row("template update: moved to another gym", Who.GYM_A_TOKEN, "PUT", "/templates/$TEMPLATE",
        "{\"gym_id\": \"" + GYM_B + "\"}", 403, "forbidden", "gym_id");
    t.row("template update: made shared", Who.GYM_A_TOKEN, "PUT", "/templates/$TEMPLATE",
        "{\"gym_id\": null}", 403, "forbidden", "gym_id");
    t.row("template update: a shared template", Who.GYM_A_TOKEN, "PUT", "/templates/$SHARED",
        "{\"name\": \"Mine now\"}", 403, "forbidden", "template_id");
    t.row("template delete: a shared template", Who.GYM_A_TOKEN, "DELETE", "/templates/$SHARED", null,
        403, "forbidden", "template_id");
    t.row("template update: unknown id", Who.GYM_A_TOKEN, "PUT", "/templates/$RANDOM", "{\"name\": \"x\"}",
        404, "not_found", "template_id");
    t.row("template update: malformed id", Who.GYM_A_TOKEN, "PUT", "/templates/not-an-id", "{\"name\": \"x\"}",
        404, "not_found", "template_id");
    t.row("template read: unknown id", Who.GYM_A_TOKEN, "GET", "/templates/$RANDOM", null,
        404, "not_found", "template_id");
    t.row("template delete: unknown id", Who.GYM_A_TOKEN, "DELETE", "/templates/$RANDOM", null,
        404, "not_found", "template_id");

    // --- template list
    t.row("templates: limit 0", Who.GYM_A_TOKEN, "GET", "/templates?limit=0", null, 400, "bad_request", "limit");
    t.row("templates: limit 501", Who.GYM_A_TOKEN, "GET", "/templates?limit=501", null, 400, "bad_request", "limit");
    t.row("templates: limit not a number", Who.GYM_A_TOKEN, "GET", "/templates?limit=ten", null,
        400, "bad_request", "limit");
    t.row("templates: negative offset", Who.GYM_A_TOKEN, "GET", "/templates?offset=-1", null,
        400, "bad_request", "offset");
    t.row("templates: limit given twice", Who.GYM_A_TOKEN, "GET", "/templates?limit=1&limit=2", null,
        400, "bad_request", "limit");
    t.row("templates: unknown parameter", Who.GYM_A_TOKEN, "GET", "/templates?colour=red", null,
        400, "bad_request", "colour");
    t.row("templates: unknown report type", Who.GYM_A_TOKEN, "GET", "/templates?report_type=monthly", null,
        400, "bad_request", "report_type");
    t.row("templates: malformed gym_id", Who.GYM_A_TOKEN, "GET", "/templates?gym_id=gym-a", null,
        400, "bad_request", "gym_id");
    t.row("templates: another gym", Who.GYM_A_TOKEN, "GET", "/templates?gym_id=" + GYM_B, null,
        403, "forbidden", "gym_id");

    // --- subscriptions
    t.row("subscription: malformed JSON", Who.GYM_A_TOKEN, "POST", "/subscriptions", subscription + "}",
        400, "bad_request", null);
    t.row("subscription: unknown field", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(subscription, "send_at", "\"08:00\""), 400, "bad_request", "send_at");
    t.row("subscription: recipients is a number", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(subscription, "recipients", "7"), 400, "bad_request", "recipients");
    t.row("subscription: a recipient is not a string", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(subscription, "recipients", "[\"a@gym.example\", 7]"), 400, "bad_request", "recipients");
    t.row("subscription: is_active is a string", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(subscription, "is_active", "\"true\""), 400, "bad_request", "is_active");
    t.row("subscription: unknown time zone", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(subscription, "timezone", "\"Mars/Olympus_Mons\""), 422, "invalid", "timezone");
    t.row("subscription: delivery_time 24:00", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(subscription, "delivery_time", "\"24:00\""), 422, "invalid", "delivery_time");
    t.row("subscription: delivery_time 07:60", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(subscription, "delivery_time", "\"07:60\""), 422, "invalid", "delivery_time");
    t.row("subscription: no recipients", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(subscription, "recipients", "[]"), 422, "invalid", "recipients");
    t.row("subscription: an invalid email", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(subscription, "recipients", "[\"manager-at-gym.example\"]"), 422, "invalid", "recipients");
    t.row("subscription: a plain-http webhook", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(with(subscription, "delivery_method", "\"slack\""), "recipients",
            "[\"http://hooks.slack.com/services/T1/B1/secret\"]"), 422, "invalid", "recipients");
    t.row("subscription: a webhook on another host", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(with(subscription, "delivery_method", "\"slack\""), "recipients",
            "[\"https://hooks.evil.example/services/T1/B1/secret\"]"), 422, "invalid", "recipients");
    t.row("subscription: weekly without delivery_days", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(subscription, "report_type", "\"weekly\""), 422, "invalid", "delivery_days");
    t.row("subscription: an unknown day", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(with(subscription, "report_type", "\"weekly\""), "delivery_days", "[\"funday\"]"),
        422, "invalid", "delivery_days");
    t.row("subscription: unknown template_id", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(subscription, "template_id", q(RANDOM)), 422, "invalid", "template_id");
    t.row("subscription: malformed template_id", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(subscription, "template_id", "\"tpl-1\""), 422, "invalid", "template_id");
    t.row("subscription: unknown report type", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(subscription, "report_type", "\"monthly\""), 422, "invalid", "report_type");
    t.row("subscription: unknown delivery method", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(subscription, "delivery_method", "\"fax\""), 422, "invalid", "delivery_method");
    t.row("subscription: malformed branch_id", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(subscription, "branch_id", "\"branch-1\""), 422, "invalid", "branch_id");
    t.row("subscription: unknown format", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(subscription, "formats", "[\"html\", \"docx\"]"), 422, "invalid", "formats");
    t.row("subscription: for another gym", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(with(subscription, "gym_id", q(GYM_B)), "template_id", null), 403, "forbidden", "gym_id");
    t.row("subscription: learning-daily for a gym token", Who.GYM_A_TOKEN, "POST", "/subscriptions",
        with(with(with(with(subscription, "gym_id", null), "branch_id", null), "template_id", null),
            "report_type", "\"learning-daily\""), 403, "forbidden", "report_type");
    t.row("subscription update: delivery_time 25:00", Who.GYM_A_TOKEN, "PUT", "/subscriptions/$SUBSCRIPTION",
        "{\"delivery_time\": \"25:00\"}", 422, "invalid", "delivery_time");
    t.row("subscription update: empty recipients", Who.GYM_A_TOKEN, "PATCH", "/subscriptions/$SUBSCRIPTION",
        "{\"recipients\": []}", 422, "invalid", "recipients");
    t.row("subscription update: moved to another gym", Who.GYM_A_TOKEN, "PUT", "/subscriptions/$SUBSCRIPTION",
        "{\"gym_id\": \"" + GYM_B + "\", \"template_id\": null}", 403, "forbidden", "gym_id");
    t.row("subscription update: unknown field", Who.GYM_A_TOKEN, "PUT", "/subscriptions/$SUBSCRIPTION",
        "{\"paused\": true}", 400, "bad_request", "paused");
    t.row("subscription update: unknown id", Who.GYM_A_TOKEN, "PUT", "/subscriptions/$RANDOM",
        "{\"delivery_time\": \"09:00\"}", 404, "not_found", "subscription_id");
    t.row("subscription update: malformed id", Who.GYM_A_TOKEN, "PUT", "/subscriptions/12345",
        "{\"delivery_time\": \"09:00\"}", 404, "not_found", "subscription_id");
    t.row("subscription delete: unknown id", Who.GYM_A_TOKEN, "DELETE", "/subscriptions/$RANDOM", null,
        404, "not_found", "subscription_id");
    t.row("subscription read: learning token, a gym's subscription", Who.LEARNING_TOKEN, "GET",
        "/subscriptions/$SUBSCRIPTION", null, 404, "not_found", "subscription_id");
    t.row("subscriptions: is_active not a boolean", Who.GYM_A_TOKEN, "GET", "/subscriptions?is_active=maybe", null,
        400, "bad_request", "is_active");
    t.row("subscriptions: malformed branch_id", Who.GYM_A_TOKEN, "GET", "/subscriptions?branch_id=b1", null,
        400, "bad_request", "branch_id");
    t.row("subscriptions: offset not a number", Who.GYM_A_TOKEN, "GET", "/subscriptions?offset=1.5", null,
        400, "bad_request", "offset");
    t.row("subscriptions: another gym", Who.GYM_A_TOKEN, "GET", "/subscriptions?gym_id=" + GYM_B, null,
        403, "forbidden", "gym_id");

    // --- generate (a preview, or a send when it has recipients)
    t.row("generate: malformed JSON", Who.GYM_A_TOKEN, "POST", "/generate", "{'report_type': 'daily'}",
        400, "bad_request", null);
    t.row("generate: unknown field", Who.GYM_A_TOKEN, "POST", "/generate", with(GENERATE, "format", "\"pdf\""),
        400, "bad_request", "format");
    t.row("generate: date is a number", Who.GYM_A_TOKEN, "POST", "/generate", with(GENERATE, "date", "20260226"),
        400, "bad_request", "date");
    t.row("generate: no report type", Who.GYM_A_TOKEN, "POST", "/generate", with(GENERATE, "report_type", null),
        422, "invalid", "report_type");
    t.row("generate: unknown report type", Who.GYM_A_TOKEN, "POST", "/generate",
        with(GENERATE, "report_type", "\"monthly\""), 422, "invalid", "report_type");
    t.row("generate: malformed gym_id", Who.GYM_A_TOKEN, "POST", "/generate", with(GENERATE, "gym_id", "\"A\""),
        422, "invalid", "gym_id");
    t.row("generate: malformed branch_id", Who.GYM_A_TOKEN, "POST", "/generate",
        with(GENERATE, "branch_id", "\"" + BRANCH_A1 + "x\""), 422, "invalid", "branch_id");
    t.row("generate: daily without a gym", Who.GYM_A_TOKEN, "POST", "/generate",
        with(with(GENERATE, "gym_id", null), "branch_id", null), 422, "invalid", "gym_id");
    t.row("generate: unknown time zone", Who.GYM_A_TOKEN, "POST", "/generate",
        with(GENERATE, "timezone", "\"Europe/Atlantis\""), 422, "invalid", "timezone");
    t.row("generate: 30 February", Who.GYM_A_TOKEN, "POST", "/generate", with(GENERATE, "date", "\"2026-02-30\""),
        422, "invalid", "date");
    t.row("generate: daily with a range", Who.GYM_A_TOKEN, "POST", "/generate",
        with(with(with(GENERATE, "date", null), "start_date", "\"2026-02-01\""), "end_date", "\"2026-02-07\""),
        422, "invalid", "start_date");
    t.row("generate: start_date after end_date", Who.GYM_A_TOKEN, "POST", "/generate",
        with(with(with(with(GENERATE, "report_type", "\"weekly\""), "date", null), "start_date", "\"2026-02-10\""),
            "end_date", "\"2026-02-01\""), 422, "invalid", "start_date");
    t.row("generate: a range over 366 days", Who.GYM_A_TOKEN, "POST", "/generate",
        with(with(with(with(GENERATE, "report_type", "\"weekly\""), "date", null), "start_date", "\"2025-01-01\""),
            "end_date", "\"2026-02-01\""), 422, "invalid", "end_date");
    t.row("generate: for another gym", Who.GYM_A_TOKEN, "POST", "/generate",
        with(with(GENERATE, "gym_id", q(GYM_B)), "branch_id", null), 403, "forbidden", "gym_id");
    t.row("generate: learning-daily for a gym token", Who.GYM_A_TOKEN, "POST", "/generate",
        "{\"report_type\": \"learning-daily\", \"date\": \"2026-02-26\"}", 403, "forbidden", "report_type");
    t.row("generate: a daily report for the learning token", Who.LEARNING_TOKEN, "POST", "/generate", GENERATE,
        403, "forbidden", "gym_id");
    t.row("generate: learning-daily with a gym", Who.LEARNING_TOKEN, "POST", "/generate",
        "{\"report_type\": \"learning-daily\", \"gym_id\": \"" + GYM_A + "\"}", 403, "forbidden", "gym_id");
    t.row("generate: an invalid recipient", Who.GYM_A_TOKEN, "POST", "/generate",
        with(GENERATE, "recipients", "[\"nobody\"]"), 422, "invalid", "recipients");

    // --- send
    t.row("send: no recipients field", Who.GYM_A_TOKEN, "POST", "/send", with(SEND, "recipients", null),
        422, "invalid", "recipients");
    t.row("send: empty recipients", Who.GYM_A_TOKEN, "POST", "/send", with(SEND, "recipients", "[]"),
        422, "invalid", "recipients");
    t.row("send: recipients is an object", Who.GYM_A_TOKEN, "POST", "/send",
        with(SEND, "recipients", "{\"to\": \"a@gym.example\"}"), 400, "bad_request", "recipients");
    t.row("send: one bad email among good ones", Who.GYM_A_TOKEN, "POST", "/send",
        with(SEND, "recipients", "[\"a@gym.example\", \"b@\"]"), 422, "invalid", "recipients");
    t.row("send: a plain-http webhook", Who.GYM_A_TOKEN, "POST", "/send",
        with(WEEKLY_SEND, "recipients", "[\"http://hooks.slack.com/services/T1/B1/secret\"]"),
        422, "invalid", "recipients");
    t.row("send: a webhook host that is not allowed", Who.GYM_A_TOKEN, "POST", "/send",
        with(WEEKLY_SEND, "recipients", "[\"https://example.com/services/T1/B1/secret\"]"),
        422, "invalid", "recipients");
    t.row("send: unknown delivery method", Who.GYM_A_TOKEN, "POST", "/send", with(SEND, "delivery_method", "\"sms\""),
        422, "invalid", "delivery_method");
    t.row("send: an idempotency key with spaces", Who.GYM_A_TOKEN, "POST", "/send",
        with(SEND, "idempotency_key", "\"my key\""), 422, "invalid", "idempotency_key");
    t.row("send: weekly over 366 days", Who.GYM_A_TOKEN, "POST", "/send",
        with(with(with(WEEKLY_SEND, "date", null), "start_date", "\"2024-01-01\""), "end_date", "\"2026-01-01\""),
        422, "invalid", "end_date");
    t.row("send: unknown time zone", Who.GYM_A_TOKEN, "POST", "/send", with(SEND, "timezone", "\"GMT+25\""),
        422, "invalid", "timezone");
    t.row("send: for another gym", Who.GYM_A_TOKEN, "POST", "/send", with(with(SEND, "gym_id", q(GYM_B)),
        "branch_id", null), 403, "forbidden", "gym_id");
    t.row("send: skip_if_empty is a string", Who.GYM_A_TOKEN, "POST", "/send", with(SEND, "skip_if_empty", "\"no\""),
        400, "bad_request", "skip_if_empty");

    // --- deliveries
    t.row("deliveries: unknown status", Who.GYM_A_TOKEN, "GET", "/deliveries?status=lost", null,
        400, "bad_request", "status");
    t.row("deliveries: unknown report type", Who.GYM_A_TOKEN, "GET", "/deliveries?report_type=monthly", null,
        400, "bad_request", "report_type");
    t.row("deliveries: month 13", Who.GYM_A_TOKEN, "GET", "/deliveries?start_date=2026-13-01", null,
        400, "bad_request", "start_date");
    t.row("deliveries: malformed branch_id", Who.GYM_A_TOKEN, "GET", "/deliveries?branch_id=1", null,
        400, "bad_request", "branch_id");
    t.row("deliveries: limit 501", Who.GYM_A_TOKEN, "GET", "/deliveries?limit=501", null,
        400, "bad_request", "limit");
    t.row("deliveries: unknown parameter", Who.GYM_A_TOKEN, "GET", "/deliveries?page=2", null,
        400, "bad_request", "page");
    t.row("deliveries: status given twice", Who.GYM_A_TOKEN, "GET", "/deliveries?status=sent&status=failed", null,
        400, "bad_request", "status");
    t.row("deliveries: start_date after end_date", Who.GYM_A_TOKEN, "GET",
        "/deliveries?start_date=2026-02-10&end_date=2026-02-01", null, 422, "invalid", "start_date");
    t.row("deliveries: another gym", Who.GYM_A_TOKEN, "GET", "/deliveries?gym_id=" + GYM_B, null,
        403, "forbidden", "gym_id");
    t.row("delivery: unknown id", Who.GYM_A_TOKEN, "GET", "/deliveries/$RANDOM", null,
        404, "not_found", "delivery_id");
    t.row("delivery: malformed id", Who.GYM_A_TOKEN, "GET", "/deliveries/latest", null,
        404, "not_found", "delivery_id");
    t.row("delivery html: unknown id", Who.GYM_A_TOKEN, "GET", "/deliveries/$RANDOM/html", null,
        404, "not_found", "delivery_id");
    t.row("delivery html: malformed id", Who.GYM_A_TOKEN, "GET", "/deliveries/x/html", null,
        404, "not_found", "delivery_id");
    t.row("delivery: learning token, a gym's delivery", Who.LEARNING_TOKEN, "GET", "/deliveries/$DELIVERY", null,
        404, "not_found", "delivery_id");
    t.row("delivery html: learning token, a gym's delivery", Who.LEARNING_TOKEN, "GET",
        "/deliveries/$DELIVERY/html", null, 404, "not_found", "delivery_id");
    return t.rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void isRefusedWithAJsonErrorAndChangesNothing(Row row) {
    Stored before = api.stored();

    Response response = send(row);

    assertThat(response.status()).as(response.body()).isEqualTo(row.status());
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode error = response.json();
    assertThat(new TreeSet<>(fieldNames(error))).containsExactly("error", "field", "message");
    assertThat(error.path("error").asText()).isEqualTo(row.error());
    if (row.field() == null) {
      assertThat(error.get("field").isNull()).as("field of %s", error).isTrue();
    } else {
      assertThat(error.get("field").isTextual()).as("field of %s", error).isTrue();
      assertThat(error.get("field").asText()).isEqualTo(row.field());
    }
    assertThat(error.get("message").isTextual()).isTrue();
    assertThat(error.get("message").asText()).isNotBlank().doesNotContain("secret");
    assertThat(api.stored()).as("nothing stored, changed or sent").isEqualTo(before);
  }

  @Test
  void theTableCoversEveryRouteAndEveryErrorStatus() {
    List<Row> rows = badRequests().map(Named::getPayload).toList();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(45);
    assertThat(rows.stream().map(Row::status).distinct())
        .containsExactlyInAnyOrder(400, 401, 403, 404, 405, 413, 422);
    for (String route : api.server.routes()) {
      String method = route.substring(0, route.indexOf(' '));
      String pattern = route.substring(route.indexOf(' ') + 1).replace(API, "").replace("{id}", "[^/?]+");
      assertThat(rows).as("a bad request for %s", route)
          .anyMatch(r -> r.method().equals(method) && r.path().matches(pattern + "(\\?.*)?"));
    }
  }

  @Test
  void anUpdateThatMeetsAConcurrentChangeIs409AndWritesNothing() {
    ReportTemplate[] theirs = new ReportTemplate[1];
    api.templates.beforeNextUpdate(read -> {
      // Another instance renames the template between the library's read and its write.
      ReportTemplate renamed = new ReportTemplate(read.id(), read.gymId(), "Renamed elsewhere", read.description(),
          read.reportType(), read.format(), read.subject(), read.content(), read.isDefault(), read.createdAt(),
          read.updatedAt().plusSeconds(1));
      assertThat(api.database.templates().update(read, renamed)).isTrue();
      theirs[0] = renamed;
    });
    Stored before = api.stored();

    Response response = api.put(token, API + "/templates/" + templateId, "{\"subject\": \"Mine\"}");

    assertThat(response.status()).as(response.body()).isEqualTo(409);
    assertThat(response.json().path("error").asText()).isEqualTo("conflict");
    assertThat(response.json().get("field").isNull()).isTrue();
    assertThat(response.json().path("message").asText()).contains(templateId);
    ReportTemplate stored = api.database.templates().find(UUID.fromString(templateId)).orElseThrow();
    assertThat(stored).as("the other writer's change stands; ours wrote nothing").isEqualTo(theirs[0]);
    Stored after = api.stored();
    assertThat(after.templateRows()).hasSameSizeAs(before.templateRows());
    assertThat(after.templateRows()).contains(theirs[0]);
    assertThat(new Stored(after.templates(), after.subscriptions(), after.deliveries(), after.emails(),
        after.slackPosts(), before.templateRows(), after.subscriptionRows(), after.deliveryRows()))
        .as("nothing else changed").isEqualTo(before);

    // Read again and retry: it goes through.
    Response retried = api.put(token, API + "/templates/" + templateId, "{\"name\": \"Morning\", \"subject\": \"Calls\"}");
    assertThat(retried.status()).as(retried.body()).isEqualTo(200);
    assertThat(retried.json().path("subject").asText()).isEqualTo("Calls");
  }

  private Response send(Row row) {
    String path = API + placeholders(row.path());
    String body = row.body() == null ? null : placeholders(row.body());
    String authorization = switch (row.who()) {
      case GYM_A_TOKEN -> "Bearer " + token;
      case NO_HEADER -> null;
      case UNKNOWN_TOKEN -> "Bearer prt_" + "A".repeat(43);
      case BASIC_SCHEME -> "Basic " + java.util.Base64.getEncoder().encodeToString(("user:" + token).getBytes());
      case EMPTY_BEARER -> "Bearer ";
      case REVOKED_TOKEN -> "Bearer " + revokedToken;
      case LEARNING_TOKEN -> "Bearer " + learningToken;
    };
    return api.sendWithAuthorization(authorization, row.method(), path, body);
  }

  private String placeholders(String text) {
    return text.replace("$TEMPLATE", templateId)
        .replace("$SUBSCRIPTION", subscriptionId)
        .replace("$DELIVERY", deliveryId)
        .replace("$SHARED", sharedTemplateId)
        .replace("$RANDOM", RANDOM)
        .replace("$WEBHOOK", api.webhook("T0/B0/secretpart"));
  }

  private static String created(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().path("id").asText();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** {@code json} with {@code field} set to the JSON {@code value}, or removed when it is null. */
  static String with(String json, String field, String value) {
    try {
      ObjectNode object = (ObjectNode) MAPPER.readTree(json);
      if (value == null) {
        object.remove(field);
      } else {
        object.set(field, MAPPER.readTree(value));
      }
      return MAPPER.writeValueAsString(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON string. */
  static String q(String text) {
    return "\"" + text + "\"";
  }

  /** The rows, each named. */
  private static final class Table {
    final List<Named<Row>> rows = new ArrayList<>();

    void row(String name, Who who, String method, String path, String body, int status, String error, String field) {
      rows.add(Named.of(name, new Row(who, method, path, body, status, error, field)));
    }
  }
}
