package io.pulsereports.cli;

import io.pulsereports.core.Reporting;
import io.pulsereports.core.metric.LearningMetricsConfig;
import io.pulsereports.core.model.Pseudonyms;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.port.in.GenerateReportCommand;
import io.pulsereports.core.template.ReportTemplate;
import io.pulsereports.render.mustache.MustacheReportRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Computes one report from the database and writes it as JSON, CSV, HTML, PNG charts and/or PDF (A4).",
      "Lead reports need --gym-id; without --branch-id the report covers the whole gym.",
      "learning-daily covers the coaching app (users, coaching_sessions, detected_errors)."
    })
final class GenerateCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin ReportOptions reportOptions;

  @Option(names = "--format", paramLabel = "FORMATS", split = ",", description = "json, csv, html, png, pdf; comma-separated (default json)")
  List<String> formats = List.of("json");

  @Option(names = "--out", paramLabel = "DIR|-", description = "output folder (default reports), or - for standard output with one format")
  String out = "reports";

  @Option(names = "--anonymize",
      description = "replace user ids and emails in every output by keyed pseudonyms (HMAC-SHA-256 with $"
          + PSEUDONYM_KEY_VARIABLE + ")")
  boolean anonymize;

  @Option(names = "--template-id", paramLabel = "UUID",
      description = "render html and pdf with this saved template (see 'reporting templates') instead of the built-in one")
  String templateId;

  @Option(names = "--all-branches",
      description = "daily, weekly: the report of every branch of every gym with activity in the period, read in"
          + " grouped passes (not per branch); one set of files per branch in --out (a folder); progress on standard error")
  boolean allBranches;

  @Mixin DatabaseOption databaseOption;

  @Mixin SourceDatabaseOption sourceOption;

  static final String PSEUDONYM_KEY_VARIABLE = "REPORTING_PSEUDONYM_KEY";

  private Pseudonyms pseudonyms() {
    String key = context.env().get(PSEUDONYM_KEY_VARIABLE);
    if (key == null || key.isBlank()) {
      throw new BadInputException("--anonymize", "needs the secret key in " + PSEUDONYM_KEY_VARIABLE
          + " (at least " + Pseudonyms.MIN_KEY_LENGTH + " characters; keep it to get the same pseudonyms in every run)");
    }
    if (key.length() < Pseudonyms.MIN_KEY_LENGTH) {
      throw new BadInputException("--anonymize", PSEUDONYM_KEY_VARIABLE + " is shorter than "
          + Pseudonyms.MIN_KEY_LENGTH + " characters");
    }
    return Pseudonyms.withKey(key);
  }

  /** The offer of the environment for learning reports (their offer_price and revenue_potential). */
  private LearningMetricsConfig learningMetrics() {
    return "learning-daily".equals(reportOptions.type)
        ? OfferSettings.fromEnvironment(context.env()).learningMetrics()
        : LearningMetricsConfig.defaults();
  }

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
    Optional<Pseudonyms> pseudonyms = anonymize ? Optional.of(pseudonyms()) : Optional.empty();
    Optional<java.util.UUID> template = Optional.ofNullable(templateId)
        .map(value -> BadInputException.requireUuid("--template-id", value));
    if (allBranches) {
      if (toStandardOutput) {
        throw new BadInputException("--out", "--all-branches writes one set of files per branch; give a folder, not '-'");
      }
      if (reportOptions.gymId != null || reportOptions.branchId != null) {
        throw new BadInputException("--all-branches", "covers every branch of every gym; leave out --gym-id and --branch-id");
      }
    }
    try (OnDemandDatabase database = new OnDemandDatabase(Databases.of(context, databaseOption, sourceOption))) {
      MustacheReportRenderer renderer = MustacheReportRenderer.create();
      if (template.isPresent()) {
        ReportTemplate saved = database.template(template.get()).orElseThrow(() -> new BadInputException(
            "--template-id", "no template " + template.get() + " (see 'reporting templates list')"));
        if (!saved.reportType().name().equals(reportOptions.type)) {
          throw new BadInputException("--template-id",
              "template " + saved.id() + " is for " + saved.reportType() + " reports, not " + reportOptions.type);
        }
        renderer = renderer.withHtmlTemplate(saved.reportType(), saved.content());
      }
      Reporting reporting =
          Reporting.builder()
              .clock(context.clock())
              .leadActivity(database.leadActivity())
              .branchActivity(database.branchActivity())
              .learningMetrics(learningMetrics())
              .learningActivity(database.learningActivity())
              .build();
      ReportWriter writer = new ReportWriter(renderer);
      if (allBranches) {
        writeEveryBranch(reporting, command, pseudonyms, writer, parsedFormats);
        return ReportingCli.OK;
      }
      Report<?> generated = reporting.generate(command).report();
      Report<?> report = pseudonyms.<Report<?>>map(generated::anonymized).orElse(generated);
      if (toStandardOutput) {
        writer.writeTo(report, parsedFormats.get(0), context.out());
      } else {
        writer.writeFiles(report, parsedFormats, Path.of(out)).forEach(path -> context.out().println(path));
      }
    }
    return ReportingCli.OK;
  }

  private void writeEveryBranch(
      Reporting reporting, GenerateReportCommand command, Optional<Pseudonyms> pseudonyms, ReportWriter writer,
      List<ReportFormat> formats) {
    long start = System.nanoTime();
    List<Report<?>> reports = reporting.generateEveryBranch(command).reports();
    context.err().printf(Locale.ROOT, "Computed the %s reports of %,d branches in %.1f s%n",
        command.reportType(), reports.size(), (System.nanoTime() - start) / 1e9);
    try (Progress progress = new Progress("Writing", reports.size(), " reports", context.err())) {
      for (Report<?> generated : reports) {
        Report<?> report = pseudonyms.<Report<?>>map(generated::anonymized).orElse(generated);
        writer.writeFiles(report, formats, Path.of(out)).forEach(path -> context.out().println(path));
        progress.accept(1);
      }
    }
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
    return "unknown format '" + name + "' (available: json, csv, html, png, pdf)";
  }
}
