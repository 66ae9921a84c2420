package io.pulsereports.persistence.jdbc;

import static java.util.Objects.requireNonNull;

/**
 * A table a feature needs is not in the database. Pulse Reports never creates or alters a user's
 * tables: {@link #table()} must be created by its owner, as {@link #ddlResource()} (a class-path
 * resource of this module, the demo schema) shows.
 */
public class MissingTableException extends PersistenceException {

  private static final long serialVersionUID = 1L;

  private final String table;
  private final String ddlResource;

  MissingTableException(String table, String ddlResource, String database) {
    super("The " + database + " has no " + table + " table. Pulse Reports never creates or alters"
        + " your tables: create it as the demo schema does (CREATE TABLE " + table + " in "
        + ddlResource + " of reporting-persistence-jdbc)");
    this.table = requireNonNull(table, "table");
    this.ddlResource = requireNonNull(ddlResource, "ddlResource");
  }

  public String table() {
    return table;
  }

  /** The class-path resource with the demo schema's CREATE TABLE statement for {@link #table()}. */
  public String ddlResource() {
    return ddlResource;
  }
}
