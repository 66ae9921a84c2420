package io.pulsereports.core.template;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.ReportType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A custom Mustache template for one report type's HTML, owned by a gym or shared (no gym). Its
 * content was validated by the renderer when it was saved.
 *
 * @param format the output it renders: {@code html}
 * @param subject an email subject to use instead of the built-in one, if any
 * @param isDefault whether it is the gym's default for its report type
 */
public record ReportTemplate(
    UUID id,
    Optional<UUID> gymId,
    String name,
    Optional<String> description,
    ReportType reportType,
    String format,
    Optional<String> subject,
    String content,
    boolean isDefault,
    Instant createdAt,
    Instant updatedAt) {

  public ReportTemplate {
    requireNonNull(id, "id");
    requireNonNull(gymId, "gymId");
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(reportType, "reportType");
    requireNonNull(format, "format");
    requireNonNull(subject, "subject");
    requireNonNull(content, "content");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
  }
}
