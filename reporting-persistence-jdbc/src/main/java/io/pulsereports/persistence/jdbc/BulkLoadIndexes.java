package io.pulsereports.persistence.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Loading millions of rows into empty tables is faster without their secondary indexes: they are
 * dropped first and built once at the end, in the same transaction, from their own definitions
 * (primary keys and constraint indexes stay). Tables that already hold rows keep their indexes.
 */
final class BulkLoadIndexes {

  private final Handle handle;
  private final List<String> definitions;

  private BulkLoadIndexes(Handle handle, List<String> definitions) {
    this.handle = handle;
    this.definitions = definitions;
  }

  /** Drops the secondary indexes of {@code tables} when every one of them is empty. */
  static BulkLoadIndexes dropWhenEmpty(Handle handle, Dialect dialect, List<String> tables) {
    for (String table : tables) {
      if (handle.createQuery("SELECT 1 FROM " + table + " LIMIT 1").mapTo(Integer.class).findFirst().isPresent()) {
        return new BulkLoadIndexes(handle, List.of());
      }
    }
    List<String> definitions = new ArrayList<>();
    for (String table : tables) {
      String query = dialect == Dialect.POSTGRESQL
          ? "SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i"
              + " WHERE i.schemaname = current_schema() AND i.tablename = :table"
              + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"
          : "SELECT name, sql AS definition FROM sqlite_master"
              + " WHERE type = 'index' AND tbl_name = :table AND sql IS NOT NULL";
      for (var index : handle.createQuery(query).bind("table", table).mapToMap().list()) {
        definitions.add(String.valueOf(index.get("definition")));
        handle.execute("DROP INDEX " + index.get("name"));
      }
    }
    return new BulkLoadIndexes(handle, definitions);
  }

  /** Builds the dropped indexes again. */
  void recreate() {
    definitions.forEach(handle::execute);
  }
}
