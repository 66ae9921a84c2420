package io.pulsereports.persistence.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.pulsereports.core.port.out.TemplateRepository;
import io.pulsereports.core.template.ReportTemplate;
import io.pulsereports.core.template.TemplatePage;
import io.pulsereports.core.template.TemplateQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The custom templates in report_templates (state migrations V1 and V4), in the manner of {@link
 * JdbiSubscriptionRepository}.
 *
 * <p>Updates compare and set on updated_at (the template's version). Deleting a template sets
 * template_id of the subscriptions using it to NULL, on both engines: on PostgreSQL V1's ON DELETE
 * SET NULL does it; on SQLite, whose connections enforce foreign keys only when told to (sqlite-jdbc
 * leaves them off), the adapter does it in the delete's transaction. See the statements in {@code
 * sql/common/template_*.sql} and {@code sql/sqlite/template_unlink_subscriptions.sql}.
 *
 * <p>Failures surface as {@link PersistenceException} naming the operation and the template;
 * their messages never carry bound values (a template's content is the user's).
 */
final class JdbiTemplateRepository implements TemplateRepository {

  private static final String COMMON = "common";

  private final StateStatements statements;
  private final Dialect dialect;
  private final TemplateColumns columns;

  JdbiTemplateRepository(Jdbi jdbi, Dialect dialect) {
    this.statements = new StateStatements(jdbi, dialect);
    this.dialect = requireNonNull(dialect, "dialect");
    this.columns = new TemplateColumns(dialect);
  }

  @Override
  public void insert(ReportTemplate template) {
    requireNonNull(template, "template");
    BoundSql insert =
        new BoundSql(SqlResources.load(COMMON, "template_insert"), columns.row(template));
    statements.call(
        "store template " + template.id(),
        handle -> insert.bindTo(handle.createUpdate(insert.sql())).execute());
  }

  @Override
  public Optional<ReportTemplate> find(UUID id) {
    requireNonNull(id, "id");
    return statements.call(
        "read template " + id,
        handle ->
            handle
                .createQuery(SqlResources.load(COMMON, "template_by_id"))
                .bind("id", columns.uuid(id))
                .map(columns)
                .findOne());
  }

  @Override
  public TemplatePage list(TemplateQuery query) {
    requireNonNull(query, "query");
    Map<String, Object> filterValues = new LinkedHashMap<>();
    String filters = filters(query, filterValues);
    StateStatements.PageRows<ReportTemplate> rows = statements.page(
        "list templates", "template", filters, filterValues, query.limit(), query.offset(), columns);
    return new TemplatePage(rows.items(), rows.total());
  }

  @Override
  public boolean update(ReportTemplate expected, ReportTemplate updated) {
    requireNonNull(expected, "expected");
    requireNonNull(updated, "updated");
    checkArgument(
        expected.id().equals(updated.id()),
        "cannot replace template %s with the state of template %s",
        expected.id(),
        updated.id());
    Map<String, Object> parameters = columns.replaceable(updated);
    parameters.put("id", columns.uuid(expected.id()));
    parameters.put("expectedUpdatedAt", columns.instant(expected.updatedAt()));
    BoundSql update = new BoundSql(SqlResources.load(COMMON, "template_update"), parameters);
    return statements.call(
        "update template " + expected.id(),
        handle -> update.bindTo(handle.createUpdate(update.sql())).execute() == 1);
  }

  @Override
  public boolean delete(UUID id) {
    requireNonNull(id, "id");
    Object key = columns.uuid(id);
    return statements.call(
        "delete template " + id,
        handle ->
            handle.inTransaction(
                transaction -> {
                  boolean deleted =
                      transaction
                              .createUpdate(SqlResources.load(COMMON, "template_delete"))
                              .bind("id", key)
                              .execute()
                          == 1;
                  if (deleted && dialect == Dialect.SQLITE) {
                    BoundSql unlink = unlinkSubscriptionsStatement(id);
                    unlink.bindTo(transaction.createUpdate(unlink.sql())).execute();
                  }
                  return deleted;
                }));
  }

  /**
   * The statement that sets template_id to NULL in the subscriptions of a deleted template, run on
   * SQLite only; visible to the plan checks.
   */
  BoundSql unlinkSubscriptionsStatement(UUID templateId) {
    return new BoundSql(
        SqlResources.load(Dialect.SQLITE.folder(), "template_unlink_subscriptions"),
        Map.of("id", columns.uuid(templateId)));
  }

  /** The WHERE conjunction of {@code query}, putting its values into {@code parameters}. */
  private String filters(TemplateQuery query, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    query.gymIds().ifPresent(gyms -> conditions.add(columns.visibleTo(gyms, parameters)));
    query.reportType().ifPresent(type -> {
      conditions.add("report_type = :reportType");
      parameters.put("reportType", type.name());
    });
    return conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions);
  }
}
