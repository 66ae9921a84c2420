package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code reporting subscriptions} and {@code reporting scheduler --once} end to end on the
 * hand-made SQLite database, with a real SMTP server (GreenMail) on loopback. The CLI's clock is
 * 2026-03-11 12:00 UTC unless a test moves it.
 */
class SubscriptionsCommandIT {

  private static final Pattern ADDED = Pattern.compile("Added subscription ([0-9a-f-]{36})");

  @TempDir Path folder;
  private Map<String, String> env;

  @BeforeEach
  void createDatabase() throws Exception {
    String url = "jdbc:sqlite:" + folder.resolve("gyms.db");
    HandMadeLeadDatabase.create(url);
    env = new HashMap<>(Map.of("REPORTING_DB_URL", url));
  }

  private CliRun run(String... args) {
    return CliRun.withEnv(env, args);
  }

  private static String addedId(CliRun run) {
    Matcher matcher = ADDED.matcher(run.out());
    assertThat(matcher.find()).as(run.out() + run.err()).isTrue();
    return matcher.group(1);
  }

  /** A GreenMail SMTP server on a free loopback port, and the CLI's environment pointed at it. */
  private GreenMail startSmtp() throws java.io.IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    env.putAll(Map.of("REPORTING_SMTP_HOST", "127.0.0.1", "REPORTING_SMTP_PORT", Integer.toString(port),
        "REPORTING_SMTP_TLS", "none", "REPORTING_SMTP_FROM", "reports@example.com"));
    return smtp;
  }

  private CliRun addDaily(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("subscriptions", "add", "--type", "daily",
        "--gym-id", HandMadeLeadDatabase.GYM, "--branch-id", HandMadeLeadDatabase.BRANCH, "--method", "email",
        "--recipients", "manager@example.com,owner@example.com", "--time", "08:00",
        "--timezone", "America/New_York", "--name", "Morning numbers"));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void aSubscriptionIsAddedListedShownChangedPausedResumedAndRemoved() {
    CliRun added = addDaily();
    assertThat(added.exitCode()).as(added.err()).isZero();
    String id = addedId(added);
    // Created at 12:00 UTC = 08:00 EDT on 2026-03-11: that run has passed, the next is tomorrow.
    assertThat(added.out())
        .contains("schedule      daily at 08:00 America/New_York")
        .contains("next run      Thu 2026-03-12 08:00 EDT  (2026-03-12 12:00 UTC)")
        .contains("  manager@example.com", "  owner@example.com")
        .contains("email is not configured in this shell");

    assertThat(run("subscriptions", "list").out())
        .contains(id + "  active  daily  gym " + HandMadeLeadDatabase.GYM + " branch " + HandMadeLeadDatabase.BRANCH)
        .contains("email to 2 recipients  daily at 08:00 America/New_York  next 2026-03-12 12:00 UTC")
        .contains("\"Morning numbers\"")
        .contains("Showing 1 of 1");

    CliRun updated = run("subscriptions", "update", id, "--time", "06:45", "--timezone", "Asia/Kolkata");
    assertThat(updated.exitCode()).as(updated.err()).isZero();
    assertThat(updated.out()).contains("next run      Thu 2026-03-12 06:45 IST  (2026-03-12 01:15 UTC)")
        .contains("name          Morning numbers").contains("  owner@example.com");

    assertThat(run("subscriptions", "pause", id).out()).contains(id + "  paused");
    assertThat(run("subscriptions", "next", id).out()).contains("paused: no runs until it is resumed");
    assertThat(run("subscriptions", "list", "--status", "active").out()).contains("No subscriptions yet");
    assertThat(run("subscriptions", "resume", id).out()).contains(id + "  active").contains("next 2026-03-12 01:15 UTC");

    CliRun removed = run("subscriptions", "remove", id);
    assertThat(removed.out()).contains("Removed subscription " + id);
    assertThat(run("subscriptions", "list").out()).contains("No subscriptions yet");
    CliRun gone = run("subscriptions", "show", id);
    assertThat(gone.exitCode()).isEqualTo(2);
    assertThat(gone.err()).contains("ID: no subscription " + id);
  }

  @Test
  void nextShowsEachRunInLocalTimeAndUtcWithThePeriodItDelivers() {
    String id = addedId(run("subscriptions", "add", "--type", "weekly", "--gym-id", HandMadeLeadDatabase.GYM,
        "--method", "email", "--recipients", "owner@example.com", "--time", "09:00", "--days", "mon,thu",
        "--timezone", "Asia/Kathmandu"));

    CliRun next = run("subscriptions", "next", "--count", "3");

    assertThat(next.exitCode()).as(next.err()).isZero();
    assertThat(next.out()).contains(id + "  weekly  Mon,Thu at 09:00 Asia/Kathmandu")
        .contains("  Thu 2026-03-12 09:00 NPT = 2026-03-12 03:15 UTC  delivers 2026-03-02..2026-03-08")
        .contains("  Mon 2026-03-16 09:00 NPT = 2026-03-16 03:15 UTC  delivers 2026-03-09..2026-03-15")
        .contains("  Thu 2026-03-19 09:00 NPT = 2026-03-19 03:15 UTC  delivers 2026-03-09..2026-03-15");
  }

  static Stream<Arguments> badSubscriptions() {
    String gym = HandMadeLeadDatabase.GYM;
    return Stream.of(
        Arguments.of(List.of("--type", "monthly", "--gym-id", gym, "--method", "email", "--recipients", "a@example.com",
            "--time", "08:00"), "--type: unknown report type 'monthly'"),
        Arguments.of(List.of("--type", "daily", "--gym-id", gym, "--method", "email", "--recipients", "a@example.com",
            "--time", "24:00"), "--time: '24:00' is not a time of day from 00:00 to 23:59"),
        Arguments.of(List.of("--type", "daily", "--gym-id", gym, "--method", "email", "--recipients", "a@example.com"),
            "--time: required"),
        Arguments.of(List.of("--type", "daily", "--gym-id", gym, "--method", "email", "--recipients", "a@example.com",
            "--time", "08:00", "--timezone", "Mars/Olympus_Mons"), "--timezone: unknown time zone"),
        Arguments.of(List.of("--type", "daily", "--gym-id", gym, "--method", "email", "--recipients", "ops@localhost",
            "--time", "08:00"), "--recipients: recipient 1: 'ops@localhost' is not a valid email address"),
        Arguments.of(List.of("--type", "daily", "--gym-id", gym, "--method", "email", "--time", "08:00"),
            "--recipients: required"),
        Arguments.of(List.of("--type", "daily", "--gym-id", gym, "--method", "slack",
            "--recipients", "http://hooks.slack.com/services/T/B/secret", "--time", "08:00"), "--recipients: recipient 1:"),
        Arguments.of(List.of("--type", "daily", "--gym-id", gym, "--method", "slack",
            "--recipients", "https://evil.example/services/T/B/secret", "--time", "08:00"), "--recipients: recipient 1:"),
        Arguments.of(List.of("--type", "daily", "--gym-id", gym, "--method", "fax", "--recipients", "a@example.com",
            "--time", "08:00"), "--method: unknown delivery method 'fax'"),
        Arguments.of(List.of("--type", "weekly", "--gym-id", gym, "--method", "email", "--recipients", "a@example.com",
            "--time", "08:00"), "--days: required for weekly reports"),
        Arguments.of(List.of("--type", "weekly", "--gym-id", gym, "--method", "email", "--recipients", "a@example.com",
            "--time", "08:00", "--days", "mon,funday"), "--days: 'funday' is not a day of the week"),
        Arguments.of(List.of("--type", "daily", "--gym-id", "gym-1", "--method", "email", "--recipients", "a@example.com",
            "--time", "08:00"), "--gym-id: 'gym-1' is not a UUID"),
        Arguments.of(List.of("--type", "learning-daily", "--gym-id", gym, "--method", "email",
            "--recipients", "a@example.com", "--time", "08:00"), "--gym-id: learning-daily reports are not scoped"),
        Arguments.of(List.of("--type", "daily", "--gym-id", gym, "--method", "email", "--recipients", "a@example.com",
            "--time", "08:00", "--template-id", "00000000-0000-4000-8000-000000000000"), "--template-id: no template"));
  }

  @ParameterizedTest
  @MethodSource("badSubscriptions")
  void badInputExitsWithTwoNamingTheOptionAndStoresNothing(List<String> options, String message) {
    List<String> args = new java.util.ArrayList<>(List.of("subscriptions", "add"));
    args.addAll(options);

    CliRun bad = run(args.toArray(String[]::new));

    assertThat(bad.exitCode()).as(bad.out() + bad.err()).isEqualTo(2);
    assertThat(bad.err()).startsWith("error: " + message).doesNotContain("secret");
    assertThat(bad.err().lines()).hasSize(1);
    assertThat(run("subscriptions", "list").out()).contains("No subscriptions yet");
  }

  @Test
  void theSchedulerDeliversADueSubscriptionOnceAndRecordsTheRun() throws Exception {
    GreenMail smtp = startSmtp();
    try {
      String id = addedId(addDaily());
      Clock beforeDue = Clock.fixed(Instant.parse("2026-03-12T11:59:00Z"), ZoneOffset.UTC);
      Clock due = Clock.fixed(Instant.parse("2026-03-12T12:00:30Z"), ZoneOffset.UTC);

      CliRun early = CliRun.at(beforeDue, env, "scheduler", "--once");
      assertThat(early.exitCode()).as(early.err()).isZero();
      assertThat(early.out()).contains("One pass done; 1 active subscription.").doesNotContain("delivered");
      assertThat(smtp.getReceivedMessages()).isEmpty();

      CliRun pass = CliRun.at(due, env, "scheduler", "--once");
      assertThat(pass.exitCode()).as(pass.err()).isZero();
      assertThat(pass.out()).contains("subscription " + id + "  2026-03-11  delivered  delivery ");
      assertThat(smtp.getReceivedMessages()).hasSize(2);

      // Run again at the same time (a second instance, a restart): nothing more is sent.
      CliRun again = CliRun.at(due, env, "scheduler", "--once");
      assertThat(again.out()).doesNotContain("delivered");
      assertThat(smtp.getReceivedMessages()).hasSize(2);

      CliRun shown = CliRun.at(due, env, "subscriptions", "show", id);
      assertThat(shown.out()).contains("last run      delivered  period 2026-03-11  due 2026-03-12 12:00 UTC")
          .contains("next run      Fri 2026-03-13 08:00 EDT  (2026-03-13 12:00 UTC)");
      assertThat(run("deliveries", "list").out()).contains("sent  daily 2026-03-11  email to 2 recipients");
    } finally {
      smtp.stop();
    }
  }


  @Test
  void aSubscriptionWithATemplateIsEmailedWithThatTemplatesPageAndSubject() throws Exception {
    GreenMail smtp = startSmtp();
    try {
      Path page = folder.resolve("owner.mustache");
      java.nio.file.Files.writeString(page, "<h1>Owner page</h1><p>{{calls.total}} calls on {{period.start}}</p>");
      CliRun template = run("templates", "add", "--name", "Owner page", "--type", "daily", "--file", page.toString(),
          "--gym-id", HandMadeLeadDatabase.GYM, "--subject", "Yesterday, for the owner");
      assertThat(template.exitCode()).as(template.err()).isZero();
      String templateId = template.out().lines().filter(l -> l.matches(".*[0-9a-f]{8}-[0-9a-f-]{27}.*")).findFirst()
          .map(l -> l.replaceAll(".*?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}).*", "$1"))
          .orElseThrow();
      addedId(addDaily("--template-id", templateId));

      CliRun pass = CliRun.at(Clock.fixed(Instant.parse("2026-03-12T12:00:30Z"), ZoneOffset.UTC), env,
          "scheduler", "--once");

      assertThat(pass.exitCode()).as(pass.err()).isZero();
      assertThat(smtp.getReceivedMessages()).hasSize(2).allSatisfy(message -> {
        assertThat(message.getSubject()).isEqualTo("Yesterday, for the owner");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(message)).contains("Owner page");
      });
    } finally {
      smtp.stop();
    }
  }
  @Test
  void schedulerOptionsAreCheckedBeforeAnythingRuns() {
    CliRun badCatchUp = run("scheduler", "--once", "--catch-up", "all");
    assertThat(badCatchUp.exitCode()).isEqualTo(2);
    assertThat(badCatchUp.err()).contains("--catch-up: 'all' is not latest or none");
    CliRun badInterval = run("scheduler", "--poll-interval", "soon");
    assertThat(badInterval.exitCode()).isEqualTo(2);
    assertThat(badInterval.err()).contains("--poll-interval: 'soon' is not a duration");
  }
}
