package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulsereports.core.ReportDefinition;
import io.pulsereports.core.Reporting;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.PeriodKind;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.core.port.out.ReportRenderer;
import io.pulsereports.persistence.jdbc.JdbcPersistence;
import io.pulsereports.render.mustache.MustacheReportRenderer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The README's embedding example, run against a real PostgreSQL holding a user's own tables. */
class EmbeddingExampleIT {

  /** The embedding service's own data port for its own report type. */
  record CallCounter(DataSource dataSource) {
    long count(GymScope scope, ReportPeriod period) {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement query = connection.prepareStatement(
              "SELECT count(*) FROM call_logs WHERE gym_id = ? AND created_at >= ? AND created_at < ?")) {
        query.setObject(1, scope.gymId());
        query.setTimestamp(2, Timestamp.from(period.start()));
        query.setTimestamp(3, Timestamp.from(period.end()));
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  record CallVolume(long calls) {}

  @Test
  void embeddingServiceRunsBuiltInAndOwnReportsOnItsOwnDataSource() throws Exception {
    String url = PostgresServer.newDatabaseUrl("embedding");
    HandMadeLeadDatabase.create(url);
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    CallCounter myCallCounter = new CallCounter(dataSource);

    JdbcPersistence database = JdbcPersistence.postgres(dataSource);
    database.migrate();

    ReportDefinition<CallVolume> callVolume = new ReportDefinition<>(
        new ReportType("call-volume"), PeriodKind.WEEK, true,
        request -> new CallVolume(myCallCounter.count(request.requiredScope(), request.period())));

    Reporting reporting = Reporting.builder()
        .leadActivity(database.leadActivity())
        .register(callVolume)
        .build();
    ReportRenderer renderer = MustacheReportRenderer.builder()
        .template("call-volume", "<h1>{{display.header.title}}</h1><p>{{calls}} calls</p>")
        .build();

    Report<?> daily = reporting.generate(GenerateReportCommand.builder("daily")
            .gymId(HandMadeLeadDatabase.GYM).branchId(HandMadeLeadDatabase.BRANCH)
            .date("2026-03-08").timezone("America/New_York").build())
        .report();
    byte[] json = renderer.render(daily, ReportFormat.JSON).get(0).content();

    Report<?> mine = reporting.generate(GenerateReportCommand.builder("call-volume")
            .gymId(HandMadeLeadDatabase.GYM).startDate("2026-03-02").endDate("2026-03-08")
            .timezone("America/New_York").build()).report();
    byte[] html = renderer.render(mine, ReportFormat.HTML).get(0).content();

    assertThat(new ObjectMapper().readTree(json).at("/calls/total").asLong()).isEqualTo(10);
    // Week of 2026-03-02 in New York, whole gym: calls 1-8, 10, 11, 13 and 14.
    assertThat(mine.body()).isEqualTo(new CallVolume(12));
    assertThat(new String(html, StandardCharsets.UTF_8)).contains("<p>12 calls</p>");
    try (Connection connection = dataSource.getConnection();
        ResultSet tables = connection.getMetaData().getTables(null, "public", "report_deliveries", null)) {
      assertThat(tables.next()).as("migrate() created Pulse Reports' own tables").isTrue();
    }
  }
}
