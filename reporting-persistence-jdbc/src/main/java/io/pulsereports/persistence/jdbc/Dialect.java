package io.pulsereports.persistence.jdbc;

import java.util.UUID;

/** The SQL dialects this module supports; names the resource folders of each. */
enum Dialect {
  SQLITE("sqlite"),
  POSTGRESQL("postgresql");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /** The resource folder name used for this dialect's SQL and migrations. */
  String folder() {
    return folder;
  }

  /**
   * How a UUID identifier is bound: a {@link UUID} for PostgreSQL's uuid columns, the lower-case
   * canonical text for SQLite's TEXT columns.
   */
  Object uuidParameter(UUID id) {
    return this == POSTGRESQL ? id : id.toString();
  }
}
