package io.pulsereports.core.port.out;

import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import java.util.List;

/** Turns a report into documents of one format. */
public interface ReportRenderer {

  /**
   * One document for JSON and HTML; one per table for CSV (a summary plus each list section).
   *
   * @throws io.pulsereports.core.ReportingException when the format or the report type has no
   *     renderer or template
   */
  List<RenderedOutput> render(Report<?> report, ReportFormat format);
}
