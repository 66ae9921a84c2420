package io.pulsereports.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.template.ReportTemplate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * How a {@link ReportTemplate} is written to and read from a report_templates row (state
 * migrations V1 and V4) on one dialect: the values as {@link StateColumns} binds and reads them
 * (instants to the microsecond, fixed-width UTC text on SQLite; uuid or lower-case text ids), the
 * report type by its name, and the format, name, description, subject and content as the text
 * they are (NULL for an absent description or subject, and for a shared template's gym).
 */
final class TemplateColumns implements RowMapper<ReportTemplate> {

  private final StateColumns values;

  TemplateColumns(Dialect dialect) {
    this.values = new StateColumns(requireNonNull(dialect, "dialect"));
  }

  /** Every column of the row, named as in template_insert.sql. */
  Map<String, Object> row(ReportTemplate template) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", uuid(template.id()));
    row.put("createdAt", instant(template.createdAt()));
    row.putAll(replaceable(template));
    return row;
  }

  /** The columns an update replaces: all but id and created_at (named as in template_update.sql). */
  Map<String, Object> replaceable(ReportTemplate template) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("gymId", template.gymId().map(this::uuid).orElse(null));
    row.put("name", template.name());
    row.put("description", template.description().orElse(null));
    row.put("reportType", template.reportType().name());
    row.put("format", template.format());
    row.put("subject", template.subject().orElse(null));
    row.put("content", template.content());
    row.put("isDefault", template.isDefault());
    row.put("updatedAt", instant(template.updatedAt()));
    return row;
  }

  Object uuid(UUID value) {
    return values.uuid(value);
  }

  /** An instant as bound, to the microsecond. */
  Object instant(Instant value) {
    return values.instant(value);
  }

  /**
   * The condition that a template is visible to a caller of {@code gyms}: one of theirs (see
   * {@link StateColumns#gymIn}) or a shared one (no gym). A caller of no gym sees the shared ones.
   */
  String visibleTo(Set<UUID> gyms, Map<String, Object> parameters) {
    return values.gymIn(gyms, true, parameters);
  }

  @Override
  public ReportTemplate map(ResultSet rs, StatementContext ctx) throws SQLException {
    UUID id = values.readUuid(rs, "id");
    try {
      return new ReportTemplate(
          id,
          Optional.ofNullable(values.readUuid(rs, "gym_id")),
          rs.getString("name"),
          Optional.ofNullable(rs.getString("description")),
          new ReportType(rs.getString("report_type")),
          rs.getString("format"),
          Optional.ofNullable(rs.getString("subject")),
          rs.getString("content"),
          rs.getBoolean("is_default"),
          values.readInstant(rs, "created_at"),
          values.readInstant(rs, "updated_at"));
    } catch (RuntimeException e) {
      // The message names the template and the failure, never the content.
      throw new PersistenceException(
          "Template " + id + " in report_templates cannot be read: " + e.getMessage(), e);
    }
  }
}
