package io.pulsereports.persistence.jdbc;

import static io.pulsereports.persistence.jdbc.LeadActivityFixture.BRANCH;
import static io.pulsereports.persistence.jdbc.LeadActivityFixture.GYM;
import static io.pulsereports.persistence.jdbc.LeadActivityFixture.OTHER_BRANCH;
import static io.pulsereports.persistence.jdbc.LeadActivityFixture.U1;
import static io.pulsereports.persistence.jdbc.LeadActivityFixture.U2;
import static io.pulsereports.persistence.jdbc.LeadActivityFixture.U3;
import static io.pulsereports.persistence.jdbc.LeadActivityFixture.group;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.model.CallGroup;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.LeadCount;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.port.out.BranchActivityPort;
import io.pulsereports.core.port.out.LeadActivityPort;
import io.pulsereports.persistence.jdbc.LeadActivityFixture.Call;
import io.pulsereports.persistence.jdbc.LeadActivityFixture.Lead;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every {@link LeadActivityPort} adapter must show, on the hand-computed {@link
 * LeadActivityFixture}. A subclass opens a database holding empty leads and call_logs tables and
 * says how its columns take UUIDs and timestamps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LeadActivityPortContract {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

  private JdbcPersistence persistence;
  private LeadActivityPort port;

  /** A database with empty leads and call_logs tables. */
  protected abstract JdbcPersistence openDatabaseWithLeadTables() throws Exception;

  /** How a (possibly null) UUID is written into the lead tables. */
  protected abstract Argument uuid(UUID value);

  /** How a timestamp is written into the lead tables. */
  protected abstract Argument timestamp(Stamp value);

  @BeforeAll
  void loadFixture() throws Exception {
    persistence = openDatabaseWithLeadTables();
    port = persistence.leadActivity();
    persistence
        .jdbi()
        .useTransaction(
            handle -> {
              PreparedBatch leads =
                  handle.prepareBatch(
                      "INSERT INTO leads (id, gym_id, branch_id, first_name, lead_status,"
                          + " created_at, updated_at) VALUES (:id, :gym, :branch, 'Fixture',"
                          + " :status, :created, :updated)");
              for (Lead lead : LeadActivityFixture.LEADS) {
                leads
                    .bind("id", uuid(UUID.randomUUID()))
                    .bind("gym", uuid(lead.gym()))
                    .bind("branch", uuid(lead.branch()))
                    .bind("status", lead.status())
                    .bind("created", timestamp(lead.createdAt()))
                    .bind("updated", timestamp(lead.updatedAt()))
                    .add();
              }
              leads.execute();
              PreparedBatch calls =
                  handle.prepareBatch(
                      "INSERT INTO call_logs (id, gym_id, branch_id, user_id, direction, status,"
                          + " outcome, duration, created_at) VALUES (:id, :gym, :branch, :user,"
                          + " 'outbound', :status, :outcome, :duration, :created)");
              for (Call call : LeadActivityFixture.CALLS) {
                calls
                    .bind("id", uuid(UUID.randomUUID()))
                    .bind("gym", uuid(call.gym()))
                    .bind("branch", uuid(call.branch()))
                    .bind("user", uuid(call.userId() == null ? null : UUID.fromString(call.userId())))
                    .bind("status", call.status())
                    .bindByType("outcome", call.outcome(), String.class)
                    .bindByType("duration", call.duration(), Integer.class)
                    .bind("created", timestamp(call.createdAt()))
                    .add();
              }
              calls.execute();
            });
  }

  @AfterAll
  void closeDatabase() {
    if (persistence != null) {
      persistence.close();
    }
  }

  private static final List<CallGroup> SPRING_FORWARD_BRANCH_CALLS =
      List.of(
          group("2026-03-08", 0, U2, "completed", "not_interested", 1, 60, 1),
          group("2026-03-08", 1, U2, "missed", null, 1, 0, 0),
          group("2026-03-08", 1, U1, "completed", "not_interested", 1, 25, 1),
          group("2026-03-08", 3, U1, "completed", "wrong_number", 1, 15, 1),
          group("2026-03-08", 3, U1, "failed", null, 1, 0, 1),
          group("2026-03-08", 8, null, "completed", null, 1, 0, 0),
          group("2026-03-08", 8, U1, "voicemail", "callback_requested", 1, 30, 1),
          group("2026-03-08", 9, U1, "completed", "interested", 2, 120, 1),
          group("2026-03-08", 23, U2, "completed", "interested", 2, 300, 2));

  @Test
  void groupsASpringForwardDayOfOneBranchByLocalDateAndHour() {
    LeadActivity activity =
        port.loadLeadActivity(
            GymScope.branch(GYM, BRANCH), ReportPeriod.day(LocalDate.of(2026, 3, 8), NEW_YORK));

    assertThat(activity.leadsCreated())
        .containsExactlyInAnyOrder(
            count("2026-03-08", "new", 1),
            count("2026-03-08", "contacted", 2),
            count("2026-03-08", "converted", 1),
            count("2026-03-08", "waitlisted", 1));
    assertThat(activity.convertedInPeriod()).isEqualTo(4);
    assertThat(activity.calls()).containsExactlyInAnyOrderElementsOf(SPRING_FORWARD_BRANCH_CALLS);
  }

  @Test
  void wholeGymIncludesOtherBranchesButNeverOtherGyms() {
    LeadActivity activity =
        port.loadLeadActivity(
            GymScope.wholeGym(GYM), ReportPeriod.day(LocalDate.of(2026, 3, 8), NEW_YORK));

    assertThat(activity.leadsCreated())
        .containsExactlyInAnyOrder(
            count("2026-03-08", "new", 1),
            count("2026-03-08", "contacted", 2),
            count("2026-03-08", "converted", 2),
            count("2026-03-08", "waitlisted", 1));
    assertThat(activity.convertedInPeriod()).isEqualTo(5);
    List<CallGroup> expected = new ArrayList<>(SPRING_FORWARD_BRANCH_CALLS);
    expected.add(group("2026-03-08", 8, U3, "completed", "interested", 1, 50, 1));
    assertThat(activity.calls()).containsExactlyInAnyOrderElementsOf(expected);
  }

  static List<ReportPeriod> everyBranchPeriods() {
    return List.of(
        ReportPeriod.day(LocalDate.of(2026, 3, 8), NEW_YORK),
        ReportPeriod.day(LocalDate.of(2026, 11, 1), NEW_YORK),
        ReportPeriod.range(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1), NEW_YORK),
        ReportPeriod.day(LocalDate.of(2026, 3, 8), KOLKATA),
        ReportPeriod.range(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31), NEW_YORK));
  }

  @ParameterizedTest
  @MethodSource("everyBranchPeriods")
  void everyBranchAtOnceEqualsEachBranchReadAlone(ReportPeriod period) {
    BranchActivityPort branches = persistence.branchActivity();

    Map<GymScope, LeadActivity> every = branches.loadEveryBranch(period);

    Map<GymScope, LeadActivity> alone = new LinkedHashMap<>();
    for (GymScope scope : fixtureBranches()) {
      LeadActivity activity = port.loadLeadActivity(scope, period);
      if (!activity.equals(LeadActivity.empty())) {
        alone.put(scope, activity);
      }
    }
    assertThat(alone).isNotEmpty();
    assertThat(every).containsExactlyInAnyOrderEntriesOf(alone);
  }

  @Test
  void everyBranchOfTheSpringForwardDayHasItsOwnFigures() {
    Map<GymScope, LeadActivity> every =
        persistence.branchActivity().loadEveryBranch(ReportPeriod.day(LocalDate.of(2026, 3, 8), NEW_YORK));

    assertThat(every.keySet()).contains(GymScope.branch(GYM, BRANCH), GymScope.branch(GYM, OTHER_BRANCH));
    assertThat(every.get(GymScope.branch(GYM, BRANCH)).calls())
        .containsExactlyInAnyOrderElementsOf(SPRING_FORWARD_BRANCH_CALLS);
    assertThat(every.get(GymScope.branch(GYM, OTHER_BRANCH)).calls())
        .containsExactly(group("2026-03-08", 8, U3, "completed", "interested", 1, 50, 1));
  }

  private static Set<GymScope> fixtureBranches() {
    Set<GymScope> scopes = new LinkedHashSet<>();
    LeadActivityFixture.LEADS.forEach(lead -> scopes.add(GymScope.branch(lead.gym(), lead.branch())));
    LeadActivityFixture.CALLS.forEach(call -> scopes.add(GymScope.branch(call.gym(), call.branch())));
    return scopes;
  }

  @Test
  void mergesTheRepeatedLocalHourOfAFallBackDay() {
    LeadActivity activity =
        port.loadLeadActivity(
            GymScope.branch(GYM, BRANCH), ReportPeriod.day(LocalDate.of(2026, 11, 1), NEW_YORK));

    assertThat(activity.leadsCreated())
        .containsExactlyInAnyOrder(
            count("2026-11-01", "new", 1),
            count("2026-11-01", "lost", 1),
            count("2026-11-01", "converted", 1));
    assertThat(activity.convertedInPeriod()).isEqualTo(1);
    assertThat(activity.calls())
        .containsExactlyInAnyOrder(
            group("2026-11-01", 1, U1, "completed", "interested", 2, 30, 2),
            group("2026-11-01", 1, U2, "missed", null, 2, 0, 0),
            group("2026-11-01", 2, U1, "failed", "other", 1, 5, 1),
            group("2026-11-01", 23, U2, "completed", "not_interested", 1, 45, 1));
  }

  @Test
  void splitsAMultiDayRangeIntoLocalDatesAcrossTheTransition() {
    LeadActivity activity =
        port.loadLeadActivity(
            GymScope.branch(GYM, BRANCH),
            ReportPeriod.range(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1), NEW_YORK));

    assertThat(activity.leadsCreated())
        .containsExactlyInAnyOrder(
            count("2026-10-31", "new", 2),
            count("2026-11-01", "new", 1),
            count("2026-11-01", "lost", 1),
            count("2026-11-01", "converted", 1));
    assertThat(activity.convertedInPeriod()).isEqualTo(1);
    assertThat(activity.calls())
        .containsExactlyInAnyOrder(
            group("2026-10-31", 12, U1, "completed", "interested", 1, 60, 1),
            group("2026-10-31", 23, U1, "missed", null, 1, 0, 0),
            group("2026-11-01", 1, U1, "completed", "interested", 2, 30, 2),
            group("2026-11-01", 1, U2, "missed", null, 2, 0, 0),
            group("2026-11-01", 2, U1, "failed", "other", 1, 5, 1),
            group("2026-11-01", 23, U2, "completed", "not_interested", 1, 45, 1));
  }

  @Test
  void usesAHalfHourOffsetEastOfUtc() {
    LeadActivity activity =
        port.loadLeadActivity(
            GymScope.branch(GYM, BRANCH), ReportPeriod.day(LocalDate.of(2026, 3, 8), KOLKATA));

    assertThat(activity.leadsCreated())
        .containsExactlyInAnyOrder(
            count("2026-03-08", "new", 1),
            count("2026-03-08", "contacted", 2),
            count("2026-03-08", "converted", 1),
            count("2026-03-08", "waitlisted", 1));
    assertThat(activity.convertedInPeriod()).isEqualTo(3);
    assertThat(activity.calls())
        .containsExactlyInAnyOrder(
            group("2026-03-08", 10, U2, "completed", "not_interested", 1, 60, 1),
            group("2026-03-08", 10, U1, "completed", "interested", 1, 99, 1),
            group("2026-03-08", 11, U1, "completed", "not_interested", 1, 25, 1),
            group("2026-03-08", 12, U2, "missed", null, 1, 0, 0),
            group("2026-03-08", 12, U1, "completed", "wrong_number", 1, 15, 1),
            group("2026-03-08", 13, U1, "failed", null, 1, 0, 1),
            group("2026-03-08", 17, null, "completed", null, 1, 0, 0),
            group("2026-03-08", 17, U1, "voicemail", "callback_requested", 1, 30, 1),
            group("2026-03-08", 18, U1, "completed", "interested", 2, 120, 1));
  }

  @Test
  void returnsNothingForAPeriodWithoutActivity() {
    LeadActivity activity =
        port.loadLeadActivity(
            GymScope.branch(GYM, BRANCH), ReportPeriod.day(LocalDate.of(2026, 6, 1), ZoneId.of("UTC")));

    assertThat(activity).isEqualTo(LeadActivity.empty());
  }

  @Test
  void returnsNothingForAnUnknownGym() {
    LeadActivity activity =
        port.loadLeadActivity(
            GymScope.wholeGym(UUID.fromString("33333333-3333-3333-3333-333333333333")),
            ReportPeriod.day(LocalDate.of(2026, 3, 8), NEW_YORK));

    assertThat(activity).isEqualTo(LeadActivity.empty());
  }

  private static LeadCount count(String date, String status, long count) {
    return new LeadCount(LocalDate.parse(date), status, count);
  }
}
