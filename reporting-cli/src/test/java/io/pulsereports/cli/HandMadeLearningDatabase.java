package io.pulsereports.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;

/**
 * A coaching app's own database, made by hand: only the SPEC section 1 learning tables (users,
 * coaching_sessions, detected_errors and, optionally, conversion_triggers), plain CREATE TABLE,
 * no keys, no indexes, no Pulse Reports tables. Ids are TEXT; instants are ISO text on SQLite
 * (mixing {@code YYYY-MM-DD HH:MM:SS}, the {@code T} separator and fractions, as real data does)
 * and timestamptz on PostgreSQL (or plain timestamp holding UTC, on request); confidence_score
 * is REAL (4 bytes on PostgreSQL).
 *
 * <p>The rows are built around D = 2026-03-08 in America/New_York, the spring-forward day: D is
 * [2026-03-08T05:00Z, 2026-03-09T04:00Z), 23 hours. The windows, all ending at 2026-03-09T04:00Z:
 *
 * <pre>
 *   engagement  7 days  [D-6  = 2026-03-02 00:00 EST = 2026-03-02T05:00Z, ...)
 *   conversion 14 days  [D-13 = 2026-02-23 00:00 EST = 2026-02-23T05:00Z, ...)
 *   mistakes,
 *   offer cooldown,
 *   inactivity 30 days  [D-29 = 2026-02-07 00:00 EST = 2026-02-07T05:00Z, ...)
 * </pre>
 *
 * In UTC the same windows are [2026-03-02T00:00Z, 2026-03-09T00:00Z), [2026-02-23T00:00Z, …) and
 * [2026-02-07T00:00Z, …): several rows sit between the two sets of edges on purpose. Every figure
 * the tests expect is worked out from these rows by hand in {@link LearningGenerateCommandContract}.
 * All scores are multiples of 0.25, so every sum is exact in binary floating point and only the
 * final division rounds.
 */
final class HandMadeLearningDatabase {

  /** The pieces of the schema a test database gets. */
  enum Content {
    /** Every table and every row below. */
    FULL,
    /** The same rows, but no conversion_triggers table at all (SPEC: "used where a feature needs them"). */
    WITHOUT_CONVERSION_TRIGGERS,
    /** All four tables, no rows. */
    EMPTY,
    /**
     * Other rows: a user without a role, errors without a type, a category or a text, and 102
     * users inactive since January (see {@link #oddities}).
     */
    ODDITIES
  }

  /** Users whose ids or emails must not appear in an anonymised export. */
  static final String[] USER_IDS = {
    "stu-1", "stu-2", "stu-3", "coach-1", "trial-1", "super-1", "free-anna", "Free-Zed", "free-ivy", "free-cara",
    "free-hal", "free-gus", "free-bob", "free-dan", "free-eve", "free-jon", "old-amy", "old-kim", "Old-Zoe", "old-abe",
    "edge-eli", "late-lou", "nobody"
  };

  private HandMadeLearningDatabase() {}

  static void create(String jdbcUrl) throws SQLException {
    create(jdbcUrl, Content.FULL);
  }

  static void create(String jdbcUrl, Content content) throws SQLException {
    create(jdbcUrl, content, false);
  }

  /**
   * @param plainTimestamps on PostgreSQL, {@code timestamp} (without time zone) columns holding UTC,
   *     which SPEC section 1 says are read as UTC whatever the session's zone
   */
  static void create(String jdbcUrl, Content content, boolean plainTimestamps) throws SQLException {
    boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
    String instant = postgres ? plainTimestamps ? "timestamp" : "timestamptz" : "TEXT";
    String json = postgres ? "jsonb" : "TEXT";
    String bool = postgres ? "boolean" : "INTEGER";
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        Statement sql = connection.createStatement()) {
      sql.execute("CREATE TABLE users (user_id TEXT, email TEXT, role TEXT, english_level TEXT, created_at " + instant
          + ", last_active " + instant + ")");
      sql.execute("CREATE TABLE coaching_sessions (session_id TEXT, user_id TEXT, session_topic TEXT, user_level TEXT, started_at "
          + instant + ", ended_at " + instant + ", duration_seconds INTEGER, confidence_score REAL, message_count INTEGER,"
          + " error_count INTEGER, phase TEXT)");
      sql.execute("CREATE TABLE detected_errors (error_id TEXT, session_id TEXT, user_id TEXT, error_type TEXT,"
          + " error_category TEXT, error_text TEXT, severity TEXT, detected_at " + instant + ")");
      if (content != Content.WITHOUT_CONVERSION_TRIGGERS) {
        sql.execute("CREATE TABLE conversion_triggers (trigger_id TEXT, user_id TEXT, trigger_type TEXT, conditions_met " + json
            + ", confidence_scores " + json + ", triggered_at " + instant + ", offer_sent " + bool + ", offer_accepted " + bool + ")");
      }
      if (content == Content.EMPTY) {
        return;
      }
      Rows rows = new Rows(sql, postgres, plainTimestamps ? "" : "+00");
      if (content == Content.ODDITIES) {
        oddities(rows);
        return;
      }
      users(rows);
      engagementSessions(rows);
      conversionSessions(rows);
      inactivitySessions(rows);
      errors(rows);
      if (content == Content.FULL) {
        triggers(rows);
      }
    }
  }

  private static void users(Rows rows) throws SQLException {
    // user_id, email, role, english_level
    rows.user("stu-1", "stu1@example.com", "student", "B2");
    rows.user("stu-2", "stu2@example.com", "student", "C1");
    rows.user("stu-3", "stu3@example.com", "student", "C2");
    rows.user("coach-1", "coach1@example.com", "coach", "C2");
    rows.user("trial-1", "trial1@example.com", "trial", "B1"); // an undocumented role
    rows.user("super-1", "super1@example.com", "superuser", "C2");
    rows.user("free-anna", "anna@example.com", "free", "B1");
    rows.user("Free-Zed", "zed@example.com", "free", null); // 'F' (U+0046) sorts before 'f' (U+0066)
    rows.user("free-ivy", "ivy@example.com", "free", "B2");
    rows.user("free-cara", "cara@example.com", "free", "C1");
    rows.user("free-hal", "hal@example.com", "free", "B2");
    rows.user("free-gus", "gus@example.com", "free", "B1");
    rows.user("free-bob", "bob@example.com", "free", "B1");
    rows.user("free-dan", "dan@example.com", "free", "B2");
    rows.user("free-eve", "eve@example.com", "free", "C1");
    rows.user("free-jon", "jon@example.com", "free", "B2");
    rows.user("old-amy", "amy@example.com", "coach", "C1");
    rows.user("old-kim", "kim@example.com", "student", "B2");
    rows.user("Old-Zoe", "zoe@example.com", "free", "B1");
    rows.user("old-abe", null, "student", "B1"); // no email
    rows.user("edge-eli", "eli@example.com", "student", "B1");
    rows.user("late-lou", "lou@example.com", "free", "B1");
    rows.user("nobody", "nobody@example.com", "student", "B1"); // never had a session
    // 'ghost' has sessions and errors but no users row.
  }

  /** Students, coach, trial, superuser and a ghost around the engagement window's edges. */
  private static void engagementSessions(Rows rows) throws SQLException {
    // session_id, user_id, started_at (UTC), confidence_score, error_count
    rows.session("s01", "stu-1", "2026-03-02 05:00:00", 7.0, 4); // 03-02 00:00 EST: the window's first instant, in
    rows.session("s02", "stu-1", "2026-03-02T04:59:59", 1.0, 100); // 03-01 23:59:59 EST: out (in for UTC)
    rows.session("s03", "stu-1", "2026-03-09 04:00:00", 1.0, 100); // D+1 00:00 EDT: out
    rows.session("s04", "stu-2", "2026-03-09T03:59:59.999", null, 2); // D 23:59:59.999 EDT: in (out for UTC)
    rows.session("s05", "stu-2", "2026-03-05 12:00:00.5", 9.0, null); // no error_count
    rows.session("s06", "stu-1", "2026-03-01 04:59:59", 1.0, 100); // 02-28 23:59:59 EST: out everywhere
    rows.session("s07", "stu-1", "2026-03-01T05:00:00", 1.0, 100); // 03-01 00:00 EST, still a day early: out
    rows.session("s10", "coach-1", "2026-03-08 05:00:00", 6.5, 1); // D 00:00 EST
    rows.session("s11", "coach-1", "2026-03-08T06:59:59", 8.5, 3); // D 01:59:59 EST
    rows.session("s12", "coach-1", "2026-03-08 07:00:00", 7.0, 2); // D 03:00 EDT
    rows.session("s20", "trial-1", "2026-03-04 15:00:00", 5.0, 0);
    rows.session("s30", "super-1", "2026-03-02 04:00:00", 9.0, 1); // 03-01 23:00 EST: out (in for UTC)
    rows.session("s40", "ghost", "2026-03-05 10:00:00", 10.0, 10); // no users row: counted nowhere
    rows.session("s41", "ghost", "2026-01-01 10:00:00", 10.0, 10);
  }

  /** Free users (and one student) around the conversion rule. */
  private static void conversionSessions(Rows rows) throws SQLException {
    // anna: newest first 9.0, 8.5, 9.5 then 5.0: a run of exactly 3 > 8.0.
    rows.session("c-anna-5", "free-anna", "2026-03-09 04:00:00", 2.0, 9); // D+1 00:00 EDT: outside every window
    rows.session("c-anna-1", "free-anna", "2026-03-07 14:00:00", 9.0, 1);
    rows.session("c-anna-2", "free-anna", "2026-03-05T14:00:00", 8.5, 2);
    rows.session("c-anna-3", "free-anna", "2026-03-03 14:00:00.000", 9.5, 0);
    rows.session("c-anna-4", "free-anna", "2026-02-28 14:00:00", 5.0, 6);
    // Free-Zed: 9.25, 8.75, 9.0: avg 9.0 like anna, 3 sessions like anna.
    rows.session("c-zed-1", "Free-Zed", "2026-02-27 10:00:00", 9.25, 1);
    rows.session("c-zed-2", "Free-Zed", "2026-02-26T10:00:00", 8.75, 1);
    rows.session("c-zed-3", "Free-Zed", "2026-02-25 10:00:00", 9.0, 1);
    // ivy: four 9.0 in the window (the 3.0 is older than the window); an offer sent just before the cooldown window.
    rows.session("c-ivy-1", "free-ivy", "2026-03-01 10:00:00", 9.0, 0);
    rows.session("c-ivy-2", "free-ivy", "2026-02-28 10:00:00", 9.0, 0);
    rows.session("c-ivy-3", "free-ivy", "2026-02-27 10:00:00", 9.0, 0);
    rows.session("c-ivy-4", "free-ivy", "2026-02-26 10:00:00", 9.0, 0);
    rows.session("c-ivy-5", "free-ivy", "2026-02-20 10:00:00", 3.0, 0);
    // cara: 9.0, NULL (ignored), 8.25, 8.75, then 4.0.
    rows.session("c-cara-1", "free-cara", "2026-03-06 09:00:00", 9.0, 2);
    rows.session("c-cara-2", "free-cara", "2026-03-05 09:00:00", null, null);
    rows.session("c-cara-3", "free-cara", "2026-03-04T09:00:00", 8.25, 1);
    rows.session("c-cara-4", "free-cara", "2026-02-27 09:00:00", 8.75, 0);
    rows.session("c-cara-5", "free-cara", "2026-02-24 09:00:00", 4.0, 5);
    // hal: 8.5 x3 then 3.0 exactly at the conversion window's start; an offer_sent = false trigger.
    rows.session("c-hal-1", "free-hal", "2026-03-02 05:00:00", 8.5, 0); // engagement window start: in
    rows.session("c-hal-2", "free-hal", "2026-03-01 05:00:00", 8.5, 0);
    rows.session("c-hal-3", "free-hal", "2026-03-01T04:59:59", 8.5, 0);
    rows.session("c-hal-4", "free-hal", "2026-02-23 05:00:00", 3.0, 0); // 02-23 00:00 EST: in
    // gus: 9.5 x3, but an offer was sent 10 days before D.
    rows.session("c-gus-1", "free-gus", "2026-02-28 12:00:00", 9.5, 0);
    rows.session("c-gus-2", "free-gus", "2026-02-27 12:00:00", 9.5, 0);
    rows.session("c-gus-3", "free-gus", "2026-02-26 12:00:00", 9.5, 0);
    // bob: 9.0, 9.0, then exactly 8.0 ends the run at 2.
    rows.session("c-bob-1", "free-bob", "2026-03-06 18:00:00", 9.0, 1);
    rows.session("c-bob-2", "free-bob", "2026-03-04 18:00:00", 9.0, 1);
    rows.session("c-bob-3", "free-bob", "2026-02-28 18:00:00", 8.0, 0);
    rows.session("c-bob-4", "free-bob", "2026-02-27 18:00:00", 9.0, 0);
    rows.session("c-bob-5", "free-bob", "2026-02-26 18:00:00", 9.0, 0);
    // dan: a fine run, but 19-21 days before D, older than the 14-day window.
    rows.session("c-dan-1", "free-dan", "2026-02-17 12:00:00", 9.5, 0);
    rows.session("c-dan-2", "free-dan", "2026-02-16 12:00:00", 9.5, 0);
    rows.session("c-dan-3", "free-dan", "2026-02-15 12:00:00", 9.5, 0);
    // eve: the third 9.0 is at 02-22 23:59:59 EST, one second before the window (inside it in UTC).
    rows.session("c-eve-1", "free-eve", "2026-03-01 20:00:00", 9.0, 0);
    rows.session("c-eve-2", "free-eve", "2026-02-25 20:00:00", 9.0, 0);
    rows.session("c-eve-3", "free-eve", "2026-02-23T04:59:59", 9.0, 0);
    rows.session("c-eve-4", "free-eve", "2026-02-20 20:00:00", 2.0, 0);
    // jon: two sessions start at the same instant (written two ways); the larger session id, the 5.0, comes first.
    rows.session("c-jon-1", "free-jon", "2026-03-01 08:00:00", 9.0, 0);
    rows.session("c-jon-2", "free-jon", "2026-02-28 08:00:00", 9.0, 0);
    rows.session("c-jon-3a", "free-jon", "2026-02-27 08:00:00", 9.0, 0);
    rows.session("c-jon-3b", "free-jon", "2026-02-27T08:00:00.000", 5.0, 0);
    rows.session("c-jon-4", "free-jon", "2026-02-26 08:00:00", 9.0, 0);
    // stu-3: a run of 9.5, but a student.
    rows.session("s-stu3-1", "stu-3", "2026-02-27 11:00:00", 9.5, 0);
    rows.session("s-stu3-2", "stu-3", "2026-02-26 11:00:00", 9.5, 0);
    rows.session("s-stu3-3", "stu-3", "2026-02-25 11:00:00", 9.5, 0);
  }

  /** Users around the inactivity window [2026-02-07T05:00Z, 2026-03-09T04:00Z). */
  private static void inactivitySessions(Rows rows) throws SQLException {
    rows.session("i-amy-0", "old-amy", "2026-01-05 09:00:00", 6.0, 1);
    rows.session("i-amy-1", "old-amy", "2026-02-07T04:59:59", 6.0, 1); // 02-06 23:59:59 EST: a second too early
    rows.session("i-kim-1", "old-kim", "2026-01-20 15:00:00", 7.0, 2);
    rows.session("i-kim-2", "old-kim", "2026-03-10T12:00:00", 7.0, 2); // after D
    rows.session("i-zoe-1", "Old-Zoe", "2026-01-31 12:00:00", 8.0, 1);
    rows.session("i-abe-1", "old-abe", "2026-01-31T12:00:00.000", 7.5, 1); // the same instant as Zoe's
    rows.session("i-eli-1", "edge-eli", "2026-02-07 05:00:00", 7.0, 0); // the window's first instant: active
    rows.session("i-lou-1", "late-lou", "2026-03-10 09:00:00", 7.0, 0); // only after D
  }

  private static void errors(Rows rows) throws SQLException {
    // error_id, user_id, error_type, error_category, error_text, detected_at (UTC)
    rows.error("e01", "stu-1", "grammar", "Verb tenses", "I have went", "2026-03-08 05:00:00");
    rows.error("e02", "stu-1", "grammar", "Verb tenses", "I have went", "2026-03-01T10:00:00");
    rows.error("e03", "stu-2", "grammar", "Verb tenses", "I have went", "2026-02-20 10:00:00.123");
    rows.error("e04", "free-anna", "grammar", "Verb tenses", "I have went", "2026-02-10 10:00:00");
    rows.error("e05", "free-anna", "grammar", "Verb tenses", "I have went", "2026-02-07T04:59:59"); // out (in for UTC)
    rows.error("e06", "stu-2", "grammar", "Prepositions", "depend of", "2026-03-09T03:59:59.500"); // in (out for UTC)
    rows.error("e07", "stu-2", "grammar", "Prepositions", "depend of", "2026-03-03 10:00:00");
    rows.error("e08", "coach-1", "grammar", "Prepositions", "depend of", "2026-02-15 10:00:00");
    rows.error("e09", "free-bob", "vocabulary", "False friends", "actually", "2026-02-07 05:00:00"); // window start: in
    rows.error("e10", "free-bob", "vocabulary", "False friends", "actually", "2026-02-25 10:00:00");
    rows.error("e11", "free-cara", "vocabulary", "False friends", "actually", "2026-03-06T10:00:00");
    rows.error("e12", "ghost", "grammar", "Articles", "Zoo is big", "2026-03-02 10:00:00"); // no users row: still an error
    rows.error("e13", "stu-1", "grammar", "Articles", "Zoo is big", "2026-03-04 10:00:00");
    rows.error("e14", "stu-1", "grammar", "Articles", "a hour", "2026-03-05 10:00:00");
    rows.error("e15", "stu-2", "grammar", "Articles", "a hour", "2026-03-06 10:00:00");
    rows.error("e16", "stu-2", "grammar", "Articles", "a hour", "2026-03-09 04:00:00"); // D+1 00:00 EDT: out
    rows.error("e17", "free-ivy", "grammar", "Articles", "élite", "2026-03-01 10:00:00");
    rows.error("e18", "free-ivy", "grammar", "Articles", "élite", "2026-02-27 10:00:00");
    rows.error("e19", "free-jon", "grammar", "articles", "the the", "2026-02-28 10:00:00");
    rows.error("e20", "free-jon", "grammar", "articles", "the the", "2026-02-28 11:00:00");
    rows.error("e21", null, "pronunciation", "Vowels", "ship", "2026-03-07 10:00:00");
    rows.error("e22", "trial-1", "pronunciation", "Vowels", "ship", "2026-03-07 11:00:00");
    rows.error("e23", "coach-1", "vocabulary", "Word choice", null, "2026-02-21 10:00:00");
    rows.error("e24", "coach-1", "vocabulary", "Word choice", null, "2026-02-22 10:00:00");
    rows.error("e25", "stu-3", "grammar", "Verb tenses", "he go", "2026-02-12 10:00:00");
    rows.error("e26", "stu-3", "pronunciation", "Consonants", "think", "2026-02-13 10:00:00");
    rows.error("e27", "stu-3", "vocabulary", "Word choice", "make a photo", "2026-02-14 10:00:00");
    rows.error("e28", "old-kim", "spelling", "Spelling", "recieve", "2026-01-15 10:00:00"); // long before the window
  }

  private static void triggers(Rows rows) throws SQLException {
    // trigger_id, user_id, triggered_at (UTC), offer_sent
    rows.trigger("t-gus", "free-gus", "2026-02-26 15:00:00", true); // 10 days before D: excluded
    rows.trigger("t-hal", "free-hal", "2026-03-01T12:00:00", false); // not sent: still a candidate
    rows.trigger("t-ivy", "free-ivy", "2026-02-07T04:59:59", true); // 02-06 23:59:59 EST: before the 30 days (inside them in UTC)
    rows.trigger("t-cara", "free-cara", "2026-03-09 04:00:00", true); // after D: does not count
  }

  /**
   * Around D = 2026-03-08 in America/New_York, as {@link Content#ODDITIES}:
   *
   * <ul>
   *   <li>'no-role' (role NULL): a session on 03-05, score 6.0, 2 errors; 'stu-x' (student): 03-05, 8.0, 4 errors.
   *   <li>Errors in the window: type NULL / Articles / 'x'; grammar / category NULL / 'y'; grammar / Articles /
   *       NULL twice; grammar / Articles / 'a' twice: 6 in all.
   *   <li>'bulk-000' … 'bulk-101', each with one session at 2026-01-31T12:00Z minus its number of hours:
   *       102 inactive users, newest first in id order.
   * </ul>
   */
  private static void oddities(Rows rows) throws SQLException {
    rows.user("no-role", "no-role@example.com", null, "B1");
    rows.user("stu-x", "stu-x@example.com", "student", "B1");
    rows.session("o-1", "no-role", "2026-03-05 10:00:00", 6.0, 2);
    rows.session("o-2", "stu-x", "2026-03-05 11:00:00", 8.0, 4);
    rows.error("o-e1", "stu-x", null, "Articles", "x", "2026-03-05 11:10:00");
    rows.error("o-e2", "stu-x", "grammar", null, "y", "2026-03-05 11:20:00");
    rows.error("o-e3", "stu-x", "grammar", "Articles", null, "2026-03-05 11:30:00");
    rows.error("o-e4", "stu-x", "grammar", "Articles", null, "2026-03-05 11:40:00");
    rows.error("o-e5", "stu-x", "grammar", "Articles", "a", "2026-03-05 11:50:00");
    rows.error("o-e6", "stu-x", "grammar", "Articles", "a", "2026-03-05 12:00:00");
    LocalDateTime last = LocalDateTime.parse("2026-01-31T12:00:00");
    for (int n = 0; n < 102; n++) {
      String id = String.format("bulk-%03d", n);
      rows.user(id, id + "@example.com", "free", "B1");
      rows.session("o-" + id, id, last.minusHours(n).toString().replace('T', ' ') + ":00", 7.0, 1);
    }
  }

  /**
   * Inserts rows as literal SQL, timestamps as UTC text; on PostgreSQL followed by {@code
   * zoneSuffix} ("+00" for timestamptz, so the session's zone does not matter; nothing for plain
   * timestamp columns).
   */
  private record Rows(Statement sql, boolean postgres, String zoneSuffix) {

    void user(String id, String email, String role, String level) throws SQLException {
      sql.execute("INSERT INTO users VALUES (" + text(id) + ", " + text(email) + ", " + text(role) + ", " + text(level)
          + ", " + instant("2025-12-01 09:00:00") + ", NULL)");
    }

    void session(String id, String user, String startedAt, Double score, Integer errors) throws SQLException {
      sql.execute("INSERT INTO coaching_sessions VALUES (" + text(id) + ", " + text(user) + ", 'Small talk', 'B2', "
          + instant(startedAt) + ", NULL, 900, " + (score == null ? "NULL" : score.toString()) + ", 12, "
          + (errors == null ? "NULL" : errors.toString()) + ", 'practice')");
    }

    void error(String id, String user, String type, String category, String text, String detectedAt) throws SQLException {
      sql.execute("INSERT INTO detected_errors VALUES (" + text(id) + ", NULL, " + text(user) + ", " + text(type) + ", "
          + text(category) + ", " + text(text) + ", 'medium', " + instant(detectedAt) + ")");
    }

    void trigger(String id, String user, String triggeredAt, boolean offerSent) throws SQLException {
      String sent = postgres ? String.valueOf(offerSent) : offerSent ? "1" : "0";
      sql.execute("INSERT INTO conversion_triggers VALUES (" + text(id) + ", " + text(user) + ", 'executive_offer', "
          + "'[\"3_sessions_above_8\"]', '[9.0, 9.0, 9.0]', " + instant(triggeredAt) + ", " + sent + ", NULL)");
    }

    private static String text(String value) {
      return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }

    /** timestamptz reads the same UTC text with an explicit offset, whatever the session zone. */
    private String instant(String utc) {
      return postgres ? "'" + utc.replace('T', ' ') + zoneSuffix + "'" : "'" + utc + "'";
    }
  }
}
