package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.persistence.jdbc.JdbiLeadActivityRepository.GymRange;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every branch's activity read on several SQLite connections at once (a grouped pass per range of
 * gym ids) equals one grouped pass and each branch read alone, on synthetic data whose gyms fall
 * in many ranges, over an ordinary day, the spring-forward day and a week.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteEveryBranchReadersIT {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final LocalDate END = LocalDate.of(2026, 3, 12);
  private static final SyntheticDataSpec SPEC =
      new SyntheticDataSpec(12, 2, 3, 8, 4, 30, END, NEW_YORK, 7L);

  @TempDir static Path directory;
  private JdbcPersistence persistence;

  @BeforeAll
  void load() {
    persistence = JdbcPersistence.sqlite(directory.resolve("every-branch.db"));
    SyntheticLeadData.write(persistence, SPEC, rows -> {});
  }

  @AfterAll
  void close() {
    persistence.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-10", "2026-03-08", "week"})
  void severalReadersReadWhatOnePassAndEachBranchAloneRead(String day) {
    ReportPeriod period =
        day.equals("week")
            ? ReportPeriod.isoWeekContaining(LocalDate.of(2026, 3, 4), NEW_YORK)
            : ReportPeriod.day(LocalDate.parse(day), NEW_YORK);
    // The precondition that makes this test mean something: the gyms span several ranges.
    long rangesWithGyms =
        GymRange.split(8).stream()
            .filter(range -> IntStream.range(0, SPEC.gyms())
                .mapToObj(g -> SyntheticDataSpec.gymId(g).toString())
                .anyMatch(id -> range.from().map(f -> id.compareTo(f) >= 0).orElse(true)
                    && range.to().map(t -> id.compareTo(t) < 0).orElse(true)))
            .count();
    assertThat(rangesWithGyms).isGreaterThanOrEqualTo(4);

    Map<GymScope, LeadActivity> onePass =
        new JdbiLeadActivityRepository(persistence.jdbi(), Dialect.SQLITE, 1).loadEveryBranch(period);
    Map<GymScope, LeadActivity> fourReaders =
        new JdbiLeadActivityRepository(persistence.jdbi(), Dialect.SQLITE, 4).loadEveryBranch(period);

    assertThat(onePass).hasSize(SPEC.gyms() * SPEC.branchesPerGym());
    assertThat(fourReaders).isEqualTo(onePass);
    assertThat(fourReaders.keySet()).containsExactlyElementsOf(onePass.keySet());
    onePass.forEach(
        (branch, activity) ->
            assertThat(persistence.leadActivity().loadLeadActivity(branch, period)).as(branch.toString()).isEqualTo(activity));
  }
}
