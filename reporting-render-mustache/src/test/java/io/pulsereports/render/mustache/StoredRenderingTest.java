package io.pulsereports.render.mustache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.ReportingException;
import io.pulsereports.core.delivery.StoredReport;
import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** A delivery's stored report_data renders as the report it was written from. */
class StoredRenderingTest {

  private final MustacheReportRenderer renderer = MustacheReportRenderer.create();

  static List<ReportType> types() {
    return SampleReports.types();
  }

  @ParameterizedTest
  @MethodSource("types")
  void theStoredJsonRendersTheSamePageAndJsonAsTheReport(ReportType type) {
    Report<?> report = SampleReports.of(type);
    String stored = new String(renderer.render(report, ReportFormat.JSON).get(0).content(), UTF_8);

    assertThat(text(renderer.render(new StoredReport(type, stored), ReportFormat.HTML)))
        .isEqualTo(text(renderer.render(report, ReportFormat.HTML)));
    assertThat(text(renderer.render(new StoredReport(type, stored), ReportFormat.JSON))).isEqualTo(stored);
  }

  @Test
  void storedDataThatIsNotAReportIsAReportingError() {
    assertThatThrownBy(() -> renderer.render(new StoredReport(ReportType.DAILY, "{\"calls\": 1}"), ReportFormat.HTML))
        .isInstanceOf(ReportingException.class)
        .hasMessageContaining("period");
  }

  private static String text(List<RenderedOutput> outputs) {
    assertThat(outputs).hasSize(1);
    return new String(outputs.get(0).content(), UTF_8);
  }
}
