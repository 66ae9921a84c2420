package io.pulsereports.persistence.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Looks tables up through JDBC metadata, in the connection's current schema. */
final class DatabaseTables {

  /** The relation types a SELECT can read from, as PostgreSQL's and SQLite's drivers name them. */
  static final String[] QUERYABLE =
      {"TABLE", "VIEW", "MATERIALIZED VIEW", "FOREIGN TABLE", "PARTITIONED TABLE"};

  private DatabaseTables() {}

  /**
   * Whether a relation named {@code name} (case-insensitively, as unquoted SQL names are) of one of
   * {@code types} ({@code null}: any type, indexes and sequences included) exists in the current
   * schema. Metadata name patterns treat '_' as a wildcard, so the names found are compared
   * exactly.
   */
  static boolean exists(Connection connection, String name, String[] types) throws SQLException {
    try (ResultSet rs =
        connection
            .getMetaData()
            .getTables(connection.getCatalog(), connection.getSchema(), name, types)) {
      while (rs.next()) {
        if (name.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
          return true;
        }
      }
      return false;
    }
  }
}
