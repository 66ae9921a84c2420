package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        ReportingCli.class.getName(), "serve", "--db", url, "--port", "0", "--poll-interval", "200ms")
        .redirectErrorStream(true);
    builder.environment().remove("REPORTING_DB_URL");
    builder.environment().remove("REPORTING_SMTP_HOST");
    Process process = builder.start();
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        out.lines().forEach(lines::add);
      } catch (java.io.IOException | java.io.UncheckedIOException e) {
        // the process ended
      }
    });
    reader.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      Matcher serving = null;
      while (serving == null && System.nanoTime() < deadline) {
        assertThat(process.isAlive()).as(String.join("\n", lines)).isTrue();
        serving = lines.stream().map(SERVING::matcher).filter(Matcher::matches).findFirst().orElse(null);
        Thread.sleep(50);
      }
      assertThat(serving).as(String.join("\n", lines)).isNotNull();
      String base = "http://127.0.0.1:" + serving.group(1);
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

      assertThat(process.toHandle().destroy()).isTrue();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reader.join(5000);
      assertThat(process.exitValue()).as(String.join("\n", lines)).isEqualTo(143);
      assertThat(lines).anyMatch(line -> line.startsWith("Stopped at ")
          && line.endsWith("requests in progress and the work in hand were finished."));
      assertThat(lines).noneMatch(line -> line.contains("Exception") || line.contains("pass failed"));
    } finally {
      process.destroyForcibly();
    }
  }
}
