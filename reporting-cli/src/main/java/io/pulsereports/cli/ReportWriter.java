package io.pulsereports.cli;

import io.pulsereports.core.model.RenderedOutput;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.port.out.ReportRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import io.pulsereports.core.model.ReportType;
import java.util.Map;

/** Renders a report in every requested format first, then writes the files (or standard output). */
final class ReportWriter {

  private final ReportRenderer renderer;

  ReportWriter(ReportRenderer renderer) {
    this.renderer = renderer;
  }

  /** Renders everything before writing anything, so a rendering failure leaves no partial output. */
  List<Path> writeFiles(Report<?> report, List<ReportFormat> formats, Path directory) {
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new BadInputException("--out", directory + " exists and is not a folder");
    }
    Map<Path, byte[]> files = new LinkedHashMap<>();
    for (ReportFormat format : formats) {
      List<RenderedOutput> outputs = renderer.render(report, format);
      if (outputs.isEmpty()) {
        throw new BadInputException("--format", report.type() + " reports have no " + format.extension()
            + " output in this version");
      }
      for (RenderedOutput output : outputs) {
        files.put(directory.resolve(fileName(report, output, outputs.size() == 1)), output.content());
      }
    }
    try {
      Files.createDirectories(directory);
      for (Map.Entry<Path, byte[]> file : files.entrySet()) {
        Files.write(file.getKey(), file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the report to " + directory + ": " + e.getMessage(), e);
    }
    return new ArrayList<>(files.keySet());
  }

  /**
   * One format to standard output; CSV tables follow each other, each after a '# part' line. A PDF
   * or a PNG is written as its bytes.
   */
  void writeTo(Report<?> report, ReportFormat format, PrintStream out) {
    List<RenderedOutput> outputs = renderer.render(report, format);
    if (outputs.isEmpty()) {
      throw new BadInputException("--format", report.type() + " reports have no " + format.extension()
          + " output in this version");
    }
    if (format == ReportFormat.PNG && outputs.size() > 1) {
      throw new BadInputException("--out", "'-' writes one image; this report has " + outputs.size() + " charts: use a folder");
    }
    for (int i = 0; i < outputs.size(); i++) {
      RenderedOutput output = outputs.get(i);
      if (outputs.size() > 1) {
        out.print((i == 0 ? "" : "\n") + "# " + output.part() + "\n");
      }
      out.write(output.content(), 0, output.content().length);
    }
    out.flush();
  }

  /**
   * The file of one output. Learning reports are named like the coaching app's own exports, by the
   * moment they were generated ({@code daily_report_20260309_060000.html} and {@code .pdf}, {@code
   * top_mistakes_20260309_060000.csv}, {@code daily_summary_…json}); lead reports by type, scope
   * and dates, with the part for multi-part formats ({@code daily_branch-…_2026-03-08_by_hour.csv}).
   */
  static String fileName(Report<?> report, RenderedOutput output, boolean single) {
    String extension = output.format().extension();
    if (report.type().equals(ReportType.LEARNING_DAILY)) {
      String stamp = LEARNING_STAMP.format(report.generatedAt());
      String name = switch (output.format()) {
        case JSON -> "daily_summary";
        case HTML, PDF -> "daily_report";
        default -> output.part();
      };
      return name + "_" + stamp + "." + extension;
    }
    return baseName(report) + (single ? "" : "_" + output.part()) + "." + extension;
  }

  private static final DateTimeFormatter LEARNING_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

  /** {@code daily_<branch or gym>_2026-03-08}, {@code weekly_<branch or gym>_2026-03-02_2026-03-08}. */
  static String baseName(Report<?> report) {
    ReportPeriod period = report.request().period();
    String scope =
        report.request().scope()
            .map(s -> s.branchId().map(b -> "branch-" + b).orElse("gym-" + s.gymId()))
            .map(s -> "_" + s)
            .orElse("");
    String dates =
        period.days() == 1 ? period.startDate().toString() : period.startDate() + "_" + period.endDate();
    return report.type().name() + scope + "_" + dates;
  }
}
