package io.pulsereports.cli;

import static io.pulsereports.cli.ConversionsCommandIT.SUBJECT;
import static io.pulsereports.cli.ConversionsCommandIT.conversions;
import static io.pulsereports.cli.ConversionsCommandIT.id;
import static io.pulsereports.cli.ConversionsLearningDatabase.D;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulsereports.cli.ConversionsLearningDatabase.Trigger;
import io.pulsereports.cli.OfferMails.Mail;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code reporting conversions --send-offers} on PostgreSQL: hand-made learning tables with
 * timestamptz, jsonb and boolean columns and no keys, a session time zone that is not UTC, and
 * GreenMail on loopback.
 */
class PostgresConversionsCommandIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private String url;
  private OfferMails mails;

  @BeforeEach
  void createDatabase() throws Exception {
    url = PostgresServer.newDatabaseUrl("conversions");
    ConversionsLearningDatabase.create(url, true);
    mails = new OfferMails();
    mails.start();
  }

  @AfterEach
  void stopSmtp() {
    mails.close();
  }

  @Test
  void sendingOffersEmailsEachCandidateOnceAndRecordsOneJsonbTriggerEach() throws Exception {
    Map<String, String> env = mails.env(url);

    CliRun first = conversions(env, "--send-offers");
    CliRun again = conversions(env, "--send-offers");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("3 candidates: 2 sent, 0 already sent, 0 failed, 1 without a usable email.");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("2 more already sent the offer for Tue 10 Mar 2026 (UTC).");
    List<Mail> received = mails.received();
    assertThat(received).extracting(Mail::to, Mail::subject)
        .containsExactly(tuple("anna@example.com", SUBJECT), tuple("bo@example.com", SUBJECT));
    assertThat(received.get(1).html()).contains("Hi Bo").contains("EUR 111.75").contains("EUR 149.00");
    assertThat(received.get(1).text()).contains("EUR 111.75 instead of EUR 149.00 (25% off, you save EUR 37.25)");

    List<Trigger> triggers = ConversionsLearningDatabase.triggers(url);
    assertThat(triggers).extracting(Trigger::userId, Trigger::triggerId, Trigger::sent)
        .containsExactly(tuple("anna", id("anna"), true), tuple("bo", id("bo"), true), tuple("cy", id("cy"), false),
            tuple("eve", "app-eve", true));
    assertThat(triggers.get(0).triggeredAt()).isEqualTo(Instant.parse("2026-03-10T23:59:59Z"));
    assertThat(JSON.readTree(triggers.get(0).scores())).isEqualTo(JSON.readTree("[9.5, 9.0, 8.5, 9.0]"));
    assertThat(JSON.readTree(triggers.get(0).conditions()).get("streak").asInt()).isEqualTo(4);

    CliRun report = CliRun.withEnv(env, "generate", "--type", "learning-daily", "--date", D, "--timezone", "UTC",
        "--format", "json", "--out", "-");
    assertThat(JSON.readTree(report.out()).path("conversion").path("candidates").findValuesAsText("user_id"))
        .containsExactly("cy");
  }
}
