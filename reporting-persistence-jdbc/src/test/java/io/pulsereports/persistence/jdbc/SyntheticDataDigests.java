package io.pulsereports.persistence.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** SHA-256 of a table's rows as text, in a given order, to pin what a generator writes. */
final class SyntheticDataDigests {

  private SyntheticDataDigests() {}

  /** Instants as ISO UTC text, so that the digest does not depend on the JVM's zone. */
  private static String text(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant().toString();
    }
    return String.valueOf(value);
  }

  static String digest(JdbcPersistence persistence, String table, String orderBy) {
    List<Map<String, Object>> rows =
        ReadTransactions.inOneSnapshot(
            persistence.jdbi(),
            persistence.dialect(),
            h -> h.createQuery("SELECT * FROM " + table + " ORDER BY " + orderBy).mapToMap().list());
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map<String, Object> row : rows) {
        StringBuilder line = new StringBuilder();
        row.forEach((column, value) -> line.append(column).append('=').append(text(value)).append(';'));
        sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return rows.size() + ":" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
