package io.pulsereports.cli;

import io.pulsereports.core.model.ReportFormat;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.render.mustache.InvalidTemplateException;
import io.pulsereports.render.mustache.MustacheReportRenderer;
import io.pulsereports.render.mustache.ReportTemplates;
import io.pulsereports.render.mustache.SampleReports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Previews a custom HTML report template against a built-in sample report.",
      "No database needed. Writes HTML, or an A4 PDF with --format pdf.",
      "The template is checked first, as when it is saved: it must compile, include",
      "only built-in partials ({{> pulse-header}}, ...) and escape every value.",
      "Template model: docs/templates.md."
    })
final class RenderCommand implements Callable<Integer> {

  /** Bigger files are refused before they are read; the template limit itself is in characters. */
  private static final long MAX_FILE_BYTES = 4L * ReportTemplates.MAX_CHARS;

  private final CliContext context;

  @Option(names = "--template", required = true, paramLabel = "FILE", description = "the Mustache template (UTF-8)")
  Path template;

  @Option(names = "--type", required = true, paramLabel = "TYPE", description = "daily, weekly or learning-daily")
  String type;

  @Option(names = "--sample", required = true,
      description = "render against the built-in sample report of the type (fixed fake data)")
  boolean sample;

  @Option(names = "--format", paramLabel = "html|pdf", description = "html (default) or pdf")
  String format = "html";

  @Option(names = "--out", paramLabel = "FILE|-", description = "the file to write, or - for standard output (default)")
  String out = "-";

  RenderCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ReportType reportType = reportType();
    ReportFormat reportFormat = reportFormat();
    Path target = out.equals("-") ? null : Path.of(out);
    if (target != null && Files.isDirectory(target)) {
      throw new BadInputException("--out", target + " is a folder; give a file name such as preview." + reportFormat.extension());
    }
    String source = readTemplate();
    MustacheReportRenderer renderer;
    try {
      renderer = MustacheReportRenderer.create().withHtmlTemplate(reportType, source);
    } catch (InvalidTemplateException e) {
      throw new BadInputException("--template", template + ": " + e.getMessage());
    }
    byte[] rendered = renderer.render(SampleReports.of(reportType), reportFormat).get(0).content();
    if (target == null) {
      context.out().write(rendered, 0, rendered.length);
      context.out().flush();
      return ReportingCli.OK;
    }
    try {
      Path parent = target.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(target, rendered);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
    }
    context.out().println(target);
    return ReportingCli.OK;
  }

  private ReportType reportType() {
    List<ReportType> samples = SampleReports.types();
    return samples.stream()
        .filter(sampleType -> sampleType.name().equals(type))
        .findFirst()
        .orElseThrow(() -> new BadInputException("--type", "unknown report type '" + type + "' (available: "
            + samples.stream().map(ReportType::name).collect(Collectors.joining(", ")) + ")"));
  }

  private ReportFormat reportFormat() {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "html" -> ReportFormat.HTML;
      case "pdf" -> ReportFormat.PDF;
      default -> throw new BadInputException("--format", "unknown format '" + format + "' (available: html, pdf)");
    };
  }

  private String readTemplate() {
    if (!Files.exists(template)) {
      throw new BadInputException("--template", "no file at " + template);
    }
    if (!Files.isRegularFile(template)) {
      throw new BadInputException("--template", template + " is not a file");
    }
    try {
      if (Files.size(template) > MAX_FILE_BYTES) {
        throw new BadInputException("--template", template + " is larger than " + MAX_FILE_BYTES / 1024
            + " KiB; a template has at most " + ReportTemplates.MAX_CHARS + " characters");
      }
      return Files.readString(template, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new BadInputException("--template", template + " is not UTF-8 text");
    } catch (IOException e) {
      throw new BadInputException("--template", "cannot read " + template + ": " + e.getMessage());
    }
  }
}
