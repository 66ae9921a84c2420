package io.pulsereports.http;

import static io.pulsereports.http.ApiServer.BRANCH_A1;
import static io.pulsereports.http.ApiServer.BRANCH_A2;
import static io.pulsereports.http.ApiServer.GYM_A;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulsereports.http.ApiServer.Response;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The documented requests, sent as a client sends them, against the running server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpApiIT {

  private static final String API = ReportingHttpServer.OPENAPI_PATH.replace("/openapi.json", "");

  ApiServer api;
  String token;

  @BeforeAll
  void start(@TempDir Path folder) {
    api = startApi(folder);
    token = api.token(GYM_A);
  }

  /** The database the API runs on; SQLite here. */
  ApiServer startApi(Path folder) {
    return new ApiServer(folder);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void healthNeedsNoTokenAndEverythingElseDoes() {
    Response health = api.get(null, "/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("ok");

    Response noToken = api.get(null, API + "/deliveries");
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.json().path("error").asText()).isEqualTo("unauthorized");
    assertThat(api.get("prt_" + "x".repeat(43), API + "/templates").status()).isEqualTo(401);
    assertThat(api.get(null, ReportingHttpServer.OPENAPI_PATH).status()).isEqualTo(401);
  }

  @Test
  void aPreviewIsStoredWithItsReportDataSendsNothingAndRendersAsHtml() {
    ApiServer.Stored before = api.stored();
    Response generated = api.post(token, API + "/generate", """
        {"report_type": "daily", "gym_id": "%s", "branch_id": "%s", "date": "2026-02-26", "timezone": "America/New_York"}
        """.formatted(GYM_A, BRANCH_A1));

    assertThat(generated.status()).as(generated.body()).isEqualTo(201);
    JsonNode delivery = generated.json();
    assertThat(delivery.path("status").asText()).isEqualTo("preview");
    assertThat(delivery.path("recipients")).isEmpty();
    JsonNode report = delivery.path("report_data");
    assertThat(report.path("report_type").asText()).isEqualTo("daily");
    assertThat(report.path("branch_id").asText()).isEqualTo(BRANCH_A1);
    assertThat(report.at("/calls/total").asInt()).as("the synthetic day has calls").isPositive();
    assertThat(api.stored().deliveries()).isEqualTo(before.deliveries() + 1);
    assertThat(api.stored().emails()).isEqualTo(before.emails());
    assertThat(api.stored().slackPosts()).isEqualTo(before.slackPosts());

    String id = delivery.path("id").asText();
    Response read = api.get(token, API + "/deliveries/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("report_data")).isEqualTo(report);

    Response html = api.get(token, API + "/deliveries/" + id + "/html");
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.contentType()).startsWith("text/html");
    assertThat(html.body()).contains("<html").contains(report.at("/calls/total").asText());
  }

  @Test
  void theLearningReportIsGeneratedForATokenOfTheLearningReports() {
    String learning = api.learningToken();
    Response generated = api.post(learning, API + "/generate", """
        {"report_type": "learning-daily", "date": "2026-02-26"}
        """);
    assertThat(generated.status()).as(generated.body()).isEqualTo(201);
    assertThat(generated.json().at("/report_data/report_type").asText()).isEqualTo("learning-daily");
    assertThat(generated.json().at("/report_data/engagement/total").isObject()).isTrue();
    Response listed = api.get(learning, API + "/deliveries?report_type=learning-daily");
    assertThat(listed.json().path("total").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(api.get(token, API + "/deliveries/" + generated.json().path("id").asText()).status())
        .as("a gym's token does not see the learning reports")
        .isEqualTo(404);
  }

  @Test
  void sendDeliversByEmailAndSlackOnceAndTheLogShowsIt() throws Exception {
    Response email = api.post(token, API + "/send", """
        {"report_type": "daily", "gym_id": "%s", "branch_id": "%s", "date": "2026-02-25",
         "delivery_method": "email", "recipients": ["manager@gym.example", "owner@gym.example"]}
        """.formatted(GYM_A, BRANCH_A1));
    assertThat(email.status()).as(email.body()).isEqualTo(201);
    assertThat(email.json().path("status").asText()).isEqualTo("sent");
    assertThat(email.json().path("duplicate").asBoolean()).isFalse();
    int emailsAfterFirst = api.smtp.getReceivedMessages().length;

    Response again = api.post(token, API + "/send", """
        {"report_type": "daily", "gym_id": "%s", "branch_id": "%s", "date": "2026-02-25",
         "delivery_method": "email", "recipients": ["manager@gym.example", "owner@gym.example"]}
        """.formatted(GYM_A, BRANCH_A1));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("duplicate").asBoolean()).isTrue();
    assertThat(again.json().path("id").asText()).isEqualTo(email.json().path("id").asText());
    assertThat(api.smtp.getReceivedMessages()).hasSize(emailsAfterFirst);

    String webhook = api.webhook("secretpart123");
    Response slack = api.post(token, API + "/send", """
        {"report_type": "weekly", "gym_id": "%s", "branch_id": "%s", "date": "2026-02-20",
         "delivery_method": "slack", "recipients": ["%s"]}
        """.formatted(GYM_A, BRANCH_A2, webhook));
    assertThat(slack.status()).as(slack.body()).isEqualTo(201);
    assertThat(slack.json().path("status").asText()).isEqualTo("sent");
    assertThat(slack.body()).as("a webhook URL is never returned in clear").doesNotContain("secretpart123");
    assertThat(api.slackPosts).anySatisfy(post -> assertThat(post).contains("Weekly"));

    Response weekly = api.get(token, API + "/deliveries?report_type=weekly&branch_id=" + BRANCH_A2 + "&status=sent");
    assertThat(weekly.json().path("total").asLong()).isEqualTo(1);
    assertThat(weekly.json().at("/items/0/id").asText()).isEqualTo(slack.json().path("id").asText());
    assertThat(weekly.json().at("/items/0").has("report_data")).as("lists leave the report data out").isFalse();
    assertThat(api.get(token, API + "/deliveries/" + slack.json().path("id").asText()).body())
        .doesNotContain("secretpart123");
  }

  @Test
  void deliveriesArePagedNewestFirstWithTheTotal() {
    for (String date : List.of("2026-02-10", "2026-02-11", "2026-02-12", "2026-02-13", "2026-02-14")) {
      assertThat(api.post(token, API + "/generate", """
          {"report_type": "daily", "gym_id": "%s", "branch_id": "%s", "date": "%s"}
          """.formatted(GYM_A, BRANCH_A2, date)).status()).isEqualTo(201);
    }
    String filter = API + "/deliveries?status=preview&report_type=daily&branch_id=" + BRANCH_A2;
    JsonNode first = api.get(token, filter + "&limit=2").json();
    JsonNode second = api.get(token, filter + "&limit=2&offset=2").json();
    JsonNode all = api.get(token, filter + "&limit=500").json();
    assertThat(first.path("total").asLong()).isEqualTo(all.path("items").size()).isGreaterThanOrEqualTo(5);
    assertThat(first.path("items")).hasSize(2);
    assertThat(first.at("/items/0/id")).isEqualTo(all.at("/items/0/id"));
    assertThat(second.at("/items/0/id")).isEqualTo(all.at("/items/2/id"));
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    assertThat(api.get(token, filter + "&start_date=" + today + "&end_date=" + today).json().path("total").asLong())
        .isEqualTo(all.path("total").asLong());
    assertThat(api.get(token, filter + "&start_date=2020-01-01&end_date=2020-01-31").json().path("total").asLong())
        .isZero();
  }

  @Test
  void templatesAndSubscriptionsGoThroughTheirWholeLife() {
    Response created = api.post(token, API + "/templates", """
        {"name": "Morning", "report_type": "daily", "gym_id": "%s", "subject": "Calls",
         "content": "<h1>{{report_type}}</h1><p>{{calls.total}} calls</p>", "is_default": true}
        """.formatted(GYM_A));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String templateId = created.json().path("id").asText();
    Response renamed = api.put(token, API + "/templates/" + templateId, """
        {"name": "Morning calls"}
        """);
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.json().path("name").asText()).isEqualTo("Morning calls");
    assertThat(renamed.json().path("content").asText()).contains("{{calls.total}}");
    assertThat(api.get(token, API + "/templates?report_type=daily").json().path("items"))
        .anySatisfy(t -> assertThat(t.path("id").asText()).isEqualTo(templateId));

    Response subscription = api.post(token, API + "/subscriptions", """
        {"name": "Branch morning", "report_type": "daily", "gym_id": "%s", "branch_id": "%s",
         "delivery_method": "slack", "recipients": ["https://hooks.slack.com/services/T1/B1/abcdefsecret"],
         "delivery_time": "08:00", "timezone": "America/New_York", "template_id": "%s",
         "formats": ["html", "csv"], "is_active": true}
        """.formatted(GYM_A, BRANCH_A1, templateId));
    assertThat(subscription.status()).as(subscription.body()).isEqualTo(201);
    JsonNode stored = subscription.json();
    assertThat(stored.path("recipients").toString()).doesNotContain("abcdefsecret");
    assertThat(stored.path("next_run_at").asText()).isNotEmpty();
    String subscriptionId = stored.path("id").asText();

    // Sending back what was read keeps the webhook; only the time changes.
    Map<String, Object> echoed = new ObjectMapper().convertValue(stored, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
    echoed.keySet().retainAll(List.of("name", "recipients", "delivery_time", "is_active"));
    echoed.put("delivery_time", "09:30");
    echoed.put("is_active", false);
    Response paused = api.put(token, API + "/subscriptions/" + subscriptionId, json(echoed));
    assertThat(paused.status()).as(paused.body()).isEqualTo(200);
    assertThat(paused.json().path("delivery_time").asText()).isEqualTo("09:30");
    assertThat(paused.json().path("is_active").asBoolean()).isFalse();
    assertThat(api.database.subscriptions().find(new io.pulsereports.core.schedule.SubscriptionId(
            java.util.UUID.fromString(subscriptionId))).orElseThrow().recipients())
        .containsExactly("https://hooks.slack.com/services/T1/B1/abcdefsecret");
    assertThat(api.get(token, API + "/subscriptions?is_active=false").json().path("items"))
        .anySatisfy(s -> assertThat(s.path("id").asText()).isEqualTo(subscriptionId));

    assertThat(api.delete(token, API + "/subscriptions/" + subscriptionId).status()).isEqualTo(204);
    assertThat(api.get(token, API + "/subscriptions/" + subscriptionId).status()).isEqualTo(404);
    assertThat(api.delete(token, API + "/templates/" + templateId).status()).isEqualTo(204);
    assertThat(api.get(token, API + "/templates/" + templateId).status()).isEqualTo(404);
  }

  @Test
  void aSendWithATemplateEmailsThatTemplatesPage() throws Exception {
    Response template = api.post(token, API + "/templates", """
        {"name": "Owner's morning", "report_type": "daily", "gym_id": "%s", "subject": "Owner's morning numbers",
         "content": "<h1>Morning for owners</h1><p>{{calls.total}} calls yesterday</p>"}
        """.formatted(GYM_A));
    assertThat(template.status()).as(template.body()).isEqualTo(201);
    String templateId = template.json().path("id").asText();

    Response sent = api.post(token, API + "/send", """
        {"report_type": "daily", "gym_id": "%s", "branch_id": "%s", "date": "2026-02-21",
         "delivery_method": "email", "recipients": ["owner-template@gym.example"], "template_id": "%s"}
        """.formatted(GYM_A, BRANCH_A1, templateId));

    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    assertThat(sent.json().path("status").asText()).isEqualTo("sent");
    String calls = sent.json().at("/report_data/calls/total").asText();
    jakarta.mail.internet.MimeMessage received = java.util.Arrays.stream(api.smtp.getReceivedMessages())
        .filter(m -> {
          try {
            return m.getAllRecipients()[0].toString().equals("owner-template@gym.example");
          } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
          }
        })
        .findFirst().orElseThrow();
    assertThat(received.getSubject()).isEqualTo("Owner's morning numbers");
    assertThat(htmlPart(received)).contains("<h1>Morning for owners</h1>").contains("<p>" + calls + " calls yesterday</p>");

    Response wrongType = api.post(token, API + "/send", """
        {"report_type": "weekly", "gym_id": "%s", "branch_id": "%s", "date": "2026-02-21",
         "delivery_method": "email", "recipients": ["owner-template@gym.example"], "template_id": "%s"}
        """.formatted(GYM_A, BRANCH_A1, templateId));
    assertThat(wrongType.status()).as(wrongType.body()).isEqualTo(422);
    assertThat(wrongType.json().path("field").asText()).isEqualTo("template_id");
  }

  @Test
  void theOpenApiDocumentDescribesExactlyTheRoutesTheServerServes() throws Exception {
    Response document = api.get(token, ReportingHttpServer.OPENAPI_PATH);
    assertThat(document.status()).isEqualTo(200);
    JsonNode paths = document.json().path("paths");
    TreeSet<String> documented = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next();
        if (!method.equals("parameters")) {
          documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    TreeSet<String> served = new TreeSet<>(api.server.registeredRoutes());
    served.remove("GET " + ReportingHttpServer.HEALTH_PATH);
    served.remove("GET " + ReportingHttpServer.OPENAPI_PATH);
    assertThat(documented).isEqualTo(served).hasSize(17);
  }

  @Test
  void anUnknownRouteOrMethodIsAJsonError() {
    Response unknown = api.get(token, API + "/nothing-here");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("error").asText()).isEqualTo("not_found");
    Response wrongMethod = api.send(token, "DELETE", API + "/deliveries", null);
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.json().path("error").asText()).isEqualTo("method_not_allowed");
  }

  /** The text/html part of a message, decoded. */
  private static String htmlPart(jakarta.mail.Part part) throws Exception {
    if (part.isMimeType("text/html")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String html = htmlPart(multipart.getBodyPart(i));
        if (html != null) {
          return html;
        }
      }
    }
    return null;
  }

  private static String json(Object value) {
    try {
      return new ObjectMapper().writeValueAsString(value);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
