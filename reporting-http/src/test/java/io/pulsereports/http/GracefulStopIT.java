package io.pulsereports.http;

import static io.pulsereports.http.ApiServer.BRANCH_A1;
import static io.pulsereports.http.ApiServer.GYM_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.port.out.LeadActivityPort;
import io.pulsereports.http.ApiServer.Response;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping lets a request in progress finish, refuses new ones, then closes the port. */
class GracefulStopIT {

  @Test
  void aRequestInProgressFinishesAndTheStoredPreviewIsComplete(@TempDir Path folder) throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    LeadActivityPort[] real = new LeadActivityPort[1];
    try (ApiServer api = new ApiServer(folder, port -> {
      real[0] = port;
      return (scope, period) -> {
        reading.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return real[0].loadLeadActivity(scope, period);
      };
    })) {
      String token = api.token(GYM_A);
      int port = api.server.port();
      String path = "/api/analytics/reporting/generate";
      CompletableFuture<Response> inProgress = CompletableFuture.supplyAsync(() -> api.post(token, path, """
          {"report_type": "daily", "gym_id": "%s", "branch_id": "%s", "date": "2026-02-26"}
          """.formatted(GYM_A, BRANCH_A1)));
      assertThat(reading.await(30, TimeUnit.SECONDS)).as("the request reached the database").isTrue();

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(api.server::stop);
      Thread.sleep(300);
      assertThat(stopping).as("stop waits for the request in progress").isNotDone();
      Response refused = api.get(token, "/api/analytics/reporting/deliveries");
      assertThat(refused.status()).as("new requests are refused while stopping").isEqualTo(503);
      assertThat(refused.json().path("error").asText()).isEqualTo("unavailable");

      release.countDown();
      Response finished = inProgress.get(30, TimeUnit.SECONDS);
      assertThat(finished.status()).as(finished.body()).isEqualTo(201);
      stopping.get(30, TimeUnit.SECONDS);
      assertThat(api.stored().deliveries()).isEqualTo(1);
      assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", port).close())
          .as("the port is closed")
          .isInstanceOf(java.net.ConnectException.class);
    }
  }
}
