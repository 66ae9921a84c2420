package io.pulsereports.cli;

import static io.pulsereports.cli.ConversionsLearningDatabase.D;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulsereports.cli.ConversionsLearningDatabase.Trigger;
import io.pulsereports.cli.OfferMails.Mail;
import io.pulsereports.core.conversion.ConversionTrigger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reporting conversions} end to end on a hand-made SQLite learning database and a real SMTP
 * server (GreenMail) on loopback. D is 2026-03-10 in UTC; the clock says 2026-03-11 12:00 UTC.
 */
class ConversionsCommandIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String SUBJECT = "Your confidence streak unlocked 25% off Executive coaching";

  @TempDir Path folder;
  private String url;
  private OfferMails mails;

  @BeforeEach
  void createDatabase() throws Exception {
    url = "jdbc:sqlite:" + folder.resolve("coach.db");
    ConversionsLearningDatabase.create(url, true);
    mails = new OfferMails();
  }

  @AfterEach
  void stopSmtp() {
    mails.close();
  }

  static CliRun conversions(Map<String, String> env, String... options) {
    List<String> args = new ArrayList<>(List.of("conversions", "--date", D, "--timezone", "UTC"));
    args.addAll(List.of(options));
    return CliRun.withEnv(env, args.toArray(String[]::new));
  }

  static String id(String user) {
    return ConversionTrigger.idFor("executive_offer", user, LocalDate.parse(D));
  }

  @Test
  void listingShowsTheCandidatesAndWritesAndSendsNothing() throws Exception {
    mails.start();

    CliRun run = conversions(mails.env(url));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("""
        Conversion candidates of Tue 10 Mar 2026 (UTC): free users with 3+ sessions in a row scoring above 8.0 \
        in the 14 days to that day, not offered in the last 30 days.
        user_id  email             sessions  avg_score  outcome
        cy       -                        3        9.9  listed
        anna     anna@example.com         4        9.0  listed
        bo       bo@example.com           3        8.6  listed
        3 candidates. Listed only: --send-offers records a trigger and emails each the offer (--dry-run shows what it would send).
        """);
    assertThat(ConversionsLearningDatabase.triggers(url)).extracting(Trigger::triggerId).containsExactly("app-eve");
    assertThat(mails.received()).isEmpty();
    // Listing needs no SMTP server.
    CliRun bare = CliRun.withEnv(Map.of("REPORTING_DB_URL", url), "conversions", "--date", D);
    assertThat(bare.exitCode()).as(bare.err()).isZero();
    assertThat(bare.out()).contains("3 candidates.");
  }

  @Test
  void aDryRunShowsWhatWouldBeSentAndWritesAndSendsNothing() throws Exception {
    mails.start();

    CliRun run = conversions(mails.env(url), "--send-offers", "--dry-run");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("cy       -                        3        9.9  not sent: no email address")
        .contains("anna     anna@example.com         4        9.0  would send: \"" + SUBJECT + "\"")
        .contains("Dry run, 3 candidates: 2 would be sent, 0 already sent, 1 without a usable email."
            + " Nothing was written or sent.");
    assertThat(ConversionsLearningDatabase.triggers(url)).extracting(Trigger::triggerId).containsExactly("app-eve");
    assertThat(mails.received()).isEmpty();
  }

  @Test
  void sendingOffersEmailsEachCandidateTheOfferAndRecordsOneTriggerEach() throws Exception {
    mails.start();

    CliRun run = conversions(mails.env(url), "--send-offers");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("anna     anna@example.com         4        9.0  sent\n")
        .contains("bo       bo@example.com           3        8.6  sent\n")
        .contains("3 candidates: 2 sent, 0 already sent, 0 failed, 1 without a usable email.");
    List<Mail> received = mails.received();
    assertThat(received).extracting(Mail::to, Mail::subject)
        .containsExactly(tuple("anna@example.com", SUBJECT), tuple("bo@example.com", SUBJECT));
    Mail anna = received.get(0);
    // 149.00 EUR at 25 % off, valid 10 days from the day it is sent (2026-03-11).
    for (String part : List.of(anna.html(), anna.text())) {
      assertThat(part).contains("Hi Anna").contains("EUR 111.75").contains("EUR 149.00").contains("25% off")
          .contains("you save EUR 37.25").contains("Offer valid until Sat 21 Mar 2026")
          .contains("Your last 4 coaching sessions all scored above 8.0").contains("9.0 on average")
          .contains("9.5 · 9.0 · 8.5 · 9.0");
    }
    assertThat(anna.html()).contains("href=\"https://coach.example.com/upgrade?offer&#61;" + id("anna") + "\"");
    assertThat(anna.text()).contains("https://coach.example.com/upgrade?offer=" + id("anna"));
    assertThat(anna.messageId()).startsWith("<" + id("anna") + ".");

    List<Trigger> triggers = ConversionsLearningDatabase.triggers(url);
    assertThat(triggers).extracting(Trigger::userId, Trigger::triggerId, Trigger::type, Trigger::sent)
        .containsExactly(
            tuple("anna", id("anna"), "executive_offer", true),
            tuple("bo", id("bo"), "executive_offer", true),
            tuple("cy", id("cy"), "executive_offer", false),
            tuple("eve", "app-eve", "executive_offer", true));
    Trigger annaTrigger = triggers.get(0);
    // D is over: the trigger belongs to D, at its last second.
    assertThat(annaTrigger.triggeredAt()).isEqualTo(Instant.parse("2026-03-10T23:59:59Z"));
    assertThat(JSON.readTree(annaTrigger.scores())).isEqualTo(JSON.readTree("[9.5, 9.0, 8.5, 9.0]"));
    JsonNode conditions = JSON.readTree(annaTrigger.conditions());
    assertThat(conditions).isEqualTo(JSON.readTree("{\"min_sessions\": 3, \"min_confidence\": 8.0,"
        + " \"consecutive_required\": true, \"window_days\": 14, \"streak\": 4, \"avg_score\": 9.0}"));
    assertThat(JSON.readTree(triggers.get(1).conditions()).get("avg_score").asDouble()).isCloseTo(8.6, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void runningItAgainTheSameDaySendsAndRecordsNothingNewAndTheReportExcludesThoseUsers() throws Exception {
    mails.start();
    Map<String, String> env = mails.env(url);
    conversions(env, "--send-offers");
    List<Trigger> afterFirst = ConversionsLearningDatabase.triggers(url);

    CliRun again = conversions(env, "--send-offers");

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out())
        .contains("anna     anna@example.com         4        9.0  already sent (no longer a candidate)")
        .contains("bo       bo@example.com           3        8.6  already sent (no longer a candidate)")
        .contains("1 candidate: 0 sent, 0 already sent, 0 failed, 1 without a usable email;"
            + " 2 more already sent the offer for Tue 10 Mar 2026 (UTC).");
    assertThat(mails.received()).hasSize(2);
    assertThat(ConversionsLearningDatabase.triggers(url)).isEqualTo(afterFirst);

    CliRun report = CliRun.withEnv(env, "generate", "--type", "learning-daily", "--date", D, "--timezone", "UTC",
        "--format", "json", "--out", "-");
    assertThat(report.exitCode()).as(report.err()).isZero();
    JsonNode conversion = JSON.readTree(report.out()).path("conversion");
    assertThat(conversion.path("candidates").findValuesAsText("user_id")).containsExactly("cy");
    // The report quotes the same offer as the emails.
    assertThat(conversion.path("offer_price").decimalValue()).isEqualByComparingTo("149.00");
    assertThat(conversion.path("currency").asText()).isEqualTo("EUR");
  }

  @Test
  void withTheSmtpServerDownTheTriggerStaysUnsentAndALaterRunSendsExactlyTheMissingOffer() throws Exception {
    Map<String, String> env = mails.env(url);
    mails.start();
    conversions(env, "--send-offers");
    mails.stop();
    ConversionsLearningDatabase.user(url, "gus", "gus@example.com", "free");
    ConversionsLearningDatabase.session(url, "g1", "gus", "2026-03-10 08:00:00", 9.2);
    ConversionsLearningDatabase.session(url, "g2", "gus", "2026-03-09 08:00:00", 9.2);
    ConversionsLearningDatabase.session(url, "g3", "gus", "2026-03-08 08:00:00", 9.2);

    CliRun down = conversions(env, "--send-offers");

    assertThat(down.exitCode()).isEqualTo(1);
    assertThat(down.out()).contains("gus      gus@example.com          3        9.2  send failed: ")
        .contains("2 candidates: 0 sent, 0 already sent, 1 failed, 1 without a usable email;")
        .contains("run the command again to send them");
    assertThat(ConversionsLearningDatabase.triggers(url)).filteredOn(t -> t.userId().equals("gus"))
        .extracting(Trigger::triggerId, Trigger::sent).containsExactly(tuple(id("gus"), false));

    mails.start();
    CliRun up = conversions(env, "--send-offers");

    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(up.out()).contains("gus      gus@example.com          3        9.2  sent (again: the earlier send had not gone through)");
    assertThat(mails.recipients()).containsExactly("gus@example.com");
    assertThat(ConversionsLearningDatabase.triggers(url)).extracting(Trigger::userId, Trigger::sent)
        .containsExactly(tuple("anna", true), tuple("bo", true), tuple("cy", false), tuple("eve", true),
            tuple("gus", true));
  }

  @Test
  void badInputIsOneLineNamingTheOptionOrVariableAndNothingIsWrittenOrSent() throws Exception {
    mails.start();
    Map<String, String> env = mails.env(url);
    Map<String, String> badPrice = new HashMap<>(env);
    badPrice.put("REPORTING_OFFER_PRICE", "lots");
    Map<String, String> badDiscount = new HashMap<>(env);
    badDiscount.put("REPORTING_OFFER_DISCOUNT_PERCENT", "100");
    Map<String, String> badCurrency = new HashMap<>(env);
    badCurrency.put("REPORTING_OFFER_CURRENCY", "DOLLARS");
    Map<String, String> noSmtp = Map.of("REPORTING_DB_URL", url);

    Map<CliRun, String> expected = new java.util.LinkedHashMap<>();
    expected.put(CliRun.withEnv(env, "conversions", "--date", "2026-02-30", "--send-offers"),
        "error: --date: '2026-02-30' is not a date (expected YYYY-MM-DD)");
    expected.put(CliRun.withEnv(env, "conversions", "--timezone", "Mars/Base", "--send-offers"),
        "error: --timezone: unknown time zone 'Mars/Base'");
    expected.put(CliRun.withEnv(env, "conversions", "--date", "2026-03-12", "--send-offers"),
        "error: --date: 2026-03-12 is after today (2026-03-11 in UTC)");
    expected.put(conversions(badPrice, "--send-offers"), "error: REPORTING_OFFER_PRICE: 'lots' is not an amount");
    expected.put(conversions(badDiscount, "--send-offers"),
        "error: REPORTING_OFFER_DISCOUNT_PERCENT: '100' is not a whole number from 0 to 99");
    expected.put(conversions(badCurrency), "error: REPORTING_OFFER_CURRENCY: 'DOLLARS' is not an ISO 4217");
    expected.put(conversions(noSmtp, "--send-offers"),
        "error: --send-offers: emails the offers, so it needs an SMTP server: set REPORTING_SMTP_HOST and REPORTING_SMTP_FROM");
    expected.put(conversions(noSmtp, "--dry-run"), "error: --dry-run: emails the offers");

    expected.forEach((run, message) -> {
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).startsWith(message);
      assertThat(run.err().lines()).hasSize(1);
      assertThat(run.out()).isEmpty();
    });
    assertThat(ConversionsLearningDatabase.triggers(url)).extracting(Trigger::triggerId).containsExactly("app-eve");
    assertThat(mails.received()).isEmpty();
  }

  @Test
  void withoutAConversionTriggersTableListingWorksAndSendingSaysHowToCreateIt() throws Exception {
    String bare = "jdbc:sqlite:" + folder.resolve("no-triggers.db");
    ConversionsLearningDatabase.create(bare, false);
    mails.start();

    CliRun listed = conversions(mails.env(bare));
    CliRun send = conversions(mails.env(bare), "--send-offers");

    assertThat(listed.exitCode()).as(listed.err()).isZero();
    // No offers on record: eve is a candidate too.
    assertThat(listed.out()).contains("4 candidates.");
    assertThat(send.exitCode()).isEqualTo(1);
    assertThat(send.err()).startsWith("error: The SQLite database ")
        .contains("has no conversion_triggers table. Pulse Reports never creates or alters your tables")
        .contains("migration/demo/sqlite/V2__learning_tables.sql")
        .contains("'reporting migrate --demo-schema'");
    assertThat(send.err().lines()).hasSize(1);
    assertThat(ConversionsLearningDatabase.hasConversionTriggers(bare)).isFalse();
    assertThat(mails.received()).isEmpty();
  }
}
