package io.pulsereports.persistence.jdbc;

import io.pulsereports.core.model.ReportPeriod;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Hand-written rows of users, coaching_sessions, detected_errors and conversion_triggers; the
 * expectations are computed by hand in {@link LearningActivityPortContract}. Timestamps are
 * written as SQLite would hold them (space or 'T', fractions, 'Z'); PostgreSQL stores the same
 * instants.
 *
 * <p>The report date is 2026-03-08 in America/New_York, the spring-forward day (23 hours: EST
 * until 07:00Z, then EDT), so every window ends at 2026-03-09T04:00Z, not 05:00Z:
 *
 * <ul>
 *   <li>engagement, 7 days: [2026-03-02T05:00Z, 2026-03-09T04:00Z)
 *   <li>conversion, 14 days: [2026-02-23T05:00Z, 2026-03-09T04:00Z)
 *   <li>mistakes, offers and inactivity, 30 days: [2026-02-07T05:00Z, 2026-03-09T04:00Z)
 * </ul>
 */
final class LearningActivityFixture {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final LocalDate DAY = LocalDate.of(2026, 3, 8);
  static final ReportPeriod SPRING_FORWARD_DAY = ReportPeriod.day(DAY, NEW_YORK);
  static final ReportPeriod ENGAGEMENT_WEEK = ReportPeriod.range(DAY.minusDays(6), DAY, NEW_YORK);
  static final ReportPeriod CONVERSION_WINDOW =
      ReportPeriod.range(DAY.minusDays(13), DAY, NEW_YORK);
  static final ReportPeriod THIRTY_DAYS = ReportPeriod.range(DAY.minusDays(29), DAY, NEW_YORK);

  record User(String userId, String email, String role, String englishLevel) {}

  record Session(String sessionId, String userId, Stamp startedAt, Double score, Integer errors) {}

  record DetectedError(String type, String category, String text, Stamp detectedAt) {}

  /** offerSent: Boolean, Integer or String as a client wrote it, or null. */
  record Trigger(String userId, Stamp triggeredAt, Object offerSent) {}

  static final List<User> USERS =
      List.of(
          new User("u01", "u01@example.com", "free", "B1"),
          new User("u02", null, "free", null),
          new User("u03", "u03@example.com", "student", "C1"),
          new User("u04", "u04@example.com", "coach", "C2"),
          new User("u05", "u05@example.com", null, "B2"),
          new User("u06", "u06@example.com", "trial", "B1"),
          new User("u07", "u07@example.com", "superuser", "C2"),
          new User("u08", "u08@example.com", "free", "B2"),
          new User("u09", "u09@example.com", "student", "B1"),
          new User("u10", "u10@example.com", "free", "B1"), // never had a session
          new User("u11", "u11@example.com", "coach", "C1"),
          new User("u12", "u12@example.com", "free", "B2"),
          new User("u13", "u13@example.com", "student", "B2"),
          new User("u14", "u14@example.com", null, "C1"),
          new User("u15", "u15@example.com", "superuser", "C2"),
          // Same last session: code point order is Z1 < a1 < é1 (a linguistic order is not).
          new User("é1", "e1@example.com", "student", "B1"),
          new User("a1", "a1@example.com", "trial", "B1"),
          new User("Z1", "z1@example.com", "free", "B2"));

  private static Session session(String id, String user, String started, Double score, Integer errors) {
    return new Session(id, user, new Stamp(started), score, errors);
  }

  static final List<Session> SESSIONS =
      List.of(
          session("s01", "u01", "2026-03-02 05:00:00", 9.0, 2), // engagement start: in
          session("s02", "u01", "2026-03-09 04:00:00", 9.5, 1), // end (EDT midnight): out
          session("s03", "u01", "2026-03-08T06:30:00", 8.5, null), // 01:30 EST
          session("s04", "u01", "2026-03-08T07:30:00.250", null, 0), // 03:30 EDT
          session("s05", "u02", "2026-03-05 12:00:00.5", 7.0, 4),
          session("s06", "u02", "2026-03-02T04:59:59.999", 10.0, 9), // before engagement start
          session("s07", "u03", "2026-03-03 10:00:00", 6.5, 3),
          session("s08", "u03", "2026-03-04T11:00:00Z", null, null),
          session("s09", "u04", "2026-03-06 09:00:00", 8.0, 1),
          session("s10", "u05", "2026-03-06 10:00:00", 5.0, 2), // NULL role
          session("s11", "u06", "2026-03-07 10:00:00", 9.75, 0),
          session("s12", "ghost", "2026-03-06 11:00:00", 3.0, 7), // user absent from users
          session("s13", "u07", "2026-03-09T03:59:59", 7.5, 1), // 23:59:59 EDT: in
          session("s14", "u07", "2026-03-09T04:30:00", 6.0, 1), // after the EDT end
          session("s15", "u01", "2026-02-23 05:00:00", 6.0, 1), // conversion start: in
          session("s16", "u01", "2026-02-23T04:59:59", 9.0, 1), // before conversion start
          session("s17", "u06", "2026-03-08 04:00:00", 7.0, 1), // 03-07 23:00 EST
          session("s18", "u08", "2026-01-10T08:00:00", 6.0, 1), // raw text max of u08 ...
          session("s19", "u08", "2026-01-10 09:00:00", 6.5, 1), // ... but this is later
          session("s20", "u09", "2026-02-07T04:59:59.999", 7.0, 1), // before 30-day start
          session("s21", "u11", "2026-02-07 05:00:00", 7.0, 1), // 30-day start: in
          session("s22", "u12", "2026-03-09 04:00:00", 9.0, 1), // only session, at the end
          session("s23", "u13", "2026-01-20 10:00:00", 5.5, 1),
          session("s24", "u13", "2026-03-10 10:00:00", 5.5, 1), // after the end
          session("s25", "u14", "2025-12-01 08:00:00", 4.0, 1),
          session("s26", "u15", "2026-01-15 10:00:00", 6.0, 1),
          session("s27", "u15", "2026-03-09T04:30:00", 6.0, 1), // after the end
          session("s28", "Z1", "2026-01-05T12:00:00", 7.0, 1),
          session("s29", "a1", "2026-01-05 12:00:00.000", 7.0, 1),
          session("s30", "é1", "2026-01-05T12:00:00Z", 7.0, 1));

  private static List<DetectedError> times(int n, String type, String category, String text, String... stamps) {
    if (stamps.length != n) {
      throw new IllegalArgumentException("need " + n + " stamps");
    }
    return Arrays.stream(stamps).map(s -> new DetectedError(type, category, text, new Stamp(s))).toList();
  }

  static final List<DetectedError> ERRORS =
      Stream.of(
              times(4, "grammar", "Articles", "a information",
                  "2026-02-07 05:00:00", // 30-day start: in
                  "2026-02-20T10:00:00",
                  "2026-03-01 10:00:00.5",
                  "2026-03-09T03:59:59.999"),
              times(3, "grammar", "Articles", "a information",
                  "2026-03-09 04:00:00", // end: out
                  "2026-02-07T04:59:59.9", // before the start: out
                  "2026-03-09T04:30:00Z"), // after the EDT end: out
              times(3, "grammar", "Prepositions", "depend of",
                  "2026-02-10 10:00:00", "2026-02-11T10:00:00", "2026-02-12 10:00:00"),
              times(2, "grammar", "Verb tenses", null, "2026-02-15 10:00:00", "2026-02-16 10:00:00"),
              times(2, "grammar", "Verb tenses", "Zed went", "2026-02-15 11:00:00", "2026-02-16 11:00:00"),
              times(2, "grammar", "Verb tenses", "ate", "2026-02-15 12:00:00", "2026-02-16 12:00:00"),
              times(2, "grammar", "Verb tenses", "été", "2026-02-15 13:00:00", "2026-02-16 13:00:00"),
              times(2, "grammar", "articles", "the the", "2026-02-17 10:00:00", "2026-02-18T10:00:00"),
              times(2, null, "Articles", "an hour", "2026-02-17 11:00:00", "2026-02-18T11:00:00"),
              times(2, "pronunciation", null, "th", "2026-02-17 12:00:00", "2026-02-18T12:00:00Z"),
              times(1, "vocabulary", "Word choice", "make a photo", "2026-02-19 10:00:00"),
              times(1, "pronunciation", "Vowel sounds", "sheep", "2026-02-19 11:00:00"))
          .flatMap(List::stream)
          .toList();

  static final List<Trigger> TRIGGERS =
      List.of(
          new Trigger("u01", new Stamp("2026-03-01 10:00:00"), true),
          new Trigger("u02", new Stamp("2026-02-07 05:00:00"), 1), // at the start: in
          new Trigger("u03", new Stamp("2026-03-09 04:00:00"), "true"), // at the end: out
          new Trigger("u04", new Stamp("2026-02-20T12:00:00"), "t"),
          new Trigger("u05", new Stamp("2026-02-20 12:00:00"), "1"),
          new Trigger("u06", new Stamp("2026-02-20 12:00:00"), 0),
          new Trigger("u07", new Stamp("2026-02-20 12:00:00"), "f"),
          new Trigger("u08", new Stamp("2026-02-20 12:00:00"), null),
          new Trigger("u09", new Stamp("2026-01-01 12:00:00"), true), // before the start
          new Trigger("u01", new Stamp("2026-02-21 12:00:00"), true), // u01 again
          new Trigger("ghost", new Stamp("2026-02-21T12:00:00"), "TRUE"),
          new Trigger("u11", new Stamp("2026-02-07T04:59:59"), true), // 'T' text sorts after ' '
          new Trigger("u12", new Stamp("2026-02-20 12:00:00"), "false"));

  /** Whether a client's offer_sent value means true (for typed boolean columns). */
  static Boolean offerSentAsBoolean(Object value) {
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    if (value instanceof Integer number) {
      return number != 0;
    }
    return List.of("1", "t", "true").contains(value.toString().toLowerCase(Locale.ROOT));
  }

  private LearningActivityFixture() {}
}
