package io.pulsereports.core.service;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.pulsereports.core.ConcurrentChangeException;
import io.pulsereports.core.InvalidReportRequestException;
import io.pulsereports.core.NotFoundException;
import io.pulsereports.core.ReportDefinition;
import io.pulsereports.core.port.in.ManageTemplatesUseCase;
import io.pulsereports.core.port.in.TemplateFields;
import io.pulsereports.core.port.out.ReportRenderer;
import io.pulsereports.core.port.out.TemplateRepository;
import io.pulsereports.core.template.ReportTemplate;
import io.pulsereports.core.template.TemplatePage;
import io.pulsereports.core.template.TemplateQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Validates custom templates (the renderer compiles them) and stores them. */
final class TemplateService implements ManageTemplatesUseCase {

  static final int MAX_NAME_LENGTH = 200;
  static final int MAX_DESCRIPTION_LENGTH = 2000;
  static final int MAX_SUBJECT_LENGTH = 300;

  private final ImmutableMap<String, ReportDefinition<?>> catalogue;
  private final ReportRenderer renderer;
  private final TemplateRepository repository;
  private final Clock clock;
  private final Supplier<UUID> ids;

  TemplateService(
      ImmutableMap<String, ReportDefinition<?>> catalogue,
      ReportRenderer renderer,
      TemplateRepository repository,
      Clock clock,
      Supplier<UUID> ids) {
    this.catalogue = requireNonNull(catalogue, "catalogue");
    this.renderer = requireNonNull(renderer, "renderer");
    this.repository = requireNonNull(repository, "repository");
    this.clock = requireNonNull(clock, "clock");
    this.ids = requireNonNull(ids, "ids");
  }

  @Override
  public ReportTemplate createTemplate(TemplateFields fields) {
    Instant now = clock.instant();
    ReportTemplate template = validated(fields, ids.get(), now, now);
    repository.insert(template);
    return template;
  }

  @Override
  public ReportTemplate updateTemplate(String templateId, TemplateFields fields) {
    ReportTemplate existing = existing(templateId);
    Instant after = existing.updatedAt().plusMillis(1);
    Instant now = clock.instant().isBefore(after) ? after : clock.instant();
    ReportTemplate updated = validated(fields, existing.id(), existing.createdAt(), now);
    if (!repository.update(existing, updated)) {
      throw new ConcurrentChangeException(
          "template " + existing.id() + " was changed by someone else meanwhile; read it again and retry");
    }
    return updated;
  }

  @Override
  public void removeTemplate(String templateId) {
    UUID id = RequestFields.uuid("template_id", templateId);
    if (!repository.delete(id)) {
      throw new NotFoundException("template_id", "no template " + id);
    }
  }

  @Override
  public Optional<ReportTemplate> findTemplate(String templateId) {
    return repository.find(RequestFields.uuid("template_id", templateId));
  }

  @Override
  public TemplatePage listTemplates(TemplateQuery query) {
    return repository.list(requireNonNull(query, "query"));
  }

  private ReportTemplate existing(String templateId) {
    UUID id = RequestFields.uuid("template_id", templateId);
    return repository.find(id)
        .orElseThrow(() -> new NotFoundException("template_id", "no template " + id));
  }

  private ReportTemplate validated(TemplateFields fields, UUID id, Instant createdAt, Instant now) {
    String name = RequestFields.required("name", fields.name());
    limit("name", name, MAX_NAME_LENGTH);
    Optional<String> description = fields.description().map(String::strip).filter(text -> !text.isEmpty());
    description.ifPresent(text -> limit("description", text, MAX_DESCRIPTION_LENGTH));
    String type = RequestFields.required("report_type", fields.reportType());
    ReportDefinition<?> definition = RequestFields.definition(catalogue, type);
    Optional<UUID> gymId = fields.gymId().map(String::strip).filter(text -> !text.isEmpty())
        .map(text -> RequestFields.uuid("gym_id", text));
    String format = fields.format().map(text -> text.strip().toLowerCase(Locale.ROOT)).orElse("html");
    if (!format.equals("html")) {
      throw new InvalidReportRequestException("format", "'" + format + "' templates are not supported (use html)");
    }
    Optional<String> subject = fields.subject().map(String::strip).filter(text -> !text.isEmpty());
    subject.ifPresent(text -> {
      limit("subject", text, MAX_SUBJECT_LENGTH);
      if (text.chars().anyMatch(Character::isISOControl)) {
        throw new InvalidReportRequestException("subject", "contains a line break or control character");
      }
    });
    String content = fields.content().filter(text -> !text.isBlank())
        .orElseThrow(() -> new InvalidReportRequestException("content", "required"));
    renderer.templateProblem(definition.type(), content).ifPresent(problem -> {
      throw new InvalidReportRequestException("content", problem);
    });
    return new ReportTemplate(id, gymId, name, description, definition.type(), format, subject, content,
        fields.isDefault(), createdAt, now);
  }


  private static void limit(String field, String value, int max) {
    if (value.length() > max) {
      throw new InvalidReportRequestException(field, "longer than " + max + " characters");
    }
  }

}
