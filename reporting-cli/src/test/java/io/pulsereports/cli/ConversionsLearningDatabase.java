package io.pulsereports.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A coaching app's own database, made by hand for the conversions command: users,
 * coaching_sessions, detected_errors and (unless asked otherwise) conversion_triggers without any
 * key or index. D is 2026-03-10 in UTC; the CLI's clock says 2026-03-11 12:00 UTC.
 *
 * <ul>
 *   <li>anna (free, anna@example.com): 4 sessions in a row above 8.0, mean 9.0
 *   <li>bo (free, bo@example.com): 3 in a row, mean 8.6; a 5.0 before them
 *   <li>cy (free, no email): 3 in a row of 9.9
 *   <li>dee (student): a streak, but not free
 *   <li>eve (free): a streak, but offered on 2026-02-20 (within the cooldown)
 *   <li>fay (free): scores too low
 * </ul>
 */
final class ConversionsLearningDatabase {

  static final String D = "2026-03-10";

  private ConversionsLearningDatabase() {}

  static void create(String url, boolean withConversionTriggers) throws SQLException {
    boolean postgres = url.startsWith("jdbc:postgresql:");
    String instant = postgres ? "timestamptz" : "TEXT";
    try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
      sql.execute("CREATE TABLE users (user_id TEXT, email TEXT, role TEXT, english_level TEXT, created_at "
          + instant + ", last_active " + instant + ")");
      sql.execute("CREATE TABLE coaching_sessions (session_id TEXT, user_id TEXT, session_topic TEXT, user_level TEXT,"
          + " started_at " + instant + ", ended_at " + instant + ", duration_seconds INTEGER,"
          + " confidence_score " + (postgres ? "double precision" : "REAL") + ", message_count INTEGER,"
          + " error_count INTEGER, phase TEXT)");
      sql.execute("CREATE TABLE detected_errors (error_id TEXT, session_id TEXT, user_id TEXT, error_type TEXT,"
          + " error_category TEXT, error_text TEXT, severity TEXT, detected_at " + instant + ")");
      if (withConversionTriggers) {
        sql.execute("CREATE TABLE conversion_triggers (trigger_id TEXT, user_id TEXT, trigger_type TEXT,"
            + " conditions_met " + (postgres ? "jsonb" : "TEXT") + ", confidence_scores " + (postgres ? "jsonb" : "TEXT")
            + ", triggered_at " + instant + ", offer_sent " + (postgres ? "boolean" : "BOOLEAN")
            + ", offer_accepted " + (postgres ? "boolean" : "BOOLEAN") + ")");
        sql.execute("INSERT INTO conversion_triggers (trigger_id, user_id, trigger_type, triggered_at, offer_sent)"
            + " VALUES ('app-eve', 'eve', 'executive_offer', " + literal(postgres, "2026-02-20 09:00:00") + ", "
            + (postgres ? "true" : "1") + ")");
      }
      user(sql, "anna", "anna@example.com", "free");
      user(sql, "bo", "bo@example.com", "free");
      user(sql, "cy", null, "free");
      user(sql, "dee", "dee@example.com", "student");
      user(sql, "eve", "eve@example.com", "free");
      user(sql, "fay", "fay@example.com", "free");
    }
    session(url, "a1", "anna", "2026-03-10 09:00:00", 9.5);
    session(url, "a2", "anna", "2026-03-09T09:00:00", 9.0);
    session(url, "a3", "anna", "2026-03-08 09:00:00", 8.5);
    session(url, "a4", "anna", "2026-03-07 09:00:00", 9.0);
    session(url, "b1", "bo", "2026-03-10 10:00:00", 9.0);
    session(url, "b2", "bo", "2026-03-09 10:00:00", 8.6);
    session(url, "b3", "bo", "2026-03-08 10:00:00", 8.2);
    session(url, "b4", "bo", "2026-03-07 10:00:00", 5.0);
    session(url, "c1", "cy", "2026-03-10 11:00:00", 9.9);
    session(url, "c2", "cy", "2026-03-09 11:00:00", 9.9);
    session(url, "c3", "cy", "2026-03-08 11:00:00", 9.9);
    session(url, "d1", "dee", "2026-03-10 09:00:00", 9.9);
    session(url, "d2", "dee", "2026-03-09 09:00:00", 9.9);
    session(url, "d3", "dee", "2026-03-08 09:00:00", 9.9);
    session(url, "e1", "eve", "2026-03-10 09:00:00", 9.9);
    session(url, "e2", "eve", "2026-03-09 09:00:00", 9.9);
    session(url, "e3", "eve", "2026-03-08 09:00:00", 9.9);
    session(url, "f1", "fay", "2026-03-10 09:00:00", 7.0);
    session(url, "f2", "fay", "2026-03-09 09:00:00", 9.0);
    session(url, "f3", "fay", "2026-03-08 09:00:00", 9.0);
  }

  /** A user added later. */
  static void user(String url, String id, String email, String role) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
      user(sql, id, email, role);
    }
  }

  private static void user(Statement sql, String id, String email, String role) throws SQLException {
    sql.execute("INSERT INTO users (user_id, email, role, english_level) VALUES ('" + id + "', "
        + (email == null ? "NULL" : "'" + email + "'") + ", '" + role + "', 'B2')");
  }

  /** A session of {@code user}; {@code startedAt} is UTC. */
  static void session(String url, String id, String user, String startedAt, double score) throws SQLException {
    boolean postgres = url.startsWith("jdbc:postgresql:");
    try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
      sql.execute("INSERT INTO coaching_sessions (session_id, user_id, started_at, confidence_score, error_count)"
          + " VALUES ('" + id + "', '" + user + "', " + literal(postgres, startedAt) + ", " + score + ", 1)");
    }
  }

  private static String literal(boolean postgres, String utc) {
    return postgres ? "'" + utc.replace('T', ' ') + "+00'" : "'" + utc + "'";
  }

  /** A conversion_triggers row as stored. */
  record Trigger(String triggerId, String userId, String type, String conditions, String scores, Instant triggeredAt,
      boolean sent) {}

  static List<Trigger> triggers(String url) throws SQLException {
    boolean postgres = url.startsWith("jdbc:postgresql:");
    List<Trigger> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement query = connection.prepareStatement(
            "SELECT trigger_id, user_id, trigger_type, CAST(conditions_met AS TEXT) AS conditions,"
                + " CAST(confidence_scores AS TEXT) AS scores, "
                + (postgres ? "CAST(EXTRACT(EPOCH FROM triggered_at) AS bigint)" : "CAST(strftime('%s', triggered_at) AS INTEGER)")
                + " AS epoch, lower(CAST(offer_sent AS TEXT)) IN ('1', 't', 'true') AS sent"
                + " FROM conversion_triggers ORDER BY user_id");
        ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        rows.add(new Trigger(rs.getString("trigger_id"), rs.getString("user_id"), rs.getString("trigger_type"),
            rs.getString("conditions"), rs.getString("scores"), Instant.ofEpochSecond(rs.getLong("epoch")),
            rs.getBoolean("sent")));
      }
    }
    return rows;
  }

  static boolean hasConversionTriggers(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        ResultSet rs = connection.getMetaData().getTables(null, null, "%", null)) {
      while (rs.next()) {
        if ("conversion_triggers".equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
          return true;
        }
      }
      return false;
    }
  }

}
