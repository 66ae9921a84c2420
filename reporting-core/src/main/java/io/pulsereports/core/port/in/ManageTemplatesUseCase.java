package io.pulsereports.core.port.in;

import io.pulsereports.core.template.ReportTemplate;
import io.pulsereports.core.template.TemplatePage;
import io.pulsereports.core.template.TemplateQuery;
import java.util.Optional;

/**
 * Saves, reads and removes custom templates. Saving validates the whole template first — the
 * renderer compiles it under the rules every template follows (built-in partials only, values
 * escaped) — and stores nothing when a field is bad. Errors are {@link
 * io.pulsereports.core.InvalidReportRequestException}s naming the field ({@code content} with the
 * line of a template error, {@code template_id} for an id that is malformed or unknown).
 */
public interface ManageTemplatesUseCase {

  ReportTemplate createTemplate(TemplateFields fields);

  ReportTemplate updateTemplate(String templateId, TemplateFields fields);

  void removeTemplate(String templateId);

  Optional<ReportTemplate> findTemplate(String templateId);

  TemplatePage listTemplates(TemplateQuery query);
}
