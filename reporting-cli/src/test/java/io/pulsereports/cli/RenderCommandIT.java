package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code reporting render}: a custom template previewed against the built-in sample reports. */
class RenderCommandIT {

  private static final String TEMPLATE = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>{{display.header.title}}</title>{{> pulse-style}}</head>
      <body><main>
      {{> pulse-header}}
      <section class="mine"><h2>Our branch</h2>
        <p id="calls">{{display.calls.total}} calls · {{display.calls.success_rate}} completed</p>
        <ol>{{#display._first.staff}}<li>{{user_id}}</li>{{/display._first.staff}}</ol>
      </section>
      {{> pulse-footer}}
      </main></body></html>
      """;

  @TempDir Path dir;

  private Path template(String content) throws Exception {
    return Files.writeString(dir.resolve("mine.mustache"), content);
  }

  @Test
  void rendersTheTemplateAgainstTheSampleReportToStandardOutput() throws Exception {
    CliRun run = CliRun.of("render", "--template", template(TEMPLATE).toString(), "--type", "daily", "--sample");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith("<!DOCTYPE html>")
        .contains("<h1>Daily lead performance</h1>")
        .contains("<li><b>Period</b>Tue 10 Mar 2026</li>")
        .containsPattern("<p id=\"calls\">\\d+ calls · \\d+\\.\\d % completed</p>")
        .contains("<li>maria.lopez</li>")
        .contains("Generated 2026-03-11 10:00 (UTC) by Pulse Reports");
    // The same template and sample give the same page every time.
    assertThat(CliRun.of("render", "--template", dir.resolve("mine.mustache").toString(), "--type", "daily", "--sample").out())
        .isEqualTo(run.out());
  }

  @Test
  void writesAPdfFileAndPrintsItsPath() throws Exception {
    Path pdf = dir.resolve("previews").resolve("weekly.pdf");

    CliRun run = CliRun.of("render", "--template", template(TEMPLATE).toString(), "--type", "weekly", "--sample",
        "--format", "pdf", "--out", pdf.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo(pdf.toString());
    assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  @Test
  void rendersTheLearningSampleToo() throws Exception {
    CliRun run = CliRun.of("render", "--template",
        template("<p>{{display.conversion.candidate_count}} candidates, {{display.conversion.revenue_potential}}</p>").toString(),
        "--type", "learning-daily", "--sample", "--out", "-");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("<p>4 candidates, USD 716.00</p>");
  }

  @Test
  void aTemplateErrorIsExitCodeTwoWithOneLineNamingTheLine() throws Exception {
    Path broken = template("<h1>{{display.header.title}}</h1>\n<ul>\n  {{#display.staff}}<li>{{user_id}}</li>\n</ul>\n");
    Path out = dir.resolve("preview.html");

    CliRun run = CliRun.of("render", "--template", broken.toString(), "--type", "daily", "--sample", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).isEqualTo("error: --template: " + broken
        + ": line 3, column 3: the section 'display.staff' is opened here and never closed (add {{/display.staff}})\n");
    assertThat(run.out()).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void aPartialOutsideTheBuiltInSetIsRefused() throws Exception {
    CliRun run = CliRun.of("render", "--template", template("<p>x</p>\n{{> ../../etc/passwd}}").toString(),
        "--type", "weekly", "--sample");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--template: ").contains("line 2, column 1: the partial '../../etc/passwd' is not one of the built-in partials");
    assertThat(run.out()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown type    | --type monthly --sample                      | --type: unknown report type 'monthly' (available: daily, weekly, learning-daily)",
        "unknown format  | --type daily --sample --format docx          | --format: unknown format 'docx' (available: html, pdf)",
        "missing sample  | --type daily                                 | Missing required option: '--sample'",
        "missing type    | --sample                                     | Missing required option: '--type=TYPE'",
        "out is a folder | --type daily --sample --out DIR              | --out: ",
      })
  void badOptionsAreExitCodeTwoWithOneLine(String description, String options, String expected) throws Exception {
    List<String> args = new ArrayList<>(List.of("render", "--template", template(TEMPLATE).toString()));
    for (String option : options.trim().split("\\s+")) {
      args.add(option.equals("DIR") ? dir.toString() : option);
    }

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains(expected);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingTemplateFileIsBadInput() {
    CliRun run = CliRun.of("render", "--template", dir.resolve("nope.mustache").toString(), "--type", "daily", "--sample");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("error: --template: no file at " + dir.resolve("nope.mustache") + "\n");
  }
}
