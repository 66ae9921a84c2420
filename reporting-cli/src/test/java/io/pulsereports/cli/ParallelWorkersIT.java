package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.pulsereports.core.Reporting;
import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryQuery;
import io.pulsereports.core.delivery.DeliveryStatus;
import io.pulsereports.core.delivery.RetryPolicy;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.core.port.in.SendReportCommand;
import io.pulsereports.delivery.email.EmailDelivery;
import io.pulsereports.delivery.email.SmtpSettings;
import io.pulsereports.persistence.jdbc.JdbcPersistence;
import io.pulsereports.render.mustache.MustacheMessageRenderer;
import io.pulsereports.render.mustache.MustacheReportRenderer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two workers, each with its own connection pool, run the same due deliveries at once against one
 * real PostgreSQL and one real SMTP server: every delivery arrives exactly once.
 */
class ParallelWorkersIT {

  private static final int DELIVERIES = 60;

  @Test
  void twoWorkersRetryingTheSameDueDeliveriesAtOnceSendEachExactlyOnce() throws Exception {
    String url = PostgresServer.newDatabaseUrl("parallel");
    HandMadeLeadDatabase.create(url);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    SmtpSettings smtp = SmtpSettings.fromEnvironment(Map.of(
        "REPORTING_SMTP_HOST", "127.0.0.1", "REPORTING_SMTP_PORT", Integer.toString(port),
        "REPORTING_SMTP_TLS", "none", "REPORTING_SMTP_FROM", "reports@example.com"));
    RetryPolicy immediate = new RetryPolicy(5, Duration.ZERO, 2.0, Duration.ZERO, 0.0);

    // With the SMTP server down, every delivery's first attempt fails: all are due for retry.
    try (Worker setup = new Worker(url, smtp, immediate, "setup")) {
      for (int i = 0; i < DELIVERIES; i++) {
        LocalDate day = LocalDate.parse("2026-01-01").plusDays(i);
        Delivery delivery = setup.reporting.send(SendReportCommand.adHoc(
            GenerateReportCommand.builder("daily").gymId(HandMadeLeadDatabase.GYM).date(day.toString()).build(),
            "email", List.of("manager@example.com"))).delivery();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.RETRYING);
      }
    }

    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    try (Worker a = new Worker(url, smtp, immediate, "worker-a");
        Worker b = new Worker(url, smtp, immediate, "worker-b")) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Delivery>>> runs = new ArrayList<>();
      for (Worker worker : List.of(a, b)) {
        Callable<List<Delivery>> run = () -> {
          start.await();
          List<Delivery> mine = new ArrayList<>();
          List<Delivery> batch;
          do {
            batch = worker.reporting.runDueDeliveries(5).attempted();
            mine.addAll(batch);
          } while (!batch.isEmpty());
          return mine;
        };
        runs.add(pool.submit(run));
      }
      start.countDown();
      List<Delivery> byA = runs.get(0).get();
      List<Delivery> byB = runs.get(1).get();
      pool.shutdown();

      assertThat(byA.size() + byB.size()).isEqualTo(DELIVERIES);
      assertThat(byA).extracting(Delivery::id).doesNotContainAnyElementsOf(byB.stream().map(Delivery::id).toList());

      List<Delivery> all = a.reporting.listDeliveries(DeliveryQuery.latest(DeliveryQuery.MAX_LIMIT)).items();
      assertThat(all).hasSize(DELIVERIES).allSatisfy(d -> {
        assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(d.attemptCount()).isEqualTo(2);
      });
      MimeMessage[] received = server.getReceivedMessages();
      assertThat(received).hasSize(DELIVERIES);
      Map<String, Long> subjects = Arrays.stream(received)
          .collect(Collectors.groupingBy(ParallelWorkersIT::subject, Collectors.counting()));
      assertThat(subjects).hasSize(DELIVERIES).allSatisfy((subject, count) -> assertThat(count).isEqualTo(1));
    } finally {
      server.stop();
    }
  }

  private static String subject(Message message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One process's worth of the library: its own pool, deliverer and worker name. */
  private static final class Worker implements AutoCloseable {
    final JdbcPersistence database;
    final EmailDelivery email;
    final Reporting reporting;

    Worker(String url, SmtpSettings smtp, RetryPolicy policy, String name) {
      database = JdbcPersistence.fromUrl(url);
      database.migrate();
      email = EmailDelivery.smtp(smtp);
      MustacheReportRenderer renderer = MustacheReportRenderer.create();
      reporting = Reporting.builder()
          .clock(CliRun.CLOCK)
          .leadActivity(database.leadActivity())
          .delivery(database.deliveries(), renderer, MustacheMessageRenderer.of(renderer))
          .deliverer(email)
          .retryPolicy(policy)
          .workerId(name)
          .build();
    }

    @Override
    public void close() {
      email.close();
      database.close();
    }
  }
}
