package io.pulsereports.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.ReportPeriod;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source database opened with {@link JdbcPersistence#readOnly}: reports read from it, and every
 * write (a statement, a migration, the demo schema) is refused by the database itself.
 */
class ReadOnlySourceIT {

  private static final SyntheticDataSpec SPEC =
      new SyntheticDataSpec(2, 2, 3, 5, 4, 20, LocalDate.of(2026, 3, 1), ZoneId.of("UTC"), 7L);
  private static final ReportPeriod DAY = ReportPeriod.day(LocalDate.of(2026, 2, 27), ZoneId.of("UTC"));
  private static final GymScope BRANCH = GymScope.branch(SyntheticDataSpec.gymId(0), SyntheticDataSpec.branchId(0, 0));

  @TempDir Path directory;

  @Test
  void sqliteSourceIsReadButNeverWritten() throws Exception {
    Path file = directory.resolve("source.db");
    LeadActivity written;
    try (JdbcPersistence writable = JdbcPersistence.sqlite(file)) {
      SyntheticLeadData.write(writable, SPEC, rows -> {});
      written = writable.leadActivity().loadLeadActivity(BRANCH, DAY);
    }
    try (JdbcPersistence source = JdbcPersistence.readOnly("jdbc:sqlite:" + file)) {
      assertReadOnly(source, written);
    }
  }

  @Test
  void postgresqlSourceIsReadButNeverWritten() throws Exception {
    DataSource dataSource = EmbeddedPostgresServer.newDatabase("read_only_source", "UTC");
    String url;
    try (Connection connection = dataSource.getConnection()) {
      url = connection.getMetaData().getURL();
    }
    String urlWithUser = url + (url.contains("?") ? "&" : "?") + "user=postgres";
    LeadActivity written;
    try (JdbcPersistence writable = JdbcPersistence.postgres(dataSource)) {
      SyntheticLeadData.write(writable, SPEC, rows -> {});
      written = writable.leadActivity().loadLeadActivity(BRANCH, DAY);
    }
    try (JdbcPersistence source = JdbcPersistence.readOnly(urlWithUser)) {
      assertReadOnly(source, written);
    }
  }

  private static void assertReadOnly(JdbcPersistence source, LeadActivity written) throws SQLException {
    assertThat(written.calls()).isNotEmpty();
    assertThat(source.leadActivity().loadLeadActivity(BRANCH, DAY)).isEqualTo(written);
    assertThat(source.branchActivity().loadEveryBranch(DAY)).containsEntry(BRANCH, written);

    try (Connection connection = source.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      assertThat(connection.isReadOnly()).isTrue();
      assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM call_logs"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("read");
    }
    assertThatThrownBy(source::migrate).isInstanceOf(PersistenceException.class);
    try (Connection connection = source.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet calls = statement.executeQuery("SELECT count(*) FROM call_logs")) {
      calls.next();
      assertThat(calls.getLong(1)).isEqualTo(SPEC.totalCalls());
      assertThat(DatabaseTables.exists(connection, "pulse_reports_schema_history", DatabaseTables.QUERYABLE))
          .isFalse();
    }
  }
}
