package io.pulsereports.http;

import static io.pulsereports.http.ApiServer.BRANCH_A1;
import static io.pulsereports.http.ApiServer.BRANCH_B1;
import static io.pulsereports.http.ApiServer.GYM_A;
import static io.pulsereports.http.ApiServer.GYM_B;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.port.in.TemplateFields;
import io.pulsereports.http.ApiServer.Response;
import io.pulsereports.http.ApiServer.Stored;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gyms with a token each, and a token of the learning reports (which belong to no gym): each
 * sees only its own templates, subscriptions and deliveries on every route, cannot create, change,
 * generate or send anything for another, and a refused request stores nothing. Shared templates
 * (the operator's, without a gym) are read by every gym and changed by none over the API. Run on
 * SQLite and on PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TenantIsolationContract {

  private static final String API = ReportingApi.BASE;

  /** The ids a tenant created: a template (none for the learning token), a subscription, a preview and a sent delivery. */
  record Tenant(String name, String token, Set<String> gyms, boolean learning, Optional<String> template,
      String subscription, String preview, String sent) {

    boolean sees(Optional<GymScope> scope) {
      return scope.map(s -> gyms.contains(s.gymId().toString())).orElse(learning);
    }
  }

  ApiServer api;
  Tenant gymA;
  Tenant gymB;
  Tenant learning;
  String sharedTemplate;

  /** The API on the database the subclass tests. */
  abstract ApiServer startApi(Path folder);

  @BeforeAll
  void createDataForBothGymsAndTheLearningReports(@TempDir Path folder) {
    api = startApi(folder);
    gymA = gym("gym A", api.token(GYM_A), GYM_A, BRANCH_A1);
    gymB = gym("gym B", api.token(GYM_B), GYM_B, BRANCH_B1);
    String learningToken = api.learningToken();
    learning = new Tenant("learning", learningToken, Set.of(), true, Optional.empty(),
        created(api.post(learningToken, API + "/subscriptions", """
            {"name": "Coaches", "report_type": "learning-daily", "delivery_method": "email",
             "recipients": ["coach@app.example"], "delivery_time": "07:00", "timezone": "Europe/Berlin"}""")),
        created(api.post(learningToken, API + "/generate", """
            {"report_type": "learning-daily", "date": "2026-02-26"}""")),
        created(api.post(learningToken, API + "/send", """
            {"report_type": "learning-daily", "date": "2026-02-25", "recipients": ["coach@app.example"]}""")));
    sharedTemplate = api.reporting.createTemplate(TemplateFields.builder()
        .name("Shared daily").reportType("daily").content("<p>{{calls.total}} calls</p>").build()).id().toString();
  }

  private Tenant gym(String name, String token, String gym, String branch) {
    String template = created(api.post(token, API + "/templates", """
        {"name": "%s morning", "report_type": "daily", "gym_id": "%s", "content": "<p>{{calls.total}}</p>"}"""
        .formatted(name, gym)));
    String subscription = created(api.post(token, API + "/subscriptions", """
        {"name": "%s mornings", "report_type": "daily", "gym_id": "%s", "branch_id": "%s",
         "delivery_method": "email", "recipients": ["manager@%s.example"], "delivery_time": "08:00",
         "timezone": "America/New_York", "template_id": "%s"}"""
        .formatted(name, gym, branch, name.replace(' ', '-'), template)));
    String preview = created(api.post(token, API + "/generate", """
        {"report_type": "daily", "gym_id": "%s", "branch_id": "%s", "date": "2026-02-26"}"""
        .formatted(gym, branch)));
    String sent = created(api.post(token, API + "/send", """
        {"report_type": "weekly", "gym_id": "%s", "date": "2026-02-18", "delivery_method": "slack",
         "recipients": ["%s"]}""".formatted(gym, api.webhook(name.replace(' ', '-')))));
    return new Tenant(name, token, Set.of(gym), false, Optional.of(template), subscription, preview, sent);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void anotherTenantsTemplatesSubscriptionsAndDeliveriesAre404OnEveryRouteAndStayAsTheyWere() {
    Stored before = api.stored();
    SoftAssertions soft = new SoftAssertions();
    for (Tenant caller : List.of(gymA, gymB, learning)) {
      for (Tenant owner : List.of(gymA, gymB, learning)) {
        if (owner == caller) {
          continue;
        }
        List<String[]> requests = new ArrayList<>();
        owner.template().ifPresent(t -> {
          requests.add(new String[] {"GET", "/templates/" + t, null, "template_id"});
          requests.add(new String[] {"PUT", "/templates/" + t, "{\"name\": \"Taken over\"}", "template_id"});
          requests.add(new String[] {"PATCH", "/templates/" + t, "{\"content\": \"<p>mine</p>\"}", "template_id"});
          requests.add(new String[] {"DELETE", "/templates/" + t, null, "template_id"});
        });
        String s = owner.subscription();
        requests.add(new String[] {"GET", "/subscriptions/" + s, null, "subscription_id"});
        requests.add(new String[] {"PUT", "/subscriptions/" + s, "{\"recipients\": [\"thief@evil.example\"]}",
            "subscription_id"});
        requests.add(new String[] {"PATCH", "/subscriptions/" + s, "{\"is_active\": false}", "subscription_id"});
        requests.add(new String[] {"DELETE", "/subscriptions/" + s, null, "subscription_id"});
        for (String d : List.of(owner.preview(), owner.sent())) {
          requests.add(new String[] {"GET", "/deliveries/" + d, null, "delivery_id"});
          requests.add(new String[] {"GET", "/deliveries/" + d + "/html", null, "delivery_id"});
        }
        for (String[] r : requests) {
          Response response = api.send(caller.token(), r[0], API + r[1], r[2]);
          String what = caller.name() + " " + r[0] + " " + owner.name() + "'s " + r[1];
          soft.assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(404);
          if (response.status() == 404) {
            JsonNode error = response.json();
            soft.assertThat(error.path("error").asText()).as(what).isEqualTo("not_found");
            soft.assertThat(error.path("field").asText()).as(what).isEqualTo(r[3]);
          }
          for (String gym : owner.gyms()) {
            soft.assertThat(response.body()).as(what + " names nothing of the other gym").doesNotContain(gym);
          }
        }
      }
    }
    soft.assertAll();
    assertThat(api.stored()).as("nothing changed").isEqualTo(before);
  }

  @Test
  void listsShowOnlyWhatTheTokenSeesAndTheirTotalsCountOnlyThat() {
    Stored stored = api.stored();
    for (Tenant caller : List.of(gymA, gymB, learning)) {
      long templates = stored.templateRows().stream()
          .filter(t -> t.gymId().map(g -> caller.gyms().contains(g.toString())).orElse(true)).count();
      long subscriptions = stored.subscriptionRows().stream().filter(s -> caller.sees(s.scope())).count();
      long deliveries = stored.deliveryRows().stream().filter(d -> caller.sees(d.scope())).count();

      JsonNode templateList = list(caller, "/templates?limit=500");
      assertThat(templateList.path("total").asLong()).as(caller.name() + " templates").isEqualTo(templates)
          .isEqualTo(templateList.path("items").size());
      templateList.path("items").forEach(t -> assertThat(t.path("gym_id").isNull()
          || caller.gyms().contains(t.path("gym_id").asText())).as(caller.name() + " sees " + t).isTrue());
      assertThat(ids(templateList)).contains(sharedTemplate);

      JsonNode subscriptionList = list(caller, "/subscriptions?limit=500");
      assertThat(subscriptionList.path("total").asLong()).as(caller.name() + " subscriptions")
          .isEqualTo(subscriptions).isEqualTo(subscriptionList.path("items").size());
      assertThat(ids(subscriptionList)).contains(caller.subscription());
      subscriptionList.path("items").forEach(s -> assertOwn(caller, s));

      JsonNode deliveryList = list(caller, "/deliveries?limit=500");
      assertThat(deliveryList.path("total").asLong()).as(caller.name() + " deliveries")
          .isEqualTo(deliveries).isEqualTo(deliveryList.path("items").size());
      assertThat(ids(deliveryList)).contains(caller.preview(), caller.sent());
      deliveryList.path("items").forEach(d -> assertOwn(caller, d));

      // A page of one still counts only what the token sees.
      assertThat(list(caller, "/deliveries?limit=1").path("total").asLong()).isEqualTo(deliveries);
      assertThat(list(caller, "/subscriptions?limit=1&offset=0").path("total").asLong()).isEqualTo(subscriptions);
      assertThat(list(caller, "/templates?limit=1").path("total").asLong()).isEqualTo(templates);
    }
    // Filtering by another gym's branch finds nothing of it.
    assertThat(list(gymA, "/deliveries?branch_id=" + BRANCH_B1).path("total").asLong()).isZero();
    assertThat(list(gymA, "/subscriptions?branch_id=" + BRANCH_B1).path("total").asLong()).isZero();
    assertThat(list(gymA, "/deliveries?report_type=learning-daily").path("total").asLong()).isZero();
    assertThat(list(learning, "/deliveries?report_type=daily").path("total").asLong()).isZero();
    assertThat(list(gymA, "/deliveries?gym_id=" + GYM_A).path("total").asLong())
        .isEqualTo(stored.deliveryRows().stream().filter(d -> gymA.sees(d.scope())).count());
  }

  @Test
  void listFilteredByAnotherGymIsForbidden() {
    for (String route : List.of("/templates", "/subscriptions", "/deliveries")) {
      assertError(api.get(gymA.token(), API + route + "?gym_id=" + GYM_B), 403, "forbidden", "gym_id");
      assertError(api.get(gymB.token(), API + route + "?gym_id=" + GYM_A), 403, "forbidden", "gym_id");
      assertError(api.get(learning.token(), API + route + "?gym_id=" + GYM_A), 403, "forbidden", "gym_id");
    }
  }

  @Test
  void creatingGeneratingOrSendingForAnotherTenantIsForbiddenAndStoresNothing() {
    Stored before = api.stored();
    String subscriptionForB = """
        {"name": "Sneaky", "report_type": "daily", "gym_id": "%s", "branch_id": "%s", "delivery_method": "email",
         "recipients": ["thief@evil.example"], "delivery_time": "08:00"}""".formatted(GYM_B, BRANCH_B1);
    String gymA2 = ApiServer.BRANCH_A2;

    List<Object[]> refused = List.of(
        new Object[] {gymA, "POST", "/templates", """
            {"name": "For B", "report_type": "daily", "gym_id": "%s", "content": "<p>x</p>"}""".formatted(GYM_B),
            "gym_id"},
        new Object[] {gymA, "POST", "/subscriptions", subscriptionForB, "gym_id"},
        new Object[] {gymA, "POST", "/generate", """
            {"report_type": "daily", "gym_id": "%s", "branch_id": "%s", "date": "2026-02-20"}"""
            .formatted(GYM_B, BRANCH_B1), "gym_id"},
        new Object[] {gymA, "POST", "/generate", """
            {"report_type": "weekly", "gym_id": "%s", "date": "2026-02-20", "recipients": ["thief@evil.example"]}"""
            .formatted(GYM_B), "gym_id"},
        new Object[] {gymA, "POST", "/send", """
            {"report_type": "daily", "gym_id": "%s", "date": "2026-02-20", "recipients": ["thief@evil.example"]}"""
            .formatted(GYM_B), "gym_id"},
        new Object[] {gymB, "POST", "/send", """
            {"report_type": "weekly", "gym_id": "%s", "branch_id": "%s", "date": "2026-02-20",
             "recipients": ["thief@evil.example"]}""".formatted(GYM_A, gymA2), "gym_id"},
        new Object[] {gymA, "PUT", "/templates/" + gymA.template().orElseThrow(),
            "{\"gym_id\": \"" + GYM_B + "\"}", "gym_id"},
        new Object[] {gymA, "PATCH", "/subscriptions/" + gymA.subscription(),
            "{\"gym_id\": \"" + GYM_B + "\", \"branch_id\": null, \"template_id\": null}", "gym_id"},
        // The learning token sees no gym; gym tokens do not see the learning reports.
        new Object[] {learning, "POST", "/generate", """
            {"report_type": "daily", "gym_id": "%s", "date": "2026-02-20"}""".formatted(GYM_A), "gym_id"},
        new Object[] {learning, "POST", "/subscriptions", subscriptionForB, "gym_id"},
        new Object[] {learning, "POST", "/templates", """
            {"name": "Coaches", "report_type": "learning-daily", "content": "<p>x</p>"}""", "gym_id"},
        new Object[] {gymA, "POST", "/generate", """
            {"report_type": "learning-daily", "date": "2026-02-20"}""", "report_type"},
        new Object[] {gymA, "POST", "/send", """
            {"report_type": "learning-daily", "date": "2026-02-20", "recipients": ["thief@evil.example"]}""",
            "report_type"},
        new Object[] {gymA, "POST", "/subscriptions", """
            {"report_type": "learning-daily", "delivery_method": "email", "recipients": ["thief@evil.example"],
             "delivery_time": "08:00"}""", "report_type"},
        new Object[] {gymA, "POST", "/templates", """
            {"name": "Coaches", "report_type": "learning-daily", "content": "<p>x</p>"}""", "report_type"},
        new Object[] {gymA, "PUT", "/subscriptions/" + gymA.subscription(), """
            {"report_type": "learning-daily", "gym_id": null, "branch_id": null, "template_id": null}""",
            "report_type"});
    SoftAssertions soft = new SoftAssertions();
    for (Object[] r : refused) {
      Tenant caller = (Tenant) r[0];
      Response response = api.send(caller.token(), (String) r[1], API + r[2], (String) r[3]);
      String what = caller.name() + " " + r[1] + " " + r[2] + " " + r[3];
      soft.assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(403);
      if (response.status() == 403) {
        soft.assertThat(response.json().path("error").asText()).as(what).isEqualTo("forbidden");
        soft.assertThat(response.json().path("field").asText()).as(what).isEqualTo(r[4]);
      }
    }
    soft.assertAll();
    assertThat(api.stored()).as("nothing stored, changed or sent").isEqualTo(before);
  }

  @Test
  void anotherGymsTemplateCannotBeUsedAndIsNotShownToExist() {
    Stored before = api.stored();
    String templateOfB = gymB.template().orElseThrow();
    Response create = api.post(gymA.token(), API + "/subscriptions", """
        {"report_type": "daily", "gym_id": "%s", "delivery_method": "email", "recipients": ["m@a.example"],
         "delivery_time": "08:00", "template_id": "%s"}""".formatted(GYM_A, templateOfB));
    Response unknown = api.post(gymA.token(), API + "/subscriptions", """
        {"report_type": "daily", "gym_id": "%s", "delivery_method": "email", "recipients": ["m@a.example"],
         "delivery_time": "08:00", "template_id": "%s"}""".formatted(GYM_A, UUID.randomUUID()));
    Response update = api.put(gymA.token(), API + "/subscriptions/" + gymA.subscription(),
        "{\"template_id\": \"" + templateOfB + "\"}");

    for (Response response : List.of(create, unknown, update)) {
      assertError(response, 422, "invalid", "template_id");
    }
    assertThat(create.json().path("message").asText().replace(templateOfB, "ID"))
        .as("another gym's template is refused exactly as one that does not exist")
        .isEqualTo(unknown.json().path("message").asText().replaceAll("[0-9a-f-]{36}", "ID"));
    assertThat(api.stored()).isEqualTo(before);
  }

  @Test
  void sharedTemplatesAreReadByEveryGymAndChangedByNoneOverTheApi() {
    for (Tenant caller : List.of(gymA, gymB)) {
      Response read = api.get(caller.token(), API + "/templates/" + sharedTemplate);
      assertThat(read.status()).as(read.body()).isEqualTo(200);
      assertThat(read.json().path("gym_id").isNull()).isTrue();
      Stored before = api.stored();
      assertError(api.put(caller.token(), API + "/templates/" + sharedTemplate, "{\"name\": \"Mine\"}"),
          403, "forbidden", "template_id");
      assertError(api.send(caller.token(), "PATCH", API + "/templates/" + sharedTemplate,
          "{\"content\": \"<p>gone</p>\"}"), 403, "forbidden", "template_id");
      assertError(api.delete(caller.token(), API + "/templates/" + sharedTemplate), 403, "forbidden", "template_id");
      assertThat(api.stored()).isEqualTo(before);
    }
    // A gym may use a shared template, and what it makes with it stays its own.
    Response subscription = api.post(gymA.token(), API + "/subscriptions", """
        {"report_type": "daily", "gym_id": "%s", "delivery_method": "email", "recipients": ["m@a.example"],
         "delivery_time": "06:00", "template_id": "%s"}""".formatted(GYM_A, sharedTemplate));
    assertThat(subscription.status()).as(subscription.body()).isEqualTo(201);
    String id = subscription.json().path("id").asText();
    assertThat(api.get(gymB.token(), API + "/subscriptions/" + id).status()).isEqualTo(404);
    assertThat(api.delete(gymA.token(), API + "/subscriptions/" + id).status()).isEqualTo(204);
  }

  @Test
  void anIdempotencyKeyReusedByAnotherGymIsThatGymsOwnSend() {
    String request = """
        {"report_type": "daily", "gym_id": "%s", "date": "2026-02-24", "delivery_method": "email",
         "recipients": ["%s"], "idempotency_key": "nightly-2026-02-24"}""";
    Response first = api.post(gymA.token(), API + "/send", request.formatted(GYM_A, "manager@gym-a.example"));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    String deliveryOfA = first.json().path("id").asText();
    Stored before = api.stored();

    Response other = api.post(gymB.token(), API + "/send", request.formatted(GYM_B, "manager@gym-b.example"));

    assertThat(other.body()).doesNotContain(deliveryOfA).doesNotContain(GYM_A).doesNotContain("gym-a.example");
    assertThat(other.status()).as("the key is per scope: gym B's send is its own").isEqualTo(201);
    assertThat(other.json().path("gym_id").asText()).isEqualTo(GYM_B);
    assertThat(other.json().path("duplicate").asBoolean()).isFalse();
    assertThat(api.stored().deliveries()).isEqualTo(before.deliveries() + 1);
    Response again = api.post(gymA.token(), API + "/send", request.formatted(GYM_A, "manager@gym-a.example"));
    assertThat(again.status()).as("the key still works for the gym that used it").isEqualTo(200);
    assertThat(again.json().path("id").asText()).isEqualTo(deliveryOfA);
  }

  @Test
  void aBranchOfAnotherGymInAReportRequestYieldsNoneOfItsData() {
    JsonNode ofB = api.post(gymB.token(), API + "/generate", """
        {"report_type": "daily", "gym_id": "%s", "branch_id": "%s", "date": "2026-02-23"}"""
        .formatted(GYM_B, BRANCH_B1)).json();
    assertThat(ofB.at("/report_data/calls/total").asInt()).as("gym B's branch had calls").isPositive();

    Response asA = api.post(gymA.token(), API + "/generate", """
        {"report_type": "daily", "gym_id": "%s", "branch_id": "%s", "date": "2026-02-23"}"""
        .formatted(GYM_A, BRANCH_B1));

    assertThat(asA.status()).as(asA.body()).isEqualTo(201);
    assertThat(asA.json().at("/report_data/calls/total").asInt()).as("gym A's report has none of B's calls").isZero();
    assertThat(asA.json().path("gym_id").asText()).isEqualTo(GYM_A);
  }

  @Test
  void aRevokedTokenGets401EverywhereAndChangesNothing() {
    var created = api.reporting.createToken(List.of(GYM_A), Optional.of("to revoke"));
    String token = created.secret();
    assertThat(api.get(token, API + "/templates").status()).isEqualTo(200);
    api.reporting.revokeToken(created.token().id().toString());
    Stored before = api.stored();

    List<String[]> requests = List.of(
        new String[] {"GET", "/templates", null},
        new String[] {"GET", "/templates/" + gymA.template().orElseThrow(), null},
        new String[] {"DELETE", "/templates/" + gymA.template().orElseThrow(), null},
        new String[] {"PUT", "/subscriptions/" + gymA.subscription(), "{\"is_active\": false}"},
        new String[] {"DELETE", "/subscriptions/" + gymA.subscription(), null},
        new String[] {"GET", "/deliveries", null},
        new String[] {"GET", "/deliveries/" + gymA.sent(), null},
        new String[] {"GET", "/deliveries/" + gymA.sent() + "/html", null},
        new String[] {"POST", "/generate", "{\"report_type\": \"daily\", \"gym_id\": \"" + GYM_A + "\"}"},
        new String[] {"POST", "/send", "{\"report_type\": \"daily\", \"gym_id\": \"" + GYM_A
            + "\", \"recipients\": [\"m@a.example\"]}"});
    for (String[] r : requests) {
      assertError(api.send(token, r[0], API + r[1], r[2]), 401, "unauthorized", "Authorization");
    }
    assertThat(api.stored()).isEqualTo(before);
  }

  private JsonNode list(Tenant caller, String path) {
    Response response = api.get(caller.token(), API + path);
    assertThat(response.status()).as(caller.name() + " " + path + ": " + response.body()).isEqualTo(200);
    return response.json();
  }

  private static void assertOwn(Tenant caller, JsonNode item) {
    JsonNode gym = item.path("gym_id");
    if (caller.learning()) {
      assertThat(gym.isNull()).as(caller.name() + " sees " + item.path("id")).isTrue();
    } else {
      assertThat(caller.gyms()).as(caller.name() + " sees " + item.path("id")).contains(gym.asText());
    }
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  private static void assertError(Response response, int status, String error, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json().path("error").asText()).isEqualTo(error);
    assertThat(response.json().path("field").asText()).isEqualTo(field);
  }

  static String created(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().path("id").asText();
  }
}
