package io.pulsereports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * `reporting generate --type learning-daily` against a coaching app's own database, checked
 * against figures worked out by hand from SPEC sections 2 and 4 (not by running the code) over the
 * rows of {@link HandMadeLearningDatabase}. Every engine runs the same assertions.
 *
 * <p>D = 2026-03-08 in America/New_York (spring forward, 23 hours): D = [03-08T05:00Z,
 * 03-09T04:00Z). Windows, all ending at 03-09T04:00Z: engagement from 03-02T05:00Z, conversion
 * from 02-23T05:00Z, mistakes / offer cooldown / inactivity from 02-07T05:00Z. In UTC they end at
 * 03-09T00:00Z and start at 03-02T00:00Z, 02-23T00:00Z and 02-07T00:00Z.
 */
abstract class LearningGenerateCommandContract {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Reads money as written: 179.00 stays 179.00. */
  private static final ObjectMapper DECIMALS = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final String NEW_YORK = "America/New_York";

  /** A JDBC URL of a database holding all of {@link HandMadeLearningDatabase}'s tables and rows. */
  abstract String databaseUrl();

  /** The same rows, without a conversion_triggers table. */
  abstract String databaseUrlWithoutConversionTriggers();

  /** The four learning tables, no rows. */
  abstract String emptyDatabaseUrl();

  /** {@link HandMadeLearningDatabase.Content#ODDITIES}: missing roles and error kinds, 102 inactive users. */
  abstract String odditiesDatabaseUrl();

  private static String rawJson(String url, String... options) {
    List<String> args =
        new ArrayList<>(List.of("generate", "--type", "learning-daily", "--format", "json", "--out", "-", "--db", url));
    args.addAll(List.of(options));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    return run.out();
  }

  private static JsonNode generate(String url, String... options) throws Exception {
    return JSON.readTree(rawJson(url, options));
  }

  private JsonNode newYork() throws Exception {
    return generate(databaseUrl(), "--date", "2026-03-08", "--timezone", NEW_YORK);
  }

  private JsonNode utc() throws Exception {
    return generate(databaseUrl(), "--date", "2026-03-08");
  }

  /** JSON written with single quotes, for readable expectations; compared as trees (field order free). */
  private static JsonNode json(String singleQuoted) throws Exception {
    return JSON.readTree(singleQuoted.replace('\'', '"'));
  }

  private static BigDecimal money(String rawJson, String pointer) throws Exception {
    return DECIMALS.readTree(rawJson).at(pointer).decimalValue();
  }

  // ---------------------------------------------------------------------------------------------
  // America/New_York, D = 2026-03-08
  // ---------------------------------------------------------------------------------------------

  @Test
  void theSpringForwardDayHasItsPeriodAndWindowsWithTheOffsetOfEachEdge() throws Exception {
    JsonNode report = newYork();

    assertThat(report.get("report_type").asText()).isEqualTo("learning-daily");
    assertThat(report.get("timezone").asText()).isEqualTo(NEW_YORK);
    // SPEC 5: the scope "where they apply" - a learning report is about the whole app.
    assertThat(report.has("gym_id")).isFalse();
    assertThat(report.has("branch_id")).isFalse();
    // generated_at is the CLI's clock.
    assertThat(OffsetDateTime.parse(report.get("generated_at").asText()).toInstant())
        .isEqualTo(Instant.parse("2026-03-11T12:00:00Z"));
    // period = [D, D+1): 00:00 EST to 00:00 EDT, 23 hours apart.
    assertThat(report.get("period")).isEqualTo(json("{'start': '2026-03-08T00:00:00-05:00', 'end': '2026-03-09T00:00:00-04:00'}"));
    // D-6 = 03-02; D-13 = 03-08 - 8 days (02-28) - 5 days = 02-23; D-29 = 02-28 - 21 days = 02-07; all EST (-05:00).
    assertThat(report.get("windows")).isEqualTo(json("{"
        + "'engagement': {'start': '2026-03-02T00:00:00-05:00', 'end': '2026-03-09T00:00:00-04:00'},"
        + "'mistakes':   {'start': '2026-02-07T00:00:00-05:00', 'end': '2026-03-09T00:00:00-04:00'},"
        + "'conversion': {'start': '2026-02-23T00:00:00-05:00', 'end': '2026-03-09T00:00:00-04:00'},"
        + "'inactive_since': '2026-02-07T00:00:00-05:00'}"));
  }

  @Test
  void engagementCountsTheSessionsOfTheSevenLocalDaysPerRoleOfTheUsersTable() throws Exception {
    JsonNode engagement = newYork().get("engagement");

    // Window [03-02T05:00Z, 03-09T04:00Z).
    // student: s01 (03-02T05:00Z, the first instant: 7.0, 4 errors), s04 (D 23:59:59.999 EDT: NULL score, 2),
    //   s05 (9.0, NULL errors); s02 (04:59:59Z), s03 (D+1 00:00), s06, s07 are outside.
    //   users {stu-1, stu-2} = 2, sessions 3, confidence (7 + 9) / 2 = 8.0, errors (4 + 2) / 2 = 3.0, 3 / 2 = 1.5
    // coach: s10, s11, s12 on D (00:00 EST, 01:59:59 EST, 03:00 EDT): 1 user, 3 sessions,
    //   confidence (6.5 + 8.5 + 7.0) / 3 = 22 / 3, errors (1 + 3 + 2) / 3 = 2.0, 3 / 1 = 3.0
    // trial (undocumented role, its own entry): s20 5.0, 0 errors -> 1, 1, 5.0, 0.0, 1.0
    // free: anna 9.0/1, 8.5/2, 9.5/0 (c-anna-5 is at D+1 00:00: out); cara 9.0/2, NULL/NULL, 8.25/1;
    //   hal 8.5/0 (03-02T05:00Z: in); bob 9.0/1, 9.0/1; nobody else's free session is in the window.
    //   users 4, sessions 3 + 3 + 1 + 2 = 9,
    //   confidence 9 + 8.5 + 9.5 + 9 + 8.25 + 8.5 + 9 + 9 = 70.75 over 8 -> 8.84375,
    //   errors 1 + 2 + 0 + 2 + 1 + 0 + 1 + 1 = 8 over 8 -> 1.0, 9 / 4 = 2.25
    // superuser: s30 is 03-01 23:00 EST, outside: no entry. ghost (no users row): counted nowhere.
    assertThat(engagement.get("by_role")).isEqualTo(json("{"
        + "'coach':   {'active_users': 1, 'sessions': 3, 'avg_confidence': " + (22.0 / 3) + ", 'avg_errors': 2.0, 'sessions_per_user': 3.0},"
        + "'free':    {'active_users': 4, 'sessions': 9, 'avg_confidence': 8.84375, 'avg_errors': 1.0, 'sessions_per_user': 2.25},"
        + "'student': {'active_users': 2, 'sessions': 3, 'avg_confidence': 8.0, 'avg_errors': 3.0, 'sessions_per_user': 1.5},"
        + "'trial':   {'active_users': 1, 'sessions': 1, 'avg_confidence': 5.0, 'avg_errors': 0.0, 'sessions_per_user': 1.0}}"));
    // total: users 2 + 1 + 1 + 4 = 8, sessions 3 + 3 + 1 + 9 = 16,
    //   confidence (16 + 22 + 5 + 70.75) / (2 + 3 + 1 + 8) = 113.75 / 14 = 8.125,
    //   errors (6 + 6 + 0 + 8) / (2 + 3 + 1 + 8) = 20 / 14, 16 / 8 = 2.0
    assertThat(engagement.get("total")).isEqualTo(json(
        "{'active_users': 8, 'sessions': 16, 'avg_confidence': 8.125, 'avg_errors': " + (20.0 / 14) + ", 'sessions_per_user': 2.0}"));
  }

  @Test
  void topMistakesRankTheThirtyDayWindowWithTiesInCodePointOrder() throws Exception {
    JsonNode mistakes = newYork().get("mistakes");

    // Window [02-07T05:00Z, 03-09T04:00Z): e01-e04 (e05 is 02-06 23:59:59 EST), e06 (D 23:59:59.5 EDT), e07, e08,
    // e09 (the first instant), e10, e11, e12 (ghost: still an error), e13, e14, e15 (e16 is D+1 00:00), e17-e27;
    // e28 is January. 4 + 3 + 3 + 2 + 2 + 2 + 2 + 2 + 2 + 1 + 1 + 1 = 25.
    assertThat(mistakes.get("total_errors").asLong()).isEqualTo(25);
    // Equal frequencies by type, category, text in code points: 'Articles' < 'Prepositions' < 'articles' ('A' < 'P' < 'a'),
    // 'Zoo…' < 'a hour' < 'élite' ('Z' U+005A < 'a' U+0061 < 'é' U+00E9). Two errors without text form one triple.
    // The 11th and 12th (pronunciation/Consonants/think, vocabulary/Word choice/make a photo, 1 each) are cut.
    assertThat(mistakes.get("top")).isEqualTo(json("["
        + "{'rank': 1,  'error_type': 'grammar',       'error_category': 'Verb tenses',   'error_text': 'I have went', 'frequency': 4, 'pct': " + (4.0 / 25) + "},"
        + "{'rank': 2,  'error_type': 'grammar',       'error_category': 'Prepositions',  'error_text': 'depend of',   'frequency': 3, 'pct': " + (3.0 / 25) + "},"
        + "{'rank': 3,  'error_type': 'vocabulary',    'error_category': 'False friends', 'error_text': 'actually',    'frequency': 3, 'pct': " + (3.0 / 25) + "},"
        + "{'rank': 4,  'error_type': 'grammar',       'error_category': 'Articles',      'error_text': 'Zoo is big',  'frequency': 2, 'pct': " + (2.0 / 25) + "},"
        + "{'rank': 5,  'error_type': 'grammar',       'error_category': 'Articles',      'error_text': 'a hour',      'frequency': 2, 'pct': " + (2.0 / 25) + "},"
        + "{'rank': 6,  'error_type': 'grammar',       'error_category': 'Articles',      'error_text': 'élite',       'frequency': 2, 'pct': " + (2.0 / 25) + "},"
        + "{'rank': 7,  'error_type': 'grammar',       'error_category': 'articles',      'error_text': 'the the',     'frequency': 2, 'pct': " + (2.0 / 25) + "},"
        + "{'rank': 8,  'error_type': 'pronunciation', 'error_category': 'Vowels',        'error_text': 'ship',        'frequency': 2, 'pct': " + (2.0 / 25) + "},"
        + "{'rank': 9,  'error_type': 'vocabulary',    'error_category': 'Word choice',   'error_text': null,          'frequency': 2, 'pct': " + (2.0 / 25) + "},"
        + "{'rank': 10, 'error_type': 'grammar',       'error_category': 'Verb tenses',   'error_text': 'he go',       'frequency': 1, 'pct': " + (1.0 / 25) + "}]"));
  }

  @Test
  void theHeatmapHasEveryErrorTypeOfTheWindowInEveryCategory() throws Exception {
    JsonNode heatmap = newYork().at("/mistakes/heatmap");

    // Types seen in the window: grammar, pronunciation, vocabulary ('spelling' is only in January: no column).
    // Articles: Zoo 2 + a hour 2 + élite 2 = 6; Verb tenses: I have went 4 + he go 1 = 5; Prepositions 3; articles 2;
    // Vowels 2; Consonants 1; False friends 3; Word choice: null 2 + make a photo 1 = 3. 6+5+3+2+2+1+3+3 = 25.
    assertThat(heatmap).isEqualTo(json("{"
        + "'Articles':      {'grammar': 6, 'pronunciation': 0, 'vocabulary': 0},"
        + "'Consonants':    {'grammar': 0, 'pronunciation': 1, 'vocabulary': 0},"
        + "'False friends': {'grammar': 0, 'pronunciation': 0, 'vocabulary': 3},"
        + "'Prepositions':  {'grammar': 3, 'pronunciation': 0, 'vocabulary': 0},"
        + "'Verb tenses':   {'grammar': 5, 'pronunciation': 0, 'vocabulary': 0},"
        + "'Vowels':        {'grammar': 0, 'pronunciation': 2, 'vocabulary': 0},"
        + "'Word choice':   {'grammar': 0, 'pronunciation': 0, 'vocabulary': 3},"
        + "'articles':      {'grammar': 2, 'pronunciation': 0, 'vocabulary': 0}}"));
  }

  @Test
  void conversionCandidatesAreFreeUsersWhoseNewestScoredSessionsRunAboveEight() throws Exception {
    String raw = rawJson(databaseUrl(), "--date", "2026-03-08", "--timezone", NEW_YORK);
    JsonNode conversion = JSON.readTree(raw).get("conversion");

    // Window [02-23T05:00Z, 03-09T04:00Z), newest first, NULL scores skipped, run of scores > 8.0:
    //   ivy   9, 9, 9, 9 (the 3.0 is 02-20: outside)      -> 4 sessions, 36 / 4 = 9.0; its offer was sent
    //         02-06 23:59:59 EST, one second before the 30 days ending with D: not left out
    //   Zed   9.25, 8.75, 9.0                              -> 3, 27 / 3 = 9.0
    //   anna  9.0, 8.5, 9.5 | 5.0 (the 2.0 is at D+1 00:00) -> 3, 27 / 3 = 9.0
    //   cara  9.0, (NULL skipped), 8.25, 8.75 | 4.0        -> 3, 26 / 3; her offer is after D: not left out
    //   hal   8.5, 8.5, 8.5 | 3.0 (at the window start)    -> 3, 25.5 / 3 = 8.5; trigger not sent: not left out
    // Not candidates: gus (offer sent 02-26, within 30 days), bob (8.0 ends the run at 2), dan (run 19-21 days
    // before D), eve (third 9.0 one second before the window: run of 2), jon (the 5.0 shares 02-27 08:00 with a
    // 9.0 and has the larger session id, so it comes first: run of 2), stu-3 (student).
    // Order avg desc, sessions desc, user_id in code points: ivy (4 sessions), then 'Free-Zed' < 'free-anna'.
    assertThat(conversion.get("candidates")).isEqualTo(json("["
        + "{'user_id': 'free-ivy',  'email': 'ivy@example.com',  'english_level': 'B2', 'sessions': 4, 'avg_score': 9.0, 'recommendation': 'SEND_EXECUTIVE_OFFER'},"
        + "{'user_id': 'Free-Zed',  'email': 'zed@example.com',  'english_level': null, 'sessions': 3, 'avg_score': 9.0, 'recommendation': 'SEND_EXECUTIVE_OFFER'},"
        + "{'user_id': 'free-anna', 'email': 'anna@example.com', 'english_level': 'B1', 'sessions': 3, 'avg_score': 9.0, 'recommendation': 'SEND_EXECUTIVE_OFFER'},"
        + "{'user_id': 'free-cara', 'email': 'cara@example.com', 'english_level': 'C1', 'sessions': 3, 'avg_score': " + (26.0 / 3) + ", 'recommendation': 'SEND_EXECUTIVE_OFFER'},"
        + "{'user_id': 'free-hal',  'email': 'hal@example.com',  'english_level': 'B2', 'sessions': 3, 'avg_score': 8.5, 'recommendation': 'SEND_EXECUTIVE_OFFER'}]"));
    assertThat(conversion.get("candidate_count").asInt()).isEqualTo(5);
    // 5 x 179.00 = 895.00 USD
    assertThat(conversion.get("currency").asText()).isEqualTo("USD");
    assertThat(money(raw, "/conversion/offer_price")).isEqualByComparingTo("179.00");
    assertThat(money(raw, "/conversion/revenue_potential")).isEqualByComparingTo("895.00");
  }

  @Test
  void inactiveUsersHadASessionBeforeTheEndOfTheDayButNoneInTheThirtyDays() throws Exception {
    JsonNode inactive = newYork().get("inactive_users");

    // Window [02-07T05:00Z, 03-09T04:00Z); "before the end of D" = before 03-09T04:00Z.
    //   old-amy  last 02-07T04:59:59Z = 02-06 23:59:59 EST                       inactive
    //   Old-Zoe, old-abe  last 01-31T12:00Z = 07:00 EST (same instant)          inactive, 'O' < 'o'
    //   old-kim  01-20T15:00Z and 03-10 (after D, so not in the window)         inactive, last session as of D: 01-20 10:00 EST
    //   edge-eli (02-07T05:00Z, the first instant), everyone else with a session in the window: active
    //   late-lou (only after D), nobody (no session), ghost (no users row): not inactive
    // Newest last_session first, ties by user_id.
    assertThat(inactive).isEqualTo(json("{'count': 4, 'users': ["
        + "{'user_id': 'old-amy', 'email': 'amy@example.com', 'role': 'coach',   'last_session': '2026-02-06T23:59:59-05:00'},"
        + "{'user_id': 'Old-Zoe', 'email': 'zoe@example.com', 'role': 'free',    'last_session': '2026-01-31T07:00:00-05:00'},"
        + "{'user_id': 'old-abe', 'email': null,              'role': 'student', 'last_session': '2026-01-31T07:00:00-05:00'},"
        + "{'user_id': 'old-kim', 'email': 'kim@example.com', 'role': 'student', 'last_session': '2026-01-20T10:00:00-05:00'}]}"));
  }

  // ---------------------------------------------------------------------------------------------
  // UTC, D = 2026-03-08: the same rows, other window edges
  // ---------------------------------------------------------------------------------------------

  @Test
  void inUtcTheWindowsStartAndEndAtUtcMidnight() throws Exception {
    JsonNode report = utc();

    assertThat(report.get("timezone").asText()).isEqualTo("UTC");
    assertThat(report.get("period")).isEqualTo(json("{'start': '2026-03-08T00:00:00Z', 'end': '2026-03-09T00:00:00Z'}"));
    assertThat(report.get("windows")).isEqualTo(json("{"
        + "'engagement': {'start': '2026-03-02T00:00:00Z', 'end': '2026-03-09T00:00:00Z'},"
        + "'mistakes':   {'start': '2026-02-07T00:00:00Z', 'end': '2026-03-09T00:00:00Z'},"
        + "'conversion': {'start': '2026-02-23T00:00:00Z', 'end': '2026-03-09T00:00:00Z'},"
        + "'inactive_since': '2026-02-07T00:00:00Z'}"));
  }

  @Test
  void inUtcEngagementTakesTheSessionsOfTheUtcWeek() throws Exception {
    JsonNode engagement = utc().get("engagement");

    // Window [03-02T00:00Z, 03-09T00:00Z): s02 (03-02T04:59:59Z: 1.0, 100 errors) and s30 (superuser, 03-02T04:00Z:
    // 9.0, 1) come in; s04 (03-09T03:59:59.999Z) goes out.
    // student: s01 7.0/4, s02 1.0/100, s05 9.0/NULL -> 2 users, 3 sessions, 17 / 3, 104 / 2 = 52.0, 1.5
    // superuser: 1, 1, 9.0, 1.0, 1.0; coach, trial, free as in New York.
    assertThat(engagement.at("/by_role/student")).isEqualTo(json(
        "{'active_users': 2, 'sessions': 3, 'avg_confidence': " + (17.0 / 3) + ", 'avg_errors': 52.0, 'sessions_per_user': 1.5}"));
    assertThat(engagement.at("/by_role/superuser")).isEqualTo(json(
        "{'active_users': 1, 'sessions': 1, 'avg_confidence': 9.0, 'avg_errors': 1.0, 'sessions_per_user': 1.0}"));
    assertThat(engagement.get("by_role").properties()).hasSize(5);
    // total: users 2 + 1 + 1 + 1 + 4 = 9, sessions 3 + 3 + 1 + 1 + 9 = 17,
    //   confidence (17 + 22 + 5 + 9 + 70.75) / (3 + 3 + 1 + 1 + 8) = 123.75 / 16 = 7.734375,
    //   errors (104 + 6 + 0 + 1 + 8) / (2 + 3 + 1 + 1 + 8) = 119 / 15, 17 / 9
    assertThat(engagement.get("total")).isEqualTo(json("{'active_users': 9, 'sessions': 17, 'avg_confidence': 7.734375, "
        + "'avg_errors': " + (119.0 / 15) + ", 'sessions_per_user': " + (17.0 / 9) + "}"));
  }

  @Test
  void inUtcMistakesTakeTheErrorsOfTheUtcDays() throws Exception {
    JsonNode mistakes = utc().get("mistakes");

    // Window [02-07T00:00Z, 03-09T00:00Z): e05 (02-07T04:59:59Z) comes in, e06 (03-09T03:59:59.5Z) goes out: 25 + 1 - 1.
    assertThat(mistakes.get("total_errors").asLong()).isEqualTo(25);
    // I have went 5; actually 3; then the 2s: Articles x3, Prepositions/depend of (now 2), articles, Vowels,
    // Word choice/null; then he go (1).
    assertThat(mistakes.at("/top/0")).isEqualTo(json("{'rank': 1, 'error_type': 'grammar', 'error_category': 'Verb tenses', "
        + "'error_text': 'I have went', 'frequency': 5, 'pct': " + (5.0 / 25) + "}"));
    assertThat(mistakes.at("/top/1/error_text").asText()).isEqualTo("actually");
    assertThat(mistakes.at("/top/5")).isEqualTo(json("{'rank': 6, 'error_type': 'grammar', 'error_category': 'Prepositions', "
        + "'error_text': 'depend of', 'frequency': 2, 'pct': " + (2.0 / 25) + "}"));
    assertThat(mistakes.at("/top/9/error_text").asText()).isEqualTo("he go");
    assertThat(mistakes.get("top")).hasSize(10);
    assertThat(mistakes.at("/heatmap/Verb tenses")).isEqualTo(json("{'grammar': 6, 'pronunciation': 0, 'vocabulary': 0}"));
    assertThat(mistakes.at("/heatmap/Prepositions")).isEqualTo(json("{'grammar': 2, 'pronunciation': 0, 'vocabulary': 0}"));
  }

  @Test
  void inUtcConversionAndInactivityUseTheUtcWindows() throws Exception {
    String raw = rawJson(databaseUrl(), "--date", "2026-03-08");
    JsonNode report = JSON.readTree(raw);

    // Conversion window from 02-23T00:00Z: eve's third 9.0 (02-23T04:59:59Z) comes in -> eve 3, 9.0.
    // Cooldown from 02-07T00:00Z: ivy's offer (02-07T04:59:59Z) is now within it -> ivy left out. gus still left out.
    // 'Free-Zed' < 'free-anna' < 'free-eve'; then cara 26 / 3, hal 8.5 (hal's 3.0 at 02-23T05:00Z is in the window).
    assertThat(report.at("/conversion/candidates").findValuesAsText("user_id"))
        .containsExactly("Free-Zed", "free-anna", "free-eve", "free-cara", "free-hal");
    assertThat(report.at("/conversion/candidates/2")).isEqualTo(json("{'user_id': 'free-eve', 'email': 'eve@example.com', "
        + "'english_level': 'C1', 'sessions': 3, 'avg_score': 9.0, 'recommendation': 'SEND_EXECUTIVE_OFFER'}"));
    assertThat(report.at("/conversion/candidate_count").asInt()).isEqualTo(5);
    assertThat(money(raw, "/conversion/revenue_potential")).isEqualByComparingTo("895.00");

    // Inactivity window from 02-07T00:00Z: old-amy's 02-07T04:59:59Z session is in it -> active.
    assertThat(report.get("inactive_users")).isEqualTo(json("{'count': 3, 'users': ["
        + "{'user_id': 'Old-Zoe', 'email': 'zoe@example.com', 'role': 'free',    'last_session': '2026-01-31T12:00:00Z'},"
        + "{'user_id': 'old-abe', 'email': null,              'role': 'student', 'last_session': '2026-01-31T12:00:00Z'},"
        + "{'user_id': 'old-kim', 'email': 'kim@example.com', 'role': 'student', 'last_session': '2026-01-20T15:00:00Z'}]}"));
  }

  // ---------------------------------------------------------------------------------------------
  // Other databases
  // ---------------------------------------------------------------------------------------------

  @Test
  void withoutAConversionTriggersTableNobodyIsLeftOutForAnOffer() throws Exception {
    String raw = rawJson(databaseUrlWithoutConversionTriggers(), "--date", "2026-03-08", "--timezone", NEW_YORK);
    JsonNode report = JSON.readTree(raw);

    // gus (9.5 x3) is no longer left out and leads: 9.5 > 9.0. The others as with the table.
    assertThat(report.at("/conversion/candidates/0")).isEqualTo(json("{'user_id': 'free-gus', 'email': 'gus@example.com', "
        + "'english_level': 'B1', 'sessions': 3, 'avg_score': 9.5, 'recommendation': 'SEND_EXECUTIVE_OFFER'}"));
    assertThat(report.at("/conversion/candidates").findValuesAsText("user_id"))
        .containsExactly("free-gus", "free-ivy", "Free-Zed", "free-anna", "free-cara", "free-hal");
    assertThat(report.at("/conversion/candidate_count").asInt()).isEqualTo(6);
    // 6 x 179.00 = 1074.00
    assertThat(money(raw, "/conversion/revenue_potential")).isEqualByComparingTo("1074.00");
    // The rest of the report does not depend on the table.
    assertThat(report.at("/engagement/total/sessions").asLong()).isEqualTo(16);
    assertThat(report.at("/mistakes/total_errors").asLong()).isEqualTo(25);
    assertThat(report.at("/inactive_users/count").asLong()).isEqualTo(4);
  }

  @Test
  void anEmptyDatabaseGivesZerosNullAveragesAndEmptyLists() throws Exception {
    String raw = rawJson(emptyDatabaseUrl(), "--date", "2026-03-08", "--timezone", NEW_YORK);
    JsonNode report = JSON.readTree(raw);

    assertThat(report.get("windows")).isEqualTo(newYork().get("windows"));
    assertThat(report.get("engagement")).isEqualTo(json("{'by_role': {}, 'total': "
        + "{'active_users': 0, 'sessions': 0, 'avg_confidence': null, 'avg_errors': null, 'sessions_per_user': null}}"));
    assertThat(report.get("mistakes")).isEqualTo(json("{'total_errors': 0, 'top': [], 'heatmap': {}}"));
    assertThat(report.at("/conversion/candidates")).isEqualTo(json("[]"));
    assertThat(report.at("/conversion/candidate_count").asInt()).isZero();
    assertThat(report.at("/conversion/currency").asText()).isEqualTo("USD");
    assertThat(money(raw, "/conversion/offer_price")).isEqualByComparingTo("179.00");
    assertThat(money(raw, "/conversion/revenue_potential")).isEqualByComparingTo("0");
    assertThat(report.get("inactive_users")).isEqualTo(json("{'count': 0, 'users': []}"));
  }

  @Test
  void aSessionOfAUserWithoutARoleAndAnErrorWithoutATypeOrCategoryAreNeverDroppedFromTotals() throws Exception {
    JsonNode report = generate(odditiesDatabaseUrl(), "--date", "2026-03-08", "--timezone", NEW_YORK);

    // SPEC 1: unknown values are counted under their own value, never silently dropped from totals.
    // Sessions in the window: no-role 6.0 / 2 errors, stu-x 8.0 / 4 errors.
    assertThat(report.at("/engagement/total")).isEqualTo(json(
        "{'active_users': 2, 'sessions': 2, 'avg_confidence': 7.0, 'avg_errors': 3.0, 'sessions_per_user': 1.0}"));
    assertThat(report.at("/engagement/by_role/student")).isEqualTo(json(
        "{'active_users': 1, 'sessions': 1, 'avg_confidence': 8.0, 'avg_errors': 4.0, 'sessions_per_user': 1.0}"));
    // The role-less session has an entry of its own (whatever its name): the roles add up to the total.
    assertThat(report.at("/engagement/by_role").properties()).hasSize(2);
    assertThat(report.at("/engagement/by_role").findValues("sessions")).extracting(JsonNode::asLong).containsOnly(1L);

    // 6 errors: (NULL type, Articles, x), (grammar, NULL category, y), (grammar, Articles, NULL) x2, (grammar, Articles, a) x2.
    JsonNode mistakes = report.get("mistakes");
    assertThat(mistakes.get("total_errors").asLong()).isEqualTo(6);
    assertThat(mistakes.get("top")).hasSize(4);
    assertThat(mistakes.get("top").findValues("frequency")).extracting(JsonNode::asLong).containsExactly(2L, 2L, 1L, 1L);
    assertThat(mistakes.get("top").findValues("rank")).extracting(JsonNode::asInt).containsExactly(1, 2, 3, 4);
    assertThat(mistakes.at("/top/0/pct").asDouble()).isEqualTo(2.0 / 6);
    // Which of NULL and 'a' comes first is not fixed by the SPEC: both are grammar / Articles, 2 each.
    assertThat(List.of(mistakes.at("/top/0/error_text"), mistakes.at("/top/1/error_text")))
        .extracting(node -> node.isNull() ? null : node.asText())
        .containsExactlyInAnyOrder(null, "a");
    long cells = 0;
    for (JsonNode row : mistakes.get("heatmap")) {
      for (JsonNode count : row) {
        cells += count.asLong();
      }
    }
    assertThat(cells).isEqualTo(6);
    assertThat(report.at("/conversion/candidates")).isEmpty();
  }

  @Test
  void inactiveUsersCountsAllOfThemWhileTheListStopsAtOneHundred() throws Exception {
    JsonNode inactive = generate(odditiesDatabaseUrl(), "--date", "2026-03-08", "--timezone", NEW_YORK).get("inactive_users");

    // bulk-000 … bulk-101, last sessions 2026-01-31T12:00Z minus 0 … 101 hours.
    assertThat(inactive.get("count").asLong()).isEqualTo(102);
    assertThat(inactive.get("users")).hasSize(100);
    assertThat(inactive.get("users").findValuesAsText("user_id"))
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 100).mapToObj(n -> String.format("bulk-%03d", n)).toList());
    assertThat(inactive.at("/users/0/last_session").asText()).isEqualTo("2026-01-31T07:00:00-05:00");
    // 12:00Z - 99 h = 2026-01-27T09:00Z = 04:00 EST
    assertThat(inactive.at("/users/99/last_session").asText()).isEqualTo("2026-01-27T04:00:00-05:00");
  }
}
