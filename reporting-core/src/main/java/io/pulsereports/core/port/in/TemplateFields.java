package io.pulsereports.core.port.in;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.template.ReportTemplate;
import java.util.Optional;
import java.util.UUID;

/**
 * A template as a user writes it (raw text, validated by the use case; field names as in the API:
 * name, description, report_type, gym_id, format, subject, content, is_default).
 *
 * @param format {@code html} (the default when absent)
 */
public record TemplateFields(
    Optional<String> name,
    Optional<String> description,
    Optional<String> reportType,
    Optional<String> gymId,
    Optional<String> format,
    Optional<String> subject,
    Optional<String> content,
    boolean isDefault) {

  public TemplateFields {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(reportType, "reportType");
    requireNonNull(gymId, "gymId");
    requireNonNull(format, "format");
    requireNonNull(subject, "subject");
    requireNonNull(content, "content");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The fields of a stored template, to change some of them and update it. */
  public static Builder from(ReportTemplate template) {
    return new Builder()
        .name(template.name())
        .description(template.description())
        .reportType(template.reportType().name())
        .gymId(template.gymId().map(UUID::toString))
        .format(template.format())
        .subject(template.subject())
        .content(template.content())
        .isDefault(template.isDefault());
  }

  /** Collects the fields; unset ones are absent. */
  public static final class Builder {
    private Optional<String> name = Optional.empty();
    private Optional<String> description = Optional.empty();
    private Optional<String> reportType = Optional.empty();
    private Optional<String> gymId = Optional.empty();
    private Optional<String> format = Optional.empty();
    private Optional<String> subject = Optional.empty();
    private Optional<String> content = Optional.empty();
    private boolean isDefault;

    private Builder() {}

    public Builder name(String value) {
      this.name = Optional.ofNullable(value);
      return this;
    }

    public Builder description(Optional<String> value) {
      this.description = requireNonNull(value, "description");
      return this;
    }

    public Builder reportType(String value) {
      this.reportType = Optional.ofNullable(value);
      return this;
    }

    public Builder gymId(Optional<String> value) {
      this.gymId = requireNonNull(value, "gymId");
      return this;
    }

    public Builder format(String value) {
      this.format = Optional.ofNullable(value);
      return this;
    }

    public Builder subject(Optional<String> value) {
      this.subject = requireNonNull(value, "subject");
      return this;
    }

    public Builder content(String value) {
      this.content = Optional.ofNullable(value);
      return this;
    }

    public Builder isDefault(boolean value) {
      this.isDefault = value;
      return this;
    }

    public TemplateFields build() {
      return new TemplateFields(name, description, reportType, gymId, format, subject, content, isDefault);
    }
  }
}
