package io.pulsereports.core.port.out;

import io.pulsereports.core.template.ReportTemplate;
import io.pulsereports.core.template.TemplatePage;
import io.pulsereports.core.template.TemplateQuery;
import java.util.Optional;
import java.util.UUID;

/** The custom templates (report_templates). */
public interface TemplateRepository {

  void insert(ReportTemplate template);

  Optional<ReportTemplate> find(UUID id);

  TemplatePage list(TemplateQuery query);

  /**
   * Replaces everything but the id and created_at of {@code expected} with {@code updated}'s,
   * only if the stored row's updated_at still equals {@code expected}'s.
   */
  boolean update(ReportTemplate expected, ReportTemplate updated);

  /** Deletes a template (subscriptions using it fall back to the built-in one); false when there was none. */
  boolean delete(UUID id);
}
