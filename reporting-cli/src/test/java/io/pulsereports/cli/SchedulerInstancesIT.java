package io.pulsereports.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.pulsereports.core.ReportScheduler;
import io.pulsereports.core.Reporting;
import io.pulsereports.core.delivery.Delivery;
import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.DeliveryEnvelope;
import io.pulsereports.core.delivery.DeliveryMethod;
import io.pulsereports.core.delivery.DeliveryQuery;
import io.pulsereports.core.delivery.DeliveryStatus;
import io.pulsereports.core.delivery.RetryPolicy;
import io.pulsereports.core.delivery.SendResult;
import io.pulsereports.core.port.in.SubscriptionFields;
import io.pulsereports.core.port.out.ReportDeliverer;
import io.pulsereports.core.schedule.ScheduledRun;
import io.pulsereports.core.schedule.SchedulerSettings;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.schedule.SubscriptionQuery;
import io.pulsereports.delivery.email.EmailDelivery;
import io.pulsereports.delivery.email.SmtpSettings;
import io.pulsereports.delivery.slack.SlackDelivery;
import io.pulsereports.delivery.slack.SlackSettings;
import io.pulsereports.persistence.jdbc.JdbcPersistence;
import io.pulsereports.render.mustache.MustacheMessageRenderer;
import io.pulsereports.render.mustache.MustacheReportRenderer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two scheduler instances, each with its own connection pool and deliverers, share one real
 * PostgreSQL with 200 subscriptions (four time zones, daily and weekly, email and Slack) over a
 * simulated week that includes the US spring-forward change. Midweek one instance is killed in the
 * middle of a pass; the other takes its work over. Every (subscription, period) reaches the
 * loopback SMTP and webhook servers exactly once.
 */
class SchedulerInstancesIT {

  private static final int SUBSCRIPTIONS = 200;
  private static final Instant WEEK_START = Instant.parse("2026-03-02T00:00:00Z");
  private static final Instant WEEK_END = Instant.parse("2026-03-09T12:00:00Z");
  private static final Duration STEP = Duration.ofMinutes(20);
  /** Wednesday 13:00 UTC: 08:00 in New York, when a quarter of the subscriptions are due. */
  private static final Instant KILL_AT = Instant.parse("2026-03-04T13:00:00Z");

  /** A clock both instances read, moved by the test. */
  static final class SimulatedClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(WEEK_START);

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  /** How a killed process stops: mid-call, without another write. Not an exception anyone catches. */
  static final class Killed extends Error {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void twoInstancesDeliverEverySubscriptionPeriodOnceAndOneTakesOverFromTheOtherKilledMidRun() throws Exception {
    String url = PostgresServer.newDatabaseUrl("scheduler_instances");
    HandMadeLeadDatabase.create(url);
    SimulatedClock clock = new SimulatedClock();
    int smtpPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      smtpPort = socket.getLocalPort();
    }
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, AtomicInteger> webhookPosts = new ConcurrentHashMap<>();
    HttpServer slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    slack.createContext("/services/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      webhookPosts.computeIfAbsent(exchange.getRequestURI().getPath(), k -> new AtomicInteger()).incrementAndGet();
      exchange.sendResponseHeaders(200, 2);
      exchange.getResponseBody().write("ok".getBytes(UTF_8));
      exchange.close();
    });
    slack.start();
    String webhookBase = "http://127.0.0.1:" + slack.getAddress().getPort() + "/services/T0001/B0001/";
    SmtpSettings smtpSettings = SmtpSettings.fromEnvironment(Map.of(
        "REPORTING_SMTP_HOST", "127.0.0.1", "REPORTING_SMTP_PORT", Integer.toString(smtpPort),
        "REPORTING_SMTP_TLS", "none", "REPORTING_SMTP_FROM", "reports@example.com"));

    AtomicBoolean killRequested = new AtomicBoolean();
    try (Instance a = new Instance(url, clock, smtpSettings, "instance-a", killRequested);
        Instance b = new Instance(url, clock, smtpSettings, "instance-b", new AtomicBoolean())) {
      List<Subscription> subscriptions = new ArrayList<>();
      for (int i = 0; i < SUBSCRIPTIONS; i++) {
        subscriptions.add(a.reporting.createSubscription(subscription(i, webhookBase)));
      }

      ExecutorService threads = Executors.newFixedThreadPool(2);
      boolean aAlive = true;
      int takenOver = 0;
      try {
        while (clock.instant().isBefore(WEEK_END)) {
          clock.now.set(clock.instant().plus(STEP));
          if (clock.instant().equals(KILL_AT)) {
            killRequested.set(true);
          }
          Future<?> byA = aAlive ? threads.submit(a.scheduler::runOnce) : null;
          Future<?> byB = threads.submit(b.scheduler::runOnce);
          byB.get();
          if (byA != null) {
            try {
              byA.get();
            } catch (java.util.concurrent.ExecutionException e) {
              assertThat(e.getCause()).isInstanceOf(Killed.class);
              aAlive = false;
              a.close();
              // What a held when it died: leased subscriptions and deliveries, taken over at the next pass.
              takenOver = heldBy(b, "instance-a");
            }
          }
        }
      } finally {
        threads.shutdownNow();
      }

      assertThat(aAlive).as("instance a was killed midweek").isFalse();
      assertThat(takenOver).as("work instance a held when it was killed").isPositive();
      assertThat(a.sendsBeforeKill.get()).as("instance a delivered before it was killed").isPositive();

      // Every expected (subscription, period) is in the log once, sent.
      Set<String> expected = new HashSet<>();
      Map<String, Integer> expectedPostsPerWebhook = new java.util.HashMap<>();
      for (Subscription s : subscriptions) {
        Set<String> periods = new HashSet<>();
        for (ScheduledRun run : s.schedule().runsBetween(s.createdAt(), WEEK_END)) {
          periods.add(run.period().startDate() + ".." + run.period().endDate());
        }
        periods.forEach(period -> expected.add(s.id() + " " + period));
        if (s.method() == DeliveryMethod.SLACK) {
          expectedPostsPerWebhook.put(java.net.URI.create(s.recipients().get(0)).getPath(), periods.size());
        }
      }
      List<Delivery> log = allDeliveries(b.reporting);
      assertThat(log).allSatisfy(d -> assertThat(d.status()).as(d.id() + " " + d.lastError()).isEqualTo(DeliveryStatus.SENT));
      assertThat(log.stream().map(d -> d.subscriptionId().orElseThrow() + " " + d.period().startDate() + ".."
          + d.period().endDate()).toList()).containsExactlyInAnyOrderElementsOf(expected);

      // And reached the servers once: one email per (recipient, subject), one post per (webhook, period).
      long emailDeliveries = log.stream().filter(d -> d.method() == DeliveryMethod.EMAIL).count();
      MimeMessage[] received = smtp.getReceivedMessages();
      Map<String, Long> perRecipientAndSubject = java.util.Arrays.stream(received)
          .collect(Collectors.groupingBy(SchedulerInstancesIT::recipientAndSubject, Collectors.counting()));
      assertThat(received).hasSize((int) emailDeliveries);
      assertThat(perRecipientAndSubject).hasSize((int) emailDeliveries)
          .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
      assertThat(webhookPosts.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get())))
          .isEqualTo(expectedPostsPerWebhook);

      System.out.printf("SchedulerInstancesIT: %d subscriptions, %d (subscription, period) deliveries: %d emails,"
          + " %d webhook posts; instance a sent %d before it was killed holding %d claims%n", SUBSCRIPTIONS, log.size(),
          received.length, webhookPosts.values().stream().mapToInt(AtomicInteger::get).sum(), a.sendsBeforeKill.get(),
          takenOver);

      // Every subscription's last run is on record.
      List<Subscription> after = b.reporting.listSubscriptions(SubscriptionQuery.all(SubscriptionQuery.MAX_LIMIT)).items();
      assertThat(after).hasSize(SUBSCRIPTIONS).allSatisfy(s -> {
        assertThat(s.lease()).isEmpty();
        assertThat(s.lastRun()).isPresent();
        assertThat(s.nextRunAt()).hasValueSatisfying(next -> assertThat(next).isAfter(WEEK_END));
      });
    } finally {
      slack.stop(0);
      smtp.stop();
    }
  }

  /** Four kinds, fifty each, with a recipient of its own so arrivals can be counted per subscription. */
  private static SubscriptionFields subscription(int i, String webhookBase) {
    SubscriptionFields.Builder fields = SubscriptionFields.builder().name(Optional.of("subscription " + i))
        .gymId(Optional.of(HandMadeLeadDatabase.GYM));
    switch (i % 4) {
      case 0 -> fields.reportType("daily").branchId(Optional.of(HandMadeLeadDatabase.BRANCH))
          .deliveryMethod("email").recipients(List.of("manager-" + i + "@example.com"))
          .deliveryTime("08:00").timezone(Optional.of("America/New_York"));
      case 1 -> fields.reportType("daily").deliveryMethod("slack").recipients(List.of(webhookBase + "hook" + i))
          .deliveryTime("07:30").timezone(Optional.of("Asia/Kolkata"));
      case 2 -> fields.reportType("weekly").deliveryMethod("email").recipients(List.of("owner-" + i + "@example.com"))
          .deliveryTime("09:00").deliveryDays(List.of("mon", "thu")).timezone(Optional.of("Asia/Kathmandu"));
      default -> fields.reportType("daily").branchId(Optional.of(HandMadeLeadDatabase.BRANCH))
          .deliveryMethod("email").recipients(List.of("ops-" + i + "@example.com"))
          .deliveryTime(String.format("%02d:%02d", 6 + i % 12, (i * 7) % 60))
          .deliveryDays(List.of("mon", "tue", "wed", "thu", "fri")).timezone(Optional.of("Europe/Berlin"));
    }
    return fields.build();
  }

  private static int heldBy(Instance survivor, String owner) {
    long subscriptions = survivor.reporting.listSubscriptions(SubscriptionQuery.all(SubscriptionQuery.MAX_LIMIT))
        .items().stream().filter(s -> s.lease().map(l -> l.owner().equals(owner)).orElse(false)).count();
    long deliveries = allDeliveries(survivor.reporting).stream()
        .filter(d -> d.lease().map(l -> l.owner().equals(owner)).orElse(false)).count();
    return (int) (subscriptions + deliveries);
  }

  private static List<Delivery> allDeliveries(Reporting reporting) {
    List<Delivery> all = new ArrayList<>();
    for (int offset = 0; ; offset += DeliveryQuery.MAX_LIMIT) {
      List<Delivery> page = reporting.listDeliveries(new DeliveryQuery(Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), DeliveryQuery.MAX_LIMIT, offset)).items();
      all.addAll(page);
      if (page.size() < DeliveryQuery.MAX_LIMIT) {
        return all;
      }
    }
  }

  private static String recipientAndSubject(Message message) {
    try {
      return message.getAllRecipients()[0] + " " + message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One process's worth of the library: its own pool, deliverers, worker name and scheduler. */
  private static final class Instance implements AutoCloseable {
    final JdbcPersistence database;
    final EmailDelivery email;
    final SlackDelivery slack;
    final Reporting reporting;
    final ReportScheduler scheduler;
    final AtomicInteger sendsBeforeKill = new AtomicInteger();
    private final AtomicInteger sendsSinceKill = new AtomicInteger();
    private boolean closed;

    Instance(String url, Clock clock, SmtpSettings smtp, String name, AtomicBoolean killRequested) {
      database = JdbcPersistence.fromUrl(url);
      database.migrate();
      email = EmailDelivery.smtp(smtp);
      slack = SlackDelivery.webhooks(SlackSettings.defaults().withAllowedHosts("127.0.0.1").allowingLoopbackHttp());
      MustacheReportRenderer renderer = MustacheReportRenderer.create();
      Function<ReportDeliverer, ReportDeliverer> killable = deliverer -> new KillableDeliverer(deliverer, () -> {
        // Killed on the third send after the kill is requested: in the middle of a pass, holding
        // claimed subscriptions and deliveries, before that message reaches the server.
        if (killRequested.get() && sendsSinceKill.incrementAndGet() >= 3) {
          throw new Killed();
        }
        sendsBeforeKill.incrementAndGet();
      });
      reporting = Reporting.builder()
          .clock(clock)
          .leadActivity(database.leadActivity())
          .delivery(database.deliveries(), renderer, MustacheMessageRenderer.of(renderer))
          .deliverer(killable.apply(email))
          .deliverer(killable.apply(slack))
          .subscriptions(database.subscriptions())
          .retryPolicy(new RetryPolicy(5, Duration.ofMinutes(1), 2.0, Duration.ofMinutes(10), 0.0))
          .workerId(name)
          .lease(Duration.ofMinutes(5))
          .schedulerSettings(SchedulerSettings.defaults().withBatchSize(10))
          .build();
      scheduler = reporting.scheduler(new ReportScheduler.Listener() {});
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        email.close();
        slack.close();
        database.close();
      }
    }
  }

  /** A deliverer that runs a check before each send; the check may kill the instance. */
  private record KillableDeliverer(ReportDeliverer delegate, Runnable beforeSend) implements ReportDeliverer {
    @Override
    public DeliveryMethod method() {
      return delegate.method();
    }

    @Override
    public Optional<String> recipientProblem(String recipient) {
      return delegate.recipientProblem(recipient);
    }

    @Override
    public String redact(String recipient) {
      return delegate.redact(recipient);
    }

    @Override
    public SendResult send(DeliveryContent content, String recipient, DeliveryEnvelope envelope) {
      beforeSend.run();
      return delegate.send(content, recipient, envelope);
    }
  }
}
