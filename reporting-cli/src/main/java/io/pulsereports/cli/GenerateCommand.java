package io.pulsereports.cli;

import io.pulsereports.core.Reporting;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.render.mustache.MustacheReportRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Computes one report from the database and writes it as JSON, CSV and/or HTML.",
      "Lead reports need --gym-id; without --branch-id the report covers the whole gym."
    })
final class GenerateCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin ReportOptions reportOptions;

  @Option(names = "--format", paramLabel = "FORMATS", split = ",", description = "json, csv, html; comma-separated (default json)")
  List<String> formats = List.of("json");

  @Option(names = "--out", paramLabel = "DIR|-", description = "output folder (default reports), or - for standard output with one format")
  String out = "reports";

  @Mixin DatabaseOption databaseOption;

  GenerateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<ReportFormat> parsedFormats = parseFormats(formats);
    boolean toStandardOutput = out.equals("-");
    if (toStandardOutput && parsedFormats.size() != 1) {
      throw new BadInputException("--out", "'-' writes one format to standard output; choose one --format");
    }
    GenerateReportCommand command = reportOptions.command();
    try (OnDemandLeadActivity leadActivity = new OnDemandLeadActivity(databaseOption.url(context))) {
      Reporting reporting = Reporting.builder().clock(context.clock()).leadActivity(leadActivity).build();
      Report<?> report = reporting.generate(command).report();
      ReportWriter writer = new ReportWriter(MustacheReportRenderer.create());
      if (toStandardOutput) {
        writer.writeTo(report, parsedFormats.get(0), context.out());
      } else {
        writer.writeFiles(report, parsedFormats, Path.of(out)).forEach(path -> context.out().println(path));
      }
    }
    return ReportingCli.OK;
  }

  static List<ReportFormat> parseFormats(List<String> names) {
    List<ReportFormat> parsed = new ArrayList<>();
    for (String name : names) {
      ReportFormat format =
          ReportFormat.fromExtension(name)
              .orElseThrow(() -> new BadInputException("--format", formatProblem(name)));
      if (!parsed.contains(format)) {
        parsed.add(format);
      }
    }
    if (parsed.isEmpty()) {
      throw new BadInputException("--format", "no format given");
    }
    return parsed;
  }

  private static String formatProblem(String name) {
    String wanted = name.strip().toLowerCase(java.util.Locale.ROOT);
    if (wanted.equals("png") || wanted.equals("pdf")) {
      return wanted + " output is not available in this version (available: json, csv, html)";
    }
    return "unknown format '" + name + "' (available: json, csv, html)";
  }
}
