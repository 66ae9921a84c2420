package io.pulsereports.persistence.jdbc;

import static io.pulsereports.persistence.jdbc.DeliveryFixture.GYM_A;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.GYM_B;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.GYM_C;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.NOW;
import static io.pulsereports.persistence.jdbc.SubscriptionFixture.aSubscription;
import static io.pulsereports.persistence.jdbc.TemplateFixture.aTemplate;
import static io.pulsereports.persistence.jdbc.TemplateFixture.largeContent;
import static io.pulsereports.persistence.jdbc.TemplateFixture.renamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.out.SubscriptionRepository;
import io.pulsereports.core.port.out.TemplateRepository;
import io.pulsereports.core.schedule.Subscription;
import io.pulsereports.core.template.ReportTemplate;
import io.pulsereports.core.template.TemplatePage;
import io.pulsereports.core.template.TemplateQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every {@link TemplateRepository} adapter must show. A subclass opens a migrated
 * database once; every test starts without templates, subscriptions and deliveries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TemplateRepositoryContract {

  /** Text of a content that no error message may repeat. */
  static final String SECRET_CONTENT = "<p>{{tr4deSecret}} Ünïcödé 秘密</p>";

  protected JdbcPersistence persistence;
  protected TemplateRepository templates;
  protected SubscriptionRepository subscriptions;

  /** A database on which {@link JdbcPersistence#migrate()} has run. */
  protected abstract JdbcPersistence openMigratedDatabase() throws Exception;

  /** A database without Pulse Reports' tables. */
  protected abstract JdbcPersistence openUnmigratedDatabase() throws Exception;

  @BeforeAll
  void openDatabase() throws Exception {
    persistence = openMigratedDatabase();
    templates = persistence.templates();
    subscriptions = persistence.subscriptions();
  }

  @AfterAll
  void closeDatabase() {
    if (persistence != null) {
      persistence.close();
    }
  }

  @BeforeEach
  void emptyTheTables() {
    persistence.jdbi().useHandle(h -> {
      h.execute("DELETE FROM report_deliveries");
      h.execute("DELETE FROM report_subscriptions");
      h.execute("DELETE FROM report_templates");
    });
  }

  // --- round trip -------------------------------------------------------------------------------

  @Test
  void storesAndReadsBackEveryFieldOfAGymTemplateWithALargeContent() {
    String content = largeContent();
    ReportTemplate weekly =
        aTemplate()
            .gym(GYM_B)
            .name("Wochenbericht — 週報 🚀")
            .description("Für die Geschäftsführung: \"Leads\" & Anrufe\nzweite Zeile")
            .reportType(ReportType.WEEKLY)
            .subject("Wöchentlicher Bericht {{gym_name}} — 週報")
            .content(content)
            .isDefault()
            .createdAt(NOW.minus(Duration.ofDays(30)))
            .updatedAt(NOW.minus(Duration.ofDays(2)))
            .build();

    templates.insert(weekly);

    ReportTemplate read = templates.find(weekly.id()).orElseThrow();
    assertThat(read).isEqualTo(weekly);
    assertThat(read.content()).hasSize(content.length()).isEqualTo(content);
    assertThat(content.length()).isGreaterThanOrEqualTo(200_000);
  }

  @Test
  void storesASharedTemplateWithoutDescriptionOrSubjectAsAbsent() {
    ReportTemplate shared =
        aTemplate().shared().reportType(new ReportType("custom-kpis")).build();

    templates.insert(shared);

    ReportTemplate read = templates.find(shared.id()).orElseThrow();
    assertThat(read).isEqualTo(shared);
    assertThat(read.gymId()).isEmpty();
    assertThat(read.description()).isEmpty();
    assertThat(read.subject()).isEmpty();
    assertThat(read.isDefault()).isFalse();
    assertThat(read.format()).isEqualTo("html");
  }

  @Test
  void keepsInstantsToTheMicrosecond() {
    Instant nanos = Instant.parse("2026-03-09T07:00:00.123456789Z");
    ReportTemplate template = aTemplate().createdAt(nanos).build();

    templates.insert(template);

    Instant micros = Instant.parse("2026-03-09T07:00:00.123456Z");
    ReportTemplate read = templates.find(template.id()).orElseThrow();
    assertThat(read.createdAt()).isEqualTo(micros);
    assertThat(read.updatedAt()).isEqualTo(micros);
    assertThat(templates.update(template, renamed(template, "again", nanos.plusMillis(1))))
        .as("the stored updated_at compares equal to the nanosecond one it came from")
        .isTrue();
  }

  @Test
  void findsNothingForAnUnknownId() {
    templates.insert(aTemplate().build());

    assertThat(templates.find(UUID.randomUUID())).isEmpty();
  }

  @Test
  void aSecondInsertOfAnIdFailsNamingTheTemplateButNotItsContent() {
    ReportTemplate template = aTemplate().content(SECRET_CONTENT).build();
    templates.insert(template);

    assertThatThrownBy(() -> templates.insert(renamed(template, "other", NOW)))
        .isInstanceOf(PersistenceException.class)
        .hasMessageContaining("store template " + template.id())
        .hasMessageNotContaining("tr4deSecret");
    assertThat(templates.find(template.id())).contains(template);
  }

  // --- list -------------------------------------------------------------------------------------

  @Test
  void listShowsACallerTheTemplatesOfItsGymsAndTheSharedOnes() {
    ReportTemplate gymA = store(aTemplate().gym(GYM_A).createdAt(NOW.minusSeconds(4)));
    ReportTemplate shared = store(aTemplate().shared().createdAt(NOW.minusSeconds(3)));
    ReportTemplate gymB = store(aTemplate().gym(GYM_B).createdAt(NOW.minusSeconds(2)));
    ReportTemplate gymC = store(aTemplate().gym(GYM_C).createdAt(NOW.minusSeconds(1)));

    assertThat(list(query().gyms(Set.of(GYM_A, GYM_C))))
        .isEqualTo(new TemplatePage(List.of(gymA, shared, gymC), 3));
    assertThat(list(query().gyms(Set.of(GYM_B))))
        .isEqualTo(new TemplatePage(List.of(shared, gymB), 2));
    assertThat(list(query().gyms(Set.of())))
        .as("a caller of no gym sees the shared templates only")
        .isEqualTo(new TemplatePage(List.of(shared), 1));
    assertThat(list(query()))
        .as("no gym filter: every template")
        .isEqualTo(new TemplatePage(List.of(gymA, shared, gymB, gymC), 4));
  }

  @Test
  void listFiltersByReportType() {
    ReportTemplate dailyA = store(aTemplate().gym(GYM_A).createdAt(NOW.minusSeconds(5)));
    ReportTemplate weeklyA =
        store(aTemplate().gym(GYM_A).reportType(ReportType.WEEKLY).createdAt(NOW.minusSeconds(4)));
    ReportTemplate weeklyShared =
        store(aTemplate().shared().reportType(ReportType.WEEKLY).createdAt(NOW.minusSeconds(3)));
    ReportTemplate weeklyB =
        store(aTemplate().gym(GYM_B).reportType(ReportType.WEEKLY).createdAt(NOW.minusSeconds(2)));
    ReportTemplate learning =
        store(aTemplate().shared().reportType(ReportType.LEARNING_DAILY).createdAt(NOW));

    assertThat(list(query().type(ReportType.WEEKLY)))
        .isEqualTo(new TemplatePage(List.of(weeklyA, weeklyShared, weeklyB), 3));
    assertThat(list(query().type(ReportType.WEEKLY).gyms(Set.of(GYM_A))))
        .isEqualTo(new TemplatePage(List.of(weeklyA, weeklyShared), 2));
    assertThat(list(query().type(ReportType.DAILY).gyms(Set.of(GYM_B))))
        .isEqualTo(new TemplatePage(List.of(), 0));
    assertThat(list(query().type(ReportType.DAILY)).items()).containsExactly(dailyA);
    assertThat(list(query().type(ReportType.LEARNING_DAILY).gyms(Set.of())).items())
        .containsExactly(learning);
    assertThat(list(query().type(new ReportType("unknown-type"))).total()).isZero();
  }

  @Test
  void listPagesOldestFirstWithTheTotal() {
    List<ReportTemplate> oldestFirst = new ArrayList<>();
    // Two created at the same instant come in id order.
    List<ReportTemplate> tied =
        new ArrayList<>(List.of(store(aTemplate().createdAt(NOW.minusSeconds(10))),
            store(aTemplate().shared().createdAt(NOW.minusSeconds(10)))));
    tied.sort(Comparator.comparing(t -> t.id().toString()));
    oldestFirst.addAll(tied);
    for (int i = 4; i >= 0; i--) {
      oldestFirst.add(store(aTemplate().createdAt(NOW.minusSeconds(i))));
    }
    store(aTemplate().gym(GYM_B).createdAt(NOW.minusSeconds(7)));

    List<ReportTemplate> paged = new ArrayList<>();
    for (int offset = 0; offset < 7; offset += 3) {
      TemplatePage page = list(query().gyms(Set.of(GYM_A)).page(3, offset));
      assertThat(page.total()).isEqualTo(7);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
      paged.addAll(page.items());
    }
    assertThat(paged).containsExactlyElementsOf(oldestFirst);
    assertThat(list(query().gyms(Set.of(GYM_A)).page(3, 9)))
        .isEqualTo(new TemplatePage(List.of(), 7));
    assertThat(list(query().page(2, 7))).isEqualTo(new TemplatePage(oldestFirst.subList(6, 7), 8));
  }

  // --- update -----------------------------------------------------------------------------------

  @Test
  void updateReplacesEveryColumnButIdAndCreatedAt() {
    ReportTemplate stored =
        store(aTemplate().gym(GYM_A).description("before").subject("Before").isDefault());
    ReportTemplate changed =
        new ReportTemplate(stored.id(), Optional.empty(), "after — nachher", Optional.empty(),
            ReportType.WEEKLY, "mjml", Optional.empty(), largeContent(), false,
            NOW.plus(Duration.ofDays(100)), NOW.plusSeconds(5));

    assertThat(templates.update(stored, changed)).isTrue();

    assertThat(templates.find(stored.id()))
        .contains(new ReportTemplate(stored.id(), Optional.empty(), "after — nachher",
            Optional.empty(), ReportType.WEEKLY, "mjml", Optional.empty(), changed.content(),
            false, stored.createdAt(), NOW.plusSeconds(5)));

    ReportTemplate again =
        new ReportTemplate(stored.id(), Optional.of(GYM_C), "again", Optional.of("described"),
            ReportType.DAILY, "html", Optional.of("Subject"), "<p>{{x}}</p>", true,
            stored.createdAt(), NOW.plusSeconds(6));
    assertThat(templates.update(templates.find(stored.id()).orElseThrow(), again)).isTrue();
    assertThat(templates.find(stored.id())).contains(again);
  }

  @Test
  void anUpdateFromAStaleReadChangesNothing() {
    ReportTemplate stored = store(aTemplate().name("first"));
    ReportTemplate byA = renamed(stored, "by A", NOW.plusSeconds(1));
    ReportTemplate byB = renamed(stored, "by B", NOW.plusSeconds(2));

    assertThat(templates.update(stored, byA)).isTrue();
    assertThat(templates.update(stored, byB)).as("B read before A wrote").isFalse();
    assertThat(templates.update(stored, byA)).as("the same update twice").isFalse();
    assertThat(templates.find(stored.id())).contains(byA);
    assertThat(templates.update(byA, byB)).isTrue();
    assertThat(templates.find(stored.id())).contains(byB);
  }

  @Test
  void updateOfAnUnknownTemplateIsFalseAndAnotherTemplatesStateIsRefused() {
    ReportTemplate one = store(aTemplate());
    ReportTemplate other = store(aTemplate());
    ReportTemplate unknown = aTemplate().build();

    assertThat(templates.update(unknown, renamed(unknown, "x", NOW.plusSeconds(1)))).isFalse();
    assertThat(templates.find(unknown.id())).isEmpty();
    assertThatThrownBy(() -> templates.update(one, other))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(templates.find(one.id())).contains(one);
    assertThat(templates.find(other.id())).contains(other);
  }

  // --- delete -----------------------------------------------------------------------------------

  @Test
  void deleteRemovesTheTemplateOnce() {
    ReportTemplate gone = store(aTemplate());
    ReportTemplate kept = store(aTemplate());

    assertThat(templates.delete(gone.id())).isTrue();
    assertThat(templates.delete(gone.id())).isFalse();
    assertThat(templates.find(gone.id())).isEmpty();
    assertThat(templates.find(kept.id())).contains(kept);
    assertThat(templates.delete(UUID.randomUUID())).isFalse();
  }

  @Test
  void deletingATemplateLeavesItsSubscriptionsOnTheBuiltInOne() {
    assertDeletingATemplateLeavesItsSubscriptionsOnTheBuiltInOne(templates, subscriptions);
  }

  /**
   * Deletes a template used by two subscriptions through {@code repository}: both lose it and
   * keep everything else (updated_at too); a subscription of another template keeps it.
   */
  void assertDeletingATemplateLeavesItsSubscriptionsOnTheBuiltInOne(
      TemplateRepository repository, SubscriptionRepository subscriptionRepository) {
    ReportTemplate gone = store(aTemplate().gym(GYM_A));
    ReportTemplate kept = store(aTemplate().shared());
    Subscription first = aSubscription().template(gone.id()).build();
    Subscription second =
        aSubscription().gym(GYM_A).template(gone.id()).updatedAt(NOW.plusSeconds(3)).build();
    Subscription ofTheOther = aSubscription().template(kept.id()).build();
    Subscription ofNone = aSubscription().build();
    for (Subscription subscription : List.of(first, second, ofTheOther, ofNone)) {
      subscriptionRepository.insert(subscription);
    }

    assertThat(repository.delete(gone.id())).isTrue();

    assertThat(subscriptionRepository.find(first.id()))
        .contains(aSubscription().id(first.id()).build());
    Subscription secondWithoutIt =
        aSubscription().id(second.id()).gym(GYM_A).updatedAt(NOW.plusSeconds(3)).build();
    assertThat(subscriptionRepository.find(second.id())).contains(secondWithoutIt);
    assertThat(subscriptionRepository.find(ofTheOther.id())).contains(ofTheOther);
    assertThat(subscriptionRepository.find(ofNone.id())).contains(ofNone);
    assertThat(subscriptionRepository.update(second,
            SubscriptionRepositoryContract.renamed(secondWithoutIt, "renamed", NOW.plusSeconds(4))))
        .as("its updated_at is still the one its writers read")
        .isTrue();
  }

  // --- with the subscriptions -------------------------------------------------------------------

  @Test
  void subscriptionsSeeTheTemplatesStoredHere() {
    ReportTemplate ofGymA = store(aTemplate().gym(GYM_A));
    ReportTemplate shared = store(aTemplate().shared());

    assertThat(subscriptions.templateExists(ofGymA.id(), Optional.of(GYM_A))).isTrue();
    assertThat(subscriptions.templateExists(ofGymA.id(), Optional.of(GYM_B))).isFalse();
    assertThat(subscriptions.templateExists(ofGymA.id(), Optional.empty())).isFalse();
    assertThat(subscriptions.templateExists(shared.id(), Optional.of(GYM_B))).isTrue();
    assertThat(subscriptions.templateExists(shared.id(), Optional.empty())).isTrue();

    templates.delete(ofGymA.id());
    assertThat(subscriptions.templateExists(ofGymA.id(), Optional.of(GYM_A))).isFalse();
  }

  // --- errors -----------------------------------------------------------------------------------

  @Test
  void aFailureNamesTheOperationAndTheTemplateButNotItsContent() throws Exception {
    ReportTemplate template = aTemplate().content(SECRET_CONTENT).subject("s3cret subject").build();
    try (JdbcPersistence unmigrated = openUnmigratedDatabase()) {
      TemplateRepository repository = unmigrated.templates();

      assertThatThrownBy(() -> repository.insert(template))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("store template " + template.id())
          .hasMessageContaining("report_templates")
          .hasMessageNotContaining("tr4deSecret")
          .hasMessageNotContaining("s3cret subject");
      assertThatThrownBy(() -> repository.find(template.id()))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("read template " + template.id());
      assertThatThrownBy(() -> repository.list(TemplateQuery.all(10)))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("list templates");
      assertThatThrownBy(() -> repository.update(template, template))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("update template " + template.id())
          .hasMessageNotContaining("tr4deSecret");
      assertThatThrownBy(() -> repository.delete(template.id()))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("delete template " + template.id());
    }
  }

  @Test
  void aRowThatCannotBeReadIsNamedButItsContentIsNot() {
    ReportTemplate template = store(aTemplate().content(SECRET_CONTENT));
    persistence.jdbi().useHandle(h -> h.execute(
        "UPDATE report_templates SET report_type = 'Not A Type' WHERE id = '" + template.id()
            + "'"));

    assertThatThrownBy(() -> templates.find(template.id()))
        .isInstanceOf(PersistenceException.class)
        .hasMessageContaining("Template " + template.id())
        .hasMessageNotContaining("tr4deSecret");
    assertThatThrownBy(() -> templates.list(TemplateQuery.all(10)))
        .isInstanceOf(PersistenceException.class)
        .hasMessageContaining("Template " + template.id())
        .hasMessageNotContaining("tr4deSecret");
  }

  // --- helpers ----------------------------------------------------------------------------------

  ReportTemplate store(TemplateFixture fixture) {
    ReportTemplate template = fixture.build();
    templates.insert(template);
    return template;
  }

  TemplatePage list(QueryBuilder query) {
    return templates.list(query.build());
  }

  static QueryBuilder query() {
    return new QueryBuilder();
  }

  /** Fills a {@link TemplateQuery}; every filter absent, the first 100. */
  static final class QueryBuilder {
    private Optional<Set<UUID>> gyms = Optional.empty();
    private Optional<ReportType> type = Optional.empty();
    private int limit = 100;
    private int offset;

    QueryBuilder gyms(Set<UUID> value) {
      gyms = Optional.of(value);
      return this;
    }

    QueryBuilder type(ReportType value) {
      type = Optional.of(value);
      return this;
    }

    QueryBuilder page(int pageLimit, int pageOffset) {
      limit = pageLimit;
      offset = pageOffset;
      return this;
    }

    TemplateQuery build() {
      return new TemplateQuery(gyms, type, limit, offset);
    }
  }
}
