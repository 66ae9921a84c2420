package io.pulsereports.persistence.jdbc;

import static io.pulsereports.persistence.jdbc.DeliveryFixture.GYM_A;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.NOW;

import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.template.ReportTemplate;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Templates for the repository tests: {@code aTemplate()…build()}, an HTML template of the daily
 * report owned by gym A, not its default, without description or subject, created at NOW (see
 * {@link DeliveryFixture} for NOW and the gyms).
 */
final class TemplateFixture {

  static final String CONTENT = "<h1>{{gym_name}}</h1><p>{{leads.total}} leads</p>";

  private UUID id = UUID.randomUUID();
  private Optional<UUID> gymId = Optional.of(GYM_A);
  private String name = "Daily for the front desk";
  private Optional<String> description = Optional.empty();
  private ReportType reportType = ReportType.DAILY;
  private String format = "html";
  private Optional<String> subject = Optional.empty();
  private String content = CONTENT;
  private boolean isDefault;
  private Instant createdAt = NOW;
  private Instant updatedAt = NOW;

  private TemplateFixture() {}

  static TemplateFixture aTemplate() {
    return new TemplateFixture();
  }

  TemplateFixture id(UUID value) {
    id = value;
    return this;
  }

  TemplateFixture gym(UUID value) {
    gymId = Optional.of(value);
    return this;
  }

  /** Shared by every gym (no gym). */
  TemplateFixture shared() {
    gymId = Optional.empty();
    return this;
  }

  TemplateFixture name(String value) {
    name = value;
    return this;
  }

  TemplateFixture description(String value) {
    description = Optional.of(value);
    return this;
  }

  TemplateFixture reportType(ReportType value) {
    reportType = value;
    return this;
  }

  TemplateFixture format(String value) {
    format = value;
    return this;
  }

  TemplateFixture subject(String value) {
    subject = Optional.of(value);
    return this;
  }

  TemplateFixture content(String value) {
    content = value;
    return this;
  }

  TemplateFixture isDefault() {
    isDefault = true;
    return this;
  }

  TemplateFixture createdAt(Instant value) {
    createdAt = value;
    updatedAt = value;
    return this;
  }

  TemplateFixture updatedAt(Instant value) {
    updatedAt = value;
    return this;
  }

  ReportTemplate build() {
    return new ReportTemplate(id, gymId, name, description, reportType, format, subject, content,
        isDefault, createdAt, updatedAt);
  }

  /** {@code template} with another name and updated_at, everything else kept. */
  static ReportTemplate renamed(ReportTemplate template, String name, Instant updatedAt) {
    return new ReportTemplate(template.id(), template.gymId(), name, template.description(),
        template.reportType(), template.format(), template.subject(), template.content(),
        template.isDefault(), template.createdAt(), updatedAt);
  }

  /**
   * About 200 KB of Mustache: sections, inverted sections, partials, comments, triple and
   * set-delimiter tags, text in several scripts (multi-byte UTF-8, astral emoji), quotes,
   * backslashes, tabs and line breaks of both kinds.
   */
  static String largeContent() {
    String block =
        "{{! Wochenbericht — 週報 — تقرير }}\r\n"
            + "<section class=\"gym\" data-x='1'>\n"
            + "\t<h2>{{gym_name}} · Straße ẞ Ø 🚀🏋️‍♀️</h2>\n"
            + "  {{#leads}}<li>{{name}} — {{{raw_html}}} \\ 100% {{/leads}}\n"
            + "  {{^leads}}<p>Keine Leads / リードなし / Нет лидов</p>{{/leads}}\n"
            + "  {{> footer}} {{=<% %>=}} <% literal %> <%={{ }}=%> {{&amp}} }} {{ \n"
            + "</section>\n";
    StringBuilder content = new StringBuilder();
    for (int i = 0; content.length() < 200_000; i++) {
      content.append(block.replace("{{gym_name}}", "{{gym_name}}" + i));
    }
    return content.toString();
  }
}
