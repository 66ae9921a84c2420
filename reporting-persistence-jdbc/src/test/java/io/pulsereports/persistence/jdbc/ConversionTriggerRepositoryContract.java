package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulsereports.core.conversion.ConversionTrigger;
import io.pulsereports.core.conversion.TriggerConditions;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.port.out.ConversionTriggerRepository;
import io.pulsereports.core.port.out.ConversionTriggerRepository.OfferClaim;
import io.pulsereports.core.port.out.ConversionTriggerRepository.Recorded;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.argument.Argument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ConversionTriggerRepository} adapter must show, on a
 * conversion_triggers table created by hand or by the demo schema. The day is 2026-03-08 in New
 * York, the spring-forward day: [05:00Z, 04:00Z next day), 23 hours.
 */
abstract class ConversionTriggerRepositoryContract {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final LocalDate D = LocalDate.parse("2026-03-08");
  static final ReportPeriod DAY = ReportPeriod.day(D, NEW_YORK);
  static final String TYPE = "executive_offer";
  private static final ObjectMapper JSON = new ObjectMapper();

  private JdbcPersistence persistence;
  private ConversionTriggerRepository repository;

  /** A new database with a conversion_triggers table and nothing in it. */
  protected abstract JdbcPersistence openDatabaseWithTable() throws Exception;

  /** A new database without a conversion_triggers table. */
  protected abstract JdbcPersistence openDatabaseWithoutTable() throws Exception;

  /** How another client writes triggered_at. */
  protected abstract Argument timestamp(Instant value);

  /** How another client writes offer_sent. */
  protected abstract Argument offerSent(boolean value);

  /** How another client writes a JSON column. */
  protected abstract Argument json(String value);

  @BeforeEach
  void open() throws Exception {
    persistence = openDatabaseWithTable();
    repository = persistence.conversionTriggers();
  }

  @AfterEach
  void close() {
    if (persistence != null) {
      persistence.close();
    }
  }

  protected JdbcPersistence persistence() {
    return persistence;
  }

  static ConversionTrigger trigger(String user, Instant at, double... scores) {
    List<Double> list = new ArrayList<>();
    double sum = 0;
    for (double score : scores) {
      list.add(score);
      sum += score;
    }
    return new ConversionTrigger(ConversionTrigger.idFor(TYPE, user, D), user, TYPE,
        Optional.of(new TriggerConditions(3, 8.0, true, 14, scores.length, sum / scores.length)), list, at, false);
  }

  /** A row as it is stored, read back independently of the adapter. */
  record Row(String triggerId, String userId, String type, String conditions, String scores, Instant triggeredAt, boolean sent) {}

  List<Row> rows() {
    return ReadTransactions.inOneSnapshot(persistence.jdbi(), persistence.dialect(), handle -> handle
        .createQuery("SELECT CAST(trigger_id AS TEXT) AS trigger_id, CAST(user_id AS TEXT) AS user_id,"
            + " CAST(trigger_type AS TEXT) AS trigger_type, CAST(conditions_met AS TEXT) AS conditions_met,"
            + " CAST(confidence_scores AS TEXT) AS confidence_scores,"
            + (persistence.dialect() == Dialect.POSTGRESQL ? " CAST(triggered_at AS timestamptz)" : " triggered_at")
            + " AS triggered_at, lower(CAST(offer_sent AS TEXT)) IN ('1', 't', 'true') AS sent"
            + " FROM conversion_triggers ORDER BY 2, 1")
        .map((rs, ctx) -> new Row(rs.getString("trigger_id"), rs.getString("user_id"), rs.getString("trigger_type"),
            rs.getString("conditions_met"), rs.getString("confidence_scores"),
            SqlInstants.read(rs, "triggered_at", persistence.dialect()), rs.getBoolean("sent")))
        .list());
  }

  void insertOtherClientsRow(String id, String user, String type, Instant at, boolean sent, String conditions, String scores) {
    persistence.jdbi().useHandle(handle -> handle
        .createUpdate("INSERT INTO conversion_triggers (trigger_id, user_id, trigger_type, conditions_met,"
            + " confidence_scores, triggered_at, offer_sent) VALUES (:id, :user, :type, :conditions, :scores, :at, :sent)")
        .bind("id", id).bind("user", user).bind("type", type)
        .bind("conditions", json(conditions)).bind("scores", json(scores))
        .bind("at", timestamp(at)).bind("sent", offerSent(sent))
        .execute());
  }

  @Test
  void aNewTriggerIsRecordedUnsentWithItsConditionsAndScoresAsJson() throws Exception {
    Instant at = Instant.parse("2026-03-09T03:59:59Z"); // 23:59:59 EDT

    Recorded recorded = repository.recordIfAbsent(trigger("anna", at, 9.5, 9.0, 8.5), DAY);

    assertThat(recorded.created()).isTrue();
    assertThat(recorded.trigger()).isEqualTo(trigger("anna", at, 9.5, 9.0, 8.5));
    Row row = rows().get(0);
    assertThat(row.triggerId()).isEqualTo(ConversionTrigger.idFor(TYPE, "anna", D));
    assertThat(row.userId()).isEqualTo("anna");
    assertThat(row.type()).isEqualTo(TYPE);
    assertThat(row.triggeredAt()).isEqualTo(at);
    assertThat(row.sent()).isFalse();
    assertThat(JSON.readTree(row.scores())).isEqualTo(JSON.readTree("[9.5, 9.0, 8.5]"));
    JsonNode conditions = JSON.readTree(row.conditions());
    assertThat(conditions).isEqualTo(JSON.readTree(
        "{\"min_sessions\": 3, \"min_confidence\": 8.0, \"consecutive_required\": true, \"window_days\": 14,"
            + " \"streak\": 3, \"avg_score\": 9.0}"));
  }

  @Test
  void recordingAgainTheSameDayFindsTheFirstTriggerAndWritesNothing() {
    ConversionTrigger first = trigger("anna", Instant.parse("2026-03-08T05:00:00Z"), 9.0, 9.0, 9.0);
    repository.recordIfAbsent(first, DAY);

    Recorded again = repository.recordIfAbsent(trigger("anna", Instant.parse("2026-03-08T20:00:00Z"), 9.9, 9.9, 9.9), DAY);

    assertThat(again.created()).isFalse();
    assertThat(again.trigger()).isEqualTo(first);
    assertThat(rows()).hasSize(1);
  }

  @Test
  void triggersOfOtherUsersTypesOrLocalDaysDoNotCount() {
    // 2026-03-08T04:59:59Z is still the 7th in New York.
    insertOtherClientsRow("t-before", "anna", TYPE, Instant.parse("2026-03-08T04:59:59Z"), true, null, null);
    insertOtherClientsRow("t-type", "anna", "streak_badge", Instant.parse("2026-03-08T12:00:00Z"), true, null, null);
    insertOtherClientsRow("t-user", "bo", TYPE, Instant.parse("2026-03-08T12:00:00Z"), true, null, null);
    insertOtherClientsRow("t-after", "anna", TYPE, Instant.parse("2026-03-09T04:00:00Z"), true, null, null);

    Recorded recorded = repository.recordIfAbsent(trigger("anna", Instant.parse("2026-03-08T12:00:00Z"), 9, 9, 9), DAY);

    assertThat(recorded.created()).isTrue();
    assertThat(rows()).hasSize(5);
  }

  @Test
  void anotherClientsTriggerOfTheDayIsFoundASentOneFirst() {
    insertOtherClientsRow("app-2", "anna", TYPE, Instant.parse("2026-03-08T10:00:00Z"), false, null, null);
    insertOtherClientsRow("app-1", "anna", TYPE, Instant.parse("2026-03-08T11:00:00Z"), true,
        "[\"streak\", \"confidence\"]", "not json");

    Recorded recorded = repository.recordIfAbsent(trigger("anna", Instant.parse("2026-03-08T12:00:00Z"), 9, 9, 9), DAY);

    assertThat(recorded.created()).isFalse();
    assertThat(recorded.trigger().triggerId()).isEqualTo("app-1");
    assertThat(recorded.trigger().offerSent()).isTrue();
    // Another shape of conditions_met, and a confidence_scores that is no JSON array, read as absent.
    assertThat(recorded.trigger().conditionsMet()).isEmpty();
    assertThat(recorded.trigger().confidenceScores()).isEmpty();
    assertThat(rows()).hasSize(2);
  }

  @Test
  void aRowWithTheTriggersIdCountsWhateverItsDay() {
    ConversionTrigger mine = trigger("anna", Instant.parse("2026-03-08T12:00:00Z"), 9, 9, 9);
    insertOtherClientsRow(mine.triggerId(), "anna", TYPE, Instant.parse("2026-03-08T04:00:00Z"), false, null, "[8.5]");

    Recorded recorded = repository.recordIfAbsent(mine, DAY);

    assertThat(recorded.created()).isFalse();
    assertThat(recorded.trigger().triggeredAt()).isEqualTo(Instant.parse("2026-03-08T04:00:00Z"));
    assertThat(recorded.trigger().confidenceScores()).containsExactly(8.5);
    assertThat(rows()).hasSize(1);
  }

  @Test
  void findOnListsTheTypesTriggersOfTheLocalDayByUserSentFirst() {
    repository.recordIfAbsent(trigger("cy", Instant.parse("2026-03-08T13:00:00Z"), 9, 9, 9), DAY);
    insertOtherClientsRow("app-b2", "bo", TYPE, Instant.parse("2026-03-08T09:00:00Z"), false, null, null);
    insertOtherClientsRow("app-b1", "bo", TYPE, Instant.parse("2026-03-08T10:00:00Z"), true, null, "[9.0, 8.5]");
    insertOtherClientsRow("app-B", "Bo", TYPE, Instant.parse("2026-03-08T10:00:00Z"), true, null, null);
    insertOtherClientsRow("app-x", "bo", "streak_badge", Instant.parse("2026-03-08T10:00:00Z"), true, null, null);
    insertOtherClientsRow("app-y", "bo", TYPE, Instant.parse("2026-03-09T04:00:00Z"), true, null, null);

    List<ConversionTrigger> found = repository.findOn(TYPE, DAY);

    assertThat(found).extracting(ConversionTrigger::triggerId, ConversionTrigger::userId, ConversionTrigger::offerSent)
        .containsExactly(
            tuple("app-B", "Bo", true), // code point order: 'B' before 'b'
            tuple("app-b1", "bo", true),
            tuple("app-b2", "bo", false),
            tuple(ConversionTrigger.idFor(TYPE, "cy", D), "cy", false));
    assertThat(found.get(1).confidenceScores()).containsExactly(9.0, 8.5);
    assertThat(found.get(3).conditionsMet()).contains(new TriggerConditions(3, 8.0, true, 14, 3, 9.0));
  }

  @Test
  void aClaimMarkedSentSetsOfferSent() {
    ConversionTrigger trigger = repository.recordIfAbsent(trigger("anna", Instant.parse("2026-03-08T12:00:00Z"), 9, 9, 9), DAY).trigger();

    try (OfferClaim claim = repository.claim(trigger, DAY)) {
      assertThat(claim.trigger()).isEqualTo(trigger);
      claim.markOfferSent();
    }

    assertThat(rows()).singleElement().extracting(Row::sent).isEqualTo(true);
    assertThat(repository.findOn(TYPE, DAY)).singleElement().isEqualTo(trigger.withOfferSent());
    assertThat(repository.recordIfAbsent(trigger, DAY)).isEqualTo(new Recorded(trigger.withOfferSent(), false));
  }

  @Test
  void aClaimClosedWithoutMarkingLeavesTheTriggerUnsent() {
    ConversionTrigger trigger = repository.recordIfAbsent(trigger("anna", Instant.parse("2026-03-08T12:00:00Z"), 9, 9, 9), DAY).trigger();

    repository.claim(trigger, DAY).close();

    assertThat(rows()).singleElement().extracting(Row::sent).isEqualTo(false);
  }

  @Test
  void aSecondClaimWaitsForTheFirstAndThenSeesTheOfferSent() throws Exception {
    ConversionTrigger trigger = repository.recordIfAbsent(trigger("anna", Instant.parse("2026-03-08T12:00:00Z"), 9, 9, 9), DAY).trigger();
    OfferClaim first = repository.claim(trigger, DAY);
    CountDownLatch started = new CountDownLatch(1);

    CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
      started.countDown();
      try (OfferClaim claim = persistence.conversionTriggers().claim(trigger, DAY)) {
        return claim.trigger().offerSent();
      }
    });
    started.await(5, TimeUnit.SECONDS);
    Thread.sleep(300);

    assertThat(second).isNotDone();
    first.markOfferSent();
    assertThat(second.get(20, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void concurrentRunsRecordOneTriggerPerUserAndDay() throws Exception {
    int runs = 4;
    List<String> users = List.of("u1", "u2", "u3", "u4", "u5", "u6");
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<List<Boolean>>> created = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        Instant at = Instant.parse("2026-03-08T12:00:00Z").plusSeconds(run);
        ConversionTriggerRepository own = persistence.conversionTriggers();
        created.add(pool.submit(() -> {
          go.await();
          List<Boolean> mine = new ArrayList<>();
          for (String user : users) {
            mine.add(own.recordIfAbsent(trigger(user, at, 9, 9, 9), DAY).created());
          }
          return mine;
        }));
      }
      go.countDown();
      long creations = 0;
      for (Future<List<Boolean>> future : created) {
        creations += future.get(60, TimeUnit.SECONDS).stream().filter(Boolean::booleanValue).count();
      }

      assertThat(creations).isEqualTo(users.size());
      assertThat(rows()).extracting(Row::userId).containsExactlyElementsOf(users);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withoutTheTableEveryCallFailsSayingHowToCreateItAndCreatesNothing() throws Exception {
    try (JdbcPersistence bare = openDatabaseWithoutTable()) {
      ConversionTriggerRepository triggers = bare.conversionTriggers();
      ConversionTrigger trigger = trigger("anna", Instant.parse("2026-03-08T12:00:00Z"), 9, 9, 9);

      assertThatThrownBy(() -> triggers.findOn(TYPE, DAY))
          .isInstanceOfSatisfying(MissingTableException.class, e -> {
            assertThat(e.table()).isEqualTo("conversion_triggers");
            assertThat(e.ddlResource()).endsWith("/" + bare.dialect().folder() + "/V2__learning_tables.sql");
            assertThat(e).hasMessageContaining("has no conversion_triggers table")
                .hasMessageContaining("never creates or alters");
          });
      assertThatThrownBy(() -> triggers.recordIfAbsent(trigger, DAY)).isInstanceOf(MissingTableException.class);
      assertThatThrownBy(() -> triggers.claim(trigger, DAY)).isInstanceOf(MissingTableException.class);
      boolean created = bare.jdbi().withHandle(handle ->
          DatabaseTables.exists(handle.getConnection(), "conversion_triggers", null));
      assertThat(created).isFalse();
    }
  }
}
