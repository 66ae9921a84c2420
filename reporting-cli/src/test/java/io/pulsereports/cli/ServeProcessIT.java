package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reporting serve} as its own process: it answers with a token, and stops cleanly on SIGTERM. */
class ServeProcessIT {

  private static final Pattern SERVING = Pattern.compile("Serving on http://127\\.0\\.0\\.1:(\\d+) .*");

  @TempDir Path folder;

  @Test
  void theServerAnswersATokenAndStopsCleanlyOnSigterm() throws Exception {
    String url = "jdbc:sqlite:" + folder.resolve("gyms.db");
    HandMadeLeadDatabase.create(url);
    CliRun created = CliRun.withEnv(Map.of(), "tokens", "create", "--gym-id", HandMadeLeadDatabase.GYM, "--db", url);
    assertThat(created.exitCode()).as(created.err()).isZero();
    String token = created.out().strip();

    try (CliProcess serve = CliProcess.start("serve", "--db", url, "--port", "0", "--poll-interval", "200ms")) {
      String port = serve.awaitLine(line -> Optional.of(SERVING.matcher(line)).filter(Matcher::matches).map(m -> m.group(1)));
      String base = "http://127.0.0.1:" + port;
      HttpClient client = HttpClient.newHttpClient();

      HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      HttpResponse<String> preview = client.send(HttpRequest.newBuilder(URI.create(base + "/api/analytics/reporting/generate"))
          .header("Authorization", "Bearer " + token)
          .POST(HttpRequest.BodyPublishers.ofString("""
              {"report_type": "daily", "gym_id": "%s", "branch_id": "%s", "date": "2026-03-08",
               "timezone": "America/New_York"}""".formatted(HandMadeLeadDatabase.GYM, HandMadeLeadDatabase.BRANCH)))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(preview.statusCode()).as(preview.body()).isEqualTo(201);
      assertThat(preview.body()).contains("\"status\":\"preview\"").contains("\"report_data\":{");
      HttpResponse<String> anonymous = client.send(
          HttpRequest.newBuilder(URI.create(base + "/api/analytics/reporting/deliveries")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);

      assertThat(serve.terminate()).as(serve.output()).isEqualTo(143);
      assertThat(serve.lines()).anyMatch(line -> line.startsWith("Stopped at ")
          && line.endsWith("requests in progress and the work in hand were finished."));
      assertThat(serve.lines()).noneMatch(line -> line.contains("Exception") || line.contains("pass failed"));
    }
  }
}
