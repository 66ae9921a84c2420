package io.pulsereports.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.pulsereports.core.Reporting;
import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryPage;
import io.pulsereports.core.delivery.DeliveryQuery;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.schedule.SubscriptionPage;
import io.pulsereports.core.schedule.SubscriptionQuery;
import io.pulsereports.core.template.ReportTemplate;
import io.pulsereports.core.template.TemplatePage;
import io.pulsereports.core.template.TemplateQuery;
import io.pulsereports.core.port.out.LeadActivityPort;
import io.pulsereports.delivery.email.EmailDelivery;
import io.pulsereports.delivery.email.SmtpSettings;
import io.pulsereports.delivery.slack.SlackDelivery;
import io.pulsereports.delivery.slack.SlackSettings;
import io.pulsereports.persistence.jdbc.JdbcPersistence;
import io.pulsereports.persistence.jdbc.SyntheticDataSpec;
import io.pulsereports.persistence.jdbc.SyntheticLeadData;
import io.pulsereports.persistence.jdbc.SyntheticLearningSpec;
import io.pulsereports.render.mustache.MustacheMessageRenderer;
import io.pulsereports.render.mustache.MustacheReportRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The API as a user runs it, on loopback: a real SQLite file (or a database on a real PostgreSQL
 * server) with the demo's lead and learning data, the real renderers, email to a GreenMail SMTP
 * server, Slack webhooks to a JDK HTTP server, and {@link ReportingHttpServer} on a free port. Requests go through the JDK's HTTP client.
 */
final class ApiServer implements AutoCloseable {

  /** The data ends on this day (exclusive); reports ask for days before it. */
  static final LocalDate END = LocalDate.of(2026, 3, 1);
  static final String GYM_A = SyntheticDataSpec.gymId(0).toString();
  static final String GYM_B = SyntheticDataSpec.gymId(1).toString();
  static final String BRANCH_A1 = SyntheticDataSpec.branchId(0, 0).toString();
  static final String BRANCH_A2 = SyntheticDataSpec.branchId(0, 1).toString();
  static final String BRANCH_B1 = SyntheticDataSpec.branchId(1, 0).toString();

  private static final ObjectMapper MAPPER = new ObjectMapper();

  final JdbcPersistence database;
  final Reporting reporting;
  final ReportingHttpServer server;
  final GreenMail smtp;
  final HttpServer slack;
  final List<String> slackPosts = new CopyOnWriteArrayList<>();
  /** The templates as the library sees them: a test can make another writer change one mid-request. */
  final InterleavingTemplateRepository templates;
  private final EmailDelivery email;
  private final SlackDelivery slackDelivery;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The API over a SQLite file in {@code folder}. */
  ApiServer(Path folder) {
    this(folder, UnaryOperator.identity());
  }

  /** Over a SQLite file, with the lead data read through {@code leadActivity} (e.g. to hold a request in progress). */
  ApiServer(Path folder, UnaryOperator<LeadActivityPort> leadActivity) {
    this(JdbcPersistence.sqlite(folder.resolve("pulse.db")), leadActivity);
  }

  /** The API over a fresh database on the embedded PostgreSQL server. */
  static ApiServer onPostgres(String name) {
    return new ApiServer(JdbcPersistence.postgres(EmbeddedPostgresDatabases.newDatabase(name)), UnaryOperator.identity());
  }

  private ApiServer(JdbcPersistence database, UnaryOperator<LeadActivityPort> leadActivity) {
    this.database = database;
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    slack.createContext("/services/", exchange -> {
      slackPosts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(200, 2);
      exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
      exchange.close();
    });
    slack.start();
    database.migrate();
    database.installDemoSchema();
    SyntheticLeadData.write(database,
        new SyntheticDataSpec(2, 2, 3, 14, 4, 20, END, ZoneId.of("America/New_York"), 20261121L)
            .withLearning(SyntheticLearningSpec.demo()),
        rows -> { });
    email = EmailDelivery.smtp(SmtpSettings.builder("127.0.0.1", "reports@pulse.example")
        .port(smtp.getSmtp().getPort()).tls(SmtpSettings.Tls.NONE).timeout(Duration.ofSeconds(5)).build());
    slackDelivery = SlackDelivery.webhooks(
        SlackSettings.defaults().withAllowedHosts("hooks.slack.com", "127.0.0.1").allowingLoopbackHttp());
    MustacheReportRenderer renderer = MustacheReportRenderer.create();
    templates = new InterleavingTemplateRepository(database.templates());
    reporting = Reporting.builder()
        .leadActivity(leadActivity.apply(database.leadActivity()))
        .learningActivity(database.learningActivity())
        .delivery(database.deliveries(), renderer, MustacheMessageRenderer.of(renderer))
        .subscriptions(database.subscriptions())
        .templates(templates, renderer)
        .tokens(database.tokens())
        .deliverer(email)
        .deliverer(slackDelivery)
        .build();
    server = ReportingHttpServer.builder(reporting).port(0).maxBodyBytes(64 * 1024).build().start();
  }

  /** A webhook URL on the loopback Slack server. */
  String webhook(String name) {
    return "http://127.0.0.1:" + slack.getAddress().getPort() + "/services/T000/B000/" + name;
  }

  String token(String... gyms) {
    return reporting.createToken(List.of(gyms), java.util.Optional.of("test")).secret();
  }

  String learningToken() {
    return reporting.createToken(List.of(), true, java.util.Optional.of("coaching app")).secret();
  }

  /** A token for {@code gym} that is revoked at once. */
  String revokedToken(String gym) {
    var created = reporting.createToken(List.of(gym), java.util.Optional.of("revoked"));
    reporting.revokeToken(created.token().id().toString());
    return created.secret();
  }

  Response get(String token, String path) {
    return send(token, "GET", path, null);
  }

  Response post(String token, String path, String body) {
    return send(token, "POST", path, body);
  }

  Response put(String token, String path, String body) {
    return send(token, "PUT", path, body);
  }

  Response delete(String token, String path) {
    return send(token, "DELETE", path, null);
  }

  /** One request; {@code token} null sends no Authorization header. */
  Response send(String token, String method, String path, String body) {
    return sendWithAuthorization(token == null ? null : "Bearer " + token, method, path, body);
  }

  /** One request with {@code authorization} as the Authorization header, as given (null: none). */
  Response sendWithAuthorization(String authorization, String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(),
          response.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * What is stored, every gym's and every row in full, and what was sent: to check that a refused
   * request stored, changed and sent nothing.
   */
  Stored stored() {
    TemplatePage templatePage = database.templates().list(TemplateQuery.all(TemplateQuery.MAX_LIMIT));
    SubscriptionPage subscriptionPage =
        database.subscriptions().list(SubscriptionQuery.all(SubscriptionQuery.MAX_LIMIT));
    DeliveryPage deliveryPage = database.deliveries().list(DeliveryQuery.latest(DeliveryQuery.MAX_LIMIT));
    if (templatePage.total() > templatePage.items().size()
        || subscriptionPage.total() > subscriptionPage.items().size()
        || deliveryPage.total() > deliveryPage.items().size()) {
      throw new IllegalStateException("more rows than one page holds; stored() would compare only some");
    }
    return new Stored(
        templatePage.total(),
        subscriptionPage.total(),
        deliveryPage.total(),
        smtp.getReceivedMessages().length,
        slackPosts.size(),
        templatePage.items(),
        subscriptionPage.items(),
        deliveryPage.items());
  }

  /** Rows in the state tables, messages received, and the rows themselves. */
  record Stored(
      long templates,
      long subscriptions,
      long deliveries,
      int emails,
      int slackPosts,
      List<ReportTemplate> templateRows,
      List<Subscription> subscriptionRows,
      List<Delivery> deliveryRows) {}

  @Override
  public void close() {
    server.stop();
    email.close();
    slackDelivery.close();
    database.close();
    slack.stop(0);
    smtp.stop();
  }

  /** A response: status, body, content type. */
  record Response(int status, String body, String contentType) {

    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }
}
