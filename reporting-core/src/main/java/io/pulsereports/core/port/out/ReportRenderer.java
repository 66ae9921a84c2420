package io.pulsereports.core.port.out;

import io.pulsereports.core.ReportingException;
import io.pulsereports.core.delivery.StoredReport;
import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportType;
import java.util.List;
import java.util.Optional;

/** Turns a report into documents of one format. */
public interface ReportRenderer {

  /**
   * One document for JSON and HTML; one per table for CSV (a summary plus each list section).
   *
   * @throws io.pulsereports.core.ReportingException when the format or the report type has no
   *     renderer or template
   */
  List<RenderedOutput> render(Report<?> report, ReportFormat format);

  /**
   * Why {@code content} cannot serve as a custom HTML template of {@code type} (it does not
   * compile, it reads something outside the built-in partials), naming the line; empty when it can.
   * Checked when a template is saved.
   */
  default Optional<String> templateProblem(ReportType type, String content) {
    return Optional.of("this renderer does not take custom templates");
  }

  /**
   * Renders a report from its stored JSON (a delivery's {@code report_data}), as {@link #render}
   * renders a generated one.
   *
   * @throws ReportingException when the stored data cannot be read or this renderer cannot render
   *     stored reports
   */
  default List<RenderedOutput> render(StoredReport report, ReportFormat format) {
    throw new ReportingException("this renderer cannot render stored reports");
  }
}
