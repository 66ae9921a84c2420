package io.pulsereports.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulsereports.core.model.PeriodKind;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.port.in.TemplateFields;
import io.pulsereports.core.port.out.ReportRenderer;
import io.pulsereports.core.template.ReportTemplate;
import io.pulsereports.core.template.TemplateQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Custom templates over fakes: the renderer's check decides whether content compiles. */
class TemplatesTest {

  private static final String GYM = "3f0c9c1e-8a4b-4d43-9a43-2b4c1d2e3f40";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-05T12:00:00Z"));
  private final InMemoryTemplateRepository repository = new InMemoryTemplateRepository();
  /** Compiles a template unless it has an unclosed section, like a real Mustache compiler would refuse it. */
  private final ReportRenderer renderer = new ReportRenderer() {
    @Override
    public List<io.pulsereports.core.model.RenderedOutput> render(
        io.pulsereports.core.model.Report<?> report, io.pulsereports.core.model.ReportFormat format) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> templateProblem(ReportType type, String content) {
      int line = 1;
      for (String text : content.split("\n", -1)) {
        if (text.contains("{{#") && !content.contains("{{/")) {
          return Optional.of("line " + line + ": the section is opened here and never closed");
        }
        line++;
      }
      return Optional.empty();
    }
  };

  private Reporting reporting() {
    return Reporting.builder()
        .clock(clock)
        .register(new ReportDefinition<>(new ReportType("tally"), PeriodKind.DAY, true, request -> null))
        .templates(repository, renderer)
        .build();
  }

  private static TemplateFields.Builder fields() {
    return TemplateFields.builder().name("Branch morning").reportType("tally").gymId(Optional.of(GYM))
        .content("<h1>{{report_type}}</h1>\n{{#staff}}<p>{{name}}</p>{{/staff}}");
  }

  @Test
  void aValidTemplateIsStoredWithItsFields() {
    ReportTemplate created = reporting().createTemplate(fields().subject(Optional.of(" Morning numbers ")).build());

    assertThat(created.name()).isEqualTo("Branch morning");
    assertThat(created.format()).isEqualTo("html");
    assertThat(created.subject()).contains("Morning numbers");
    assertThat(created.gymId()).contains(UUID.fromString(GYM));
    assertThat(repository.all()).containsExactly(created);
    assertThat(reporting().findTemplate(created.id().toString())).contains(created);
    assertThat(reporting().listTemplates(TemplateQuery.all(10)).items()).containsExactly(created);
  }

  static Stream<Arguments> badTemplates() {
    return Stream.of(
        Arguments.of(fields().name(null), "name", "required"),
        Arguments.of(fields().name("x".repeat(201)), "name", "longer than 200"),
        Arguments.of(fields().reportType("monthly"), "report_type", "unknown report type 'monthly'"),
        Arguments.of(fields().gymId(Optional.of("gym-1")), "gym_id", "is not a UUID"),
        Arguments.of(fields().format("pdf"), "format", "'pdf' templates are not supported"),
        Arguments.of(fields().content("  "), "content", "required"),
        Arguments.of(fields().content("<h1>ok</h1>\n{{#staff}}<p>{{name}}</p>"), "content",
            "line 2: the section is opened here and never closed"),
        Arguments.of(fields().subject(Optional.of("Hi\r\nBcc: x@example.com")), "subject", "line break"));
  }

  @ParameterizedTest
  @MethodSource("badTemplates")
  void aBadTemplateNamesTheFieldAndStoresNothing(TemplateFields.Builder bad, String field, String problem) {
    assertThatThrownBy(() -> reporting().createTemplate(bad.build()))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.problem()).contains(problem);
        });
    assertThat(repository.all()).isEmpty();
  }

  @Test
  void anUpdateIsValidatedAndAStaleOneChangesNothing() {
    Reporting reporting = reporting();
    ReportTemplate created = reporting.createTemplate(fields().build());

    ReportTemplate renamed = reporting.updateTemplate(created.id().toString(),
        TemplateFields.from(created).name("Renamed").build());
    assertThat(renamed.name()).isEqualTo("Renamed");
    assertThat(renamed.updatedAt()).isAfter(created.updatedAt());
    assertThat(renamed.createdAt()).isEqualTo(created.createdAt());

    assertThatThrownBy(() -> reporting.updateTemplate(created.id().toString(),
        TemplateFields.from(created).content("{{#open}}").build()))
        .isInstanceOfSatisfying(InvalidReportRequestException.class, e -> assertThat(e.field()).isEqualTo("content"));
    assertThat(repository.all()).containsExactly(renamed);

    clock.advance(Duration.ofMinutes(1));
    assertThat(repository.update(created, created)).as("stale").isFalse();
  }

  @Test
  void removingAnUnknownOrMalformedIdNamesTheField() {
    Reporting reporting = reporting();
    assertThatThrownBy(() -> reporting.removeTemplate(UUID.randomUUID().toString()))
        .isInstanceOfSatisfying(InvalidReportRequestException.class,
            e -> assertThat(e.problem()).startsWith("no template"));
    assertThatThrownBy(() -> reporting.findTemplate("t-1"))
        .isInstanceOfSatisfying(InvalidReportRequestException.class,
            e -> assertThat(e.field()).isEqualTo("template_id"));
    ReportTemplate created = reporting.createTemplate(fields().build());
    reporting.removeTemplate(created.id().toString());
    assertThat(repository.all()).isEmpty();
  }
}
