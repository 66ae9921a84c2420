package io.pulsereports.persistence.jdbc;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Rows of one table buffered by a synthetic data writer, written in bulk: one batched prepared
 * INSERT on SQLite, one COPY on PostgreSQL. Values are Java objects: UUIDs and instants are
 * written as each engine stores them (SQLite: text, instants as ISO UTC text, one in ten in the
 * 'T' form with milliseconds as real data may mix them).
 */
final class SyntheticRows {

  private static final DateTimeFormatter SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter T_FORM =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

  private final String table;
  private final String columns;
  private final List<Object[]> rows = new ArrayList<>();

  SyntheticRows(String table, String columns) {
    this.table = table;
    this.columns = columns;
  }

  void add(Object... row) {
    rows.add(row);
  }

  int size() {
    return rows.size();
  }

  /** Writes and forgets the buffered rows; returns how many were written. */
  int flush(Connection connection, Dialect dialect) throws SQLException {
    int written = rows.size();
    if (written > 0) {
      if (dialect == Dialect.POSTGRESQL) {
        copy(connection);
      } else {
        insert(connection);
      }
      rows.clear();
    }
    return written;
  }

  private void insert(Connection connection) throws SQLException {
    int width = rows.get(0).length;
    String sql =
        "INSERT INTO " + table + " (" + columns + ") VALUES (" + "?, ".repeat(width - 1) + "?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (Object[] row : rows) {
        for (int i = 0; i < width; i++) {
          insert.setObject(i + 1, sqliteValue(row[i]));
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static Object sqliteValue(Object value) {
    if (value instanceof UUID id) {
      return id.toString();
    }
    if (value instanceof Instant instant) {
      LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
      return (instant.getEpochSecond() % 10 == 0 ? T_FORM : SPACE).format(utc);
    }
    return value;
  }

  private void copy(Connection connection) throws SQLException {
    StringBuilder csv = new StringBuilder(rows.size() * 160);
    for (Object[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          csv.append(',');
        }
        Object value = row[i];
        if (value instanceof Instant instant) {
          csv.append(instant.toString());
        } else if (value instanceof String text) {
          csv.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else if (value != null) {
          csv.append(value);
        }
      }
      csv.append('\n');
    }
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    try {
      copy.copyIn(
          "COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)",
          new StringReader(csv.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY into " + table + " failed", e);
    }
  }
}
