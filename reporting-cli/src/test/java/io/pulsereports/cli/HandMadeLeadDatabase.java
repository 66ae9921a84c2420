package io.pulsereports.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A user's own database, made by hand: only the SPEC section 1 lead tables, no indexes, no
 * Pulse Reports tables. Rows are around the spring-forward day 2026-03-08 in America/New_York,
 * whose local day is [05:00Z, 04:00Z next day), 23 hours. Timestamps are UTC; SQLite gets the
 * mixed text forms real data has.
 */
final class HandMadeLeadDatabase {

  static final String GYM = "11111111-1111-4111-8111-111111111111";
  static final String OTHER_GYM = "22222222-2222-4222-8222-222222222222";
  static final String BRANCH = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
  static final String OTHER_BRANCH = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
  static final String U1 = "0000000a-0000-4000-8000-000000000001";
  static final String U2 = "0000000a-0000-4000-8000-000000000002";
  static final String U3 = "0000000a-0000-4000-8000-000000000003";

  private HandMadeLeadDatabase() {}

  static void create(String jdbcUrl) throws SQLException {
    boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
    String id = postgres ? "uuid" : "TEXT";
    String instant = postgres ? "timestamptz" : "TEXT";
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        Statement sql = connection.createStatement()) {
      sql.execute("CREATE TABLE leads (id " + id + " PRIMARY KEY, branch_id " + id + ", gym_id " + id
          + ", first_name TEXT, last_name TEXT, phone TEXT, email TEXT, lead_status TEXT, created_at " + instant
          + ", updated_at " + instant + ")");
      sql.execute("CREATE TABLE call_logs (id " + id + " PRIMARY KEY, lead_id " + id + ", branch_id " + id
          + ", gym_id " + id + ", user_id " + id + ", direction TEXT, status TEXT, outcome TEXT, duration INTEGER, created_at "
          + instant + ", notes TEXT)");
      // id, branch, gym, status, created_at, updated_at
      lead(sql, postgres, 1, BRANCH, GYM, "new", "2026-03-08 05:00:00", "2026-03-08 05:00:00"); // at the start: in
      lead(sql, postgres, 2, BRANCH, GYM, "converted", "2026-03-08T12:30:00", "2026-03-08 13:00:00");
      lead(sql, postgres, 3, BRANCH, GYM, "contacted", "2026-03-09 03:59:59.500", "2026-03-09 03:59:59.500"); // 23:59:59 EDT
      lead(sql, postgres, 4, BRANCH, GYM, "converted", "2026-03-01 15:00:00", "2026-03-08T20:00:00"); // converted today, created last week
      lead(sql, postgres, 5, BRANCH, GYM, "lost", "2026-03-09 04:00:00", "2026-03-09 04:00:00"); // at the end: out
      lead(sql, postgres, 6, OTHER_BRANCH, GYM, "new", "2026-03-08 15:00:00", "2026-03-08 15:00:00");
      lead(sql, postgres, 7, BRANCH, OTHER_GYM, "converted", "2026-03-08 15:00:00", "2026-03-08 15:00:00");
      lead(sql, postgres, 8, BRANCH, GYM, "trial", "2026-03-08 06:59:59", "2026-03-08 06:59:59"); // 01:59:59 EST
      // id, branch, gym, user, status, outcome, duration, created_at
      call(sql, postgres, 1, BRANCH, GYM, U1, "completed", "interested", 120, "2026-03-08 05:00:00"); // hour 0
      call(sql, postgres, 2, BRANCH, GYM, U1, "completed", null, null, "2026-03-08 06:30:00"); // hour 1
      call(sql, postgres, 3, BRANCH, GYM, U2, "completed", "interested", 60, "2026-03-08T07:00:00"); // 03:00 EDT
      call(sql, postgres, 4, BRANCH, GYM, U2, "missed", null, null, "2026-03-08 07:15:00.250"); // hour 3
      call(sql, postgres, 5, BRANCH, GYM, null, "completed", "interested", 30, "2026-03-08 18:00:00"); // hour 14
      call(sql, postgres, 6, BRANCH, GYM, U1, "completed", "callback", 90, "2026-03-08T18:10:00");
      call(sql, postgres, 7, BRANCH, GYM, U2, "voicemail", null, null, "2026-03-08 18:20:00");
      call(sql, postgres, 8, BRANCH, GYM, U1, "failed", null, 0, "2026-03-09 03:59:59"); // hour 23
      call(sql, postgres, 9, BRANCH, GYM, U1, "completed", "interested", 10, "2026-03-09 04:00:00"); // at the end: out
      call(sql, postgres, 10, BRANCH, GYM, U1, "missed", null, null, "2026-03-08 04:59:59"); // 2026-03-07 23:59:59 EST
      call(sql, postgres, 11, OTHER_BRANCH, GYM, U3, "completed", "interested", 50, "2026-03-08 18:00:00");
      call(sql, postgres, 12, BRANCH, OTHER_GYM, U1, "completed", "interested", 50, "2026-03-08 18:00:00");
      call(sql, postgres, 13, BRANCH, GYM, U2, "completed", "not_interested", 45, "2026-03-08 18:30:00");
      call(sql, postgres, 14, BRANCH, GYM, U2, "completed", "interested", null, "2026-03-08 18:40:00");
    }
  }

  private static void lead(Statement sql, boolean postgres, int n, String branch, String gym, String status, String created, String updated)
      throws SQLException {
    sql.execute(String.format(
        "INSERT INTO leads VALUES ('%s', '%s', '%s', 'First%d', 'Last%d', '+1-555-000%d', 'lead%d@example.com', '%s', %s, %s)",
        uuid(1, n), branch, gym, n, n, n, n, status, instant(postgres, created), instant(postgres, updated)));
  }

  private static void call(Statement sql, boolean postgres, int n, String branch, String gym, String user, String status,
      String outcome, Integer duration, String created) throws SQLException {
    sql.execute(String.format(
        "INSERT INTO call_logs VALUES ('%s', '%s', '%s', '%s', %s, 'outbound', '%s', %s, %s, %s, NULL)",
        uuid(2, n), uuid(1, 1), branch, gym, user == null ? "NULL" : "'" + user + "'", status,
        outcome == null ? "NULL" : "'" + outcome + "'", duration == null ? "NULL" : duration, instant(postgres, created)));
  }

  private static String uuid(int kind, int n) {
    return String.format("%08d-0000-4000-8000-%012d", kind, n);
  }

  /** PostgreSQL reads the same UTC text with an explicit offset, whatever the session zone. */
  private static String instant(boolean postgres, String utc) {
    return postgres ? "'" + utc.replace('T', ' ') + "+00'" : "'" + utc + "'";
  }
}
