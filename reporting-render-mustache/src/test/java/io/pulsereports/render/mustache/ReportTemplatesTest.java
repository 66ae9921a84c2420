package io.pulsereports.render.mustache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pulsereports.core.ReportingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReportTemplatesTest {

  @Test
  void acceptsATemplateThatUsesTheModelAndTheBuiltInPartials() {
    assertThatCode(() -> ReportTemplates.validate("""
        <!DOCTYPE html>
        <html><head>{{> pulse-style}}</head>
        <body>{{> pulse-header}}
        {{#display.staff}}<p>{{rank}}. {{user_id}}</p>{{/display.staff}}{{^staff}}<p>nobody</p>{{/staff}}
        {{> pulse-footer}}</body></html>
        """)).doesNotThrowAnyException();
  }

  @Test
  void anUnclosedSectionNamesTheLineAndColumnWhereItOpens() {
    InvalidTemplateException error = invalid("<h1>{{display.header.title}}</h1>\n<ul>\n  {{#display.staff}}<li>{{user_id}}</li>\n</ul>\n");

    assertThat(error.line()).hasValue(3);
    assertThat(error.column()).hasValue(3);
    assertThat(error).hasMessage(
        "line 3, column 3: the section 'display.staff' is opened here and never closed (add {{/display.staff}})");
    assertThat(error).isInstanceOf(ReportingException.class);
  }

  @Test
  void aClosingTagThatDoesNotMatchNamesBothSections() {
    InvalidTemplateException error = invalid("a\n{{#leads}}\n{{new}} {{/calls}}\n");

    assertThat(error.line()).hasValue(3);
    assertThat(error.column()).hasValue(9);
    assertThat(error.problem()).isEqualTo("{{/calls}} does not match the open section 'leads' (close it with {{/leads}})");
  }

  @Test
  void aClosingTagWithoutASectionAndAnUnclosedTagAreRefused() {
    assertThat(invalid("x\n\n{{/leads}}").getMessage()).isEqualTo("line 3, column 1: {{/leads}} closes a section that is not open");
    assertThat(invalid("<p>\n<b>{{leads.new</b>\n").getMessage()).startsWith("line 2, column 4: a tag is not closed with }}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../../../etc/passwd", "/etc/passwd", "partials/pulse-header", "pulse-header.mustache",
      "secrets", "C:\\Windows\\win", "file:///etc/hosts"})
  void aPartialOutsideTheBuiltInSetIsRefusedWithoutReadingAnything(String name) {
    InvalidTemplateException error = invalid("<p>ok</p>\n<div>{{> " + name + "}}</div>\n");

    assertThat(error.line()).hasValue(2);
    assertThat(error.column()).hasValue(6);
    assertThat(error.problem()).startsWith("the partial '" + name + "' is not one of the built-in partials (")
        .contains("pulse-header", "pulse-footer");
  }

  @Test
  void parentsAndDynamicPartialsFollowTheSameRule() {
    assertThat(invalid("{{<../layout}}{{/../layout}}").problem()).startsWith("the partial '../layout' is not one of");
    assertThat(invalid("{{>*display.header.title}}").problem()).startsWith("dynamic partials");
    assertThatCode(() -> ReportTemplates.validate("{{<pulse-footer}}{{/pulse-footer}}")).doesNotThrowAnyException();
  }

  @Test
  void refusesValuesWrittenWithoutEscapingAndPragmas() {
    assertThat(invalid("<p>\n{{{display.header.title}}}</p>").getMessage())
        .isEqualTo("line 2, column 1: 'display.header.title' would be written without HTML escaping; use {{display.header.title}}");
    assertThat(invalid("{{& calls.total}}").problem()).contains("without HTML escaping");
    assertThat(invalid("{{%IMPLICIT-ITERATOR}}").problem()).startsWith("pragmas");
  }

  @Test
  void refusesEmptyAndOversizedTemplatesAsAWhole() {
    assertThat(invalid("  \n").getMessage()).isEqualTo("the template is empty");
    InvalidTemplateException tooLarge = invalid("x".repeat(ReportTemplates.MAX_CHARS + 1));
    assertThat(tooLarge.line()).isEmpty();
    assertThat(tooLarge.getMessage()).isEqualTo("the template has 262,145 characters; at most 262,144 are allowed");
    assertThatCode(() -> ReportTemplates.validate("x".repeat(ReportTemplates.MAX_CHARS))).doesNotThrowAnyException();
  }

  @Test
  void everyBuiltInTemplateAndPartialPassesTheRules() throws IOException {
    Path templates = Path.of("src/main/resources/io/pulsereports/render/mustache/templates");
    try (Stream<Path> files = Files.walk(templates)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".mustache") && !f.toString().contains("offers")).toList()) {
        assertThatCode(() -> ReportTemplates.validate(Files.readString(file))).as(file.toString()).doesNotThrowAnyException();
      }
    }
  }

  @Test
  void thePartialSetIsExactlyTheFilesUnderPartials() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/io/pulsereports/render/mustache/templates/partials"))) {
      assertThat(files.map(f -> f.getFileName().toString().replace(".mustache", "")))
          .containsExactlyInAnyOrderElementsOf(ReportTemplates.partials());
    }
  }

  private static InvalidTemplateException invalid(String source) {
    InvalidTemplateException error = catchThrowableOfType(InvalidTemplateException.class, () -> ReportTemplates.validate(source));
    assertThat(error).as("refused: %s", source.length() > 80 ? source.substring(0, 80) + "…" : source).isNotNull();
    return error;
  }
}
