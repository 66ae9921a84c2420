package io.pulsereports.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Writes a {@link SyntheticDataSpec}'s learning rows (users, coaching_sessions, detected_errors,
 * conversion_triggers) with {@link SyntheticRows}. Reports progress as rows written.
 *
 * <p>Every learner draws from a random stream of its own, derived from the seed and its index, so
 * the rows do not depend on batch sizes or on other learners, and the number of rows is known
 * before writing ({@link #totalRows}): a learner's {@link Plan} (role, profile, how many sessions,
 * errors and triggers) comes first in its stream, the details after.
 */
final class SyntheticLearningDataWriter {

  private static final int BATCH_ROWS = 20_000;
  /** Learners whose user row was deleted, whose sessions remain: one per this many users. */
  private static final int USERS_PER_DELETED_USER = 100;
  private static final int STREAK_DAYS = 14;
  private static final int INACTIVE_DAYS = 30;

  private static final String USER_COLUMNS =
      "user_id, email, role, english_level, created_at, last_active";
  private static final String SESSION_COLUMNS =
      "session_id, user_id, session_topic, user_level, started_at, ended_at, duration_seconds,"
          + " confidence_score, message_count, error_count, phase";
  private static final String ERROR_COLUMNS =
      "error_id, session_id, user_id, error_type, error_category, error_text, severity, detected_at";
  private static final String TRIGGER_COLUMNS =
      "trigger_id, user_id, trigger_type, conditions_met, confidence_scores, triggered_at,"
          + " offer_sent, offer_accepted";

  private static final String[] TOPICS = {
    "Job interview", "Small talk", "Travel", "Business meeting", "Presentation", "Negotiation",
    "Phone call", "Restaurant"
  };
  private static final String[] LEVELS = {"B1", "B2", "C1", "C2"};

  /** Categories of each error type and, per category, texts from most to least frequent. */
  private static final String[][][] GRAMMAR = {
    {{"Articles"}, {"a information", "the life is hard", "an university", "I am engineer", "the nature"}},
    {{"Prepositions"}, {"depend of", "arrive to", "married with", "in the Monday", "discuss about"}},
    {{"Verb tenses"}, {"I am here since 2020", "I have seen him yesterday", "when I will arrive", "I go there last week"}},
    {{"Subject-verb agreement"}, {"she don't", "he go", "the people is", "everyone have"}},
    {{"Word order"}, {"I like very much coffee", "always I am late", "what means this"}},
    {{"Plurals"}, {"informations", "advices", "childs", "furnitures"}},
  };
  private static final String[][][] PRONUNCIATION = {
    {{"th sounds"}, {"think → sink", "three → tree", "this → dis"}},
    {{"Vowel sounds"}, {"ship → sheep", "live → leave", "full → fool"}},
    {{"Word stress"}, {"deVElop", "comFORtable", "photoGRAPH"}},
    {{"Consonant clusters"}, {"months", "clothes", "sixths"}},
    {{"Intonation"}, {"flat question", "rising statement"}},
  };
  private static final String[][][] VOCABULARY = {
    {{"Word choice"}, {"make a photo", "do a mistake", "say me", "borrow me"}},
    {{"False friends"}, {"actually (currently)", "sensible (sensitive)", "eventually (possibly)"}},
    {{"Collocations"}, {"strong rain", "fast food chain store", "make homework"}},
    {{"Phrasal verbs"}, {"look after (look for)", "give up (give in)", "put off (put out)"}},
  };

  private enum Profile {
    /** Signed up, never practised. */
    NEVER,
    /** Practises across the whole period. */
    REGULAR,
    /** Joined during the period. */
    LATE_JOINER,
    /** Stopped 30 or more days before the end. */
    CHURNED,
    /** A free user ending with 3 to 6 sessions scored above 8.0 in the last 14 days. */
    STREAKER
  }

  /** What a learner writes, drawn first from its stream: enough to count its rows. */
  private record Plan(
      String userId,
      boolean deleted,
      String role,
      String englishLevel,
      String email,
      Profile profile,
      int sessions,
      int streakSessions,
      boolean unscoredInStreak,
      int errors,
      Trigger trigger) {

    long rows() {
      return (deleted ? 0 : 1) + sessions + errors + (trigger == Trigger.NONE ? 0 : 1);
    }
  }

  private enum Trigger {
    NONE,
    /** Offer sent a few days ago: the learner is in its cool-down. */
    RECENT_OFFER,
    /** Offer sent more than 30 days ago. */
    OLD_OFFER,
    /** Conditions met recently, offer not sent. */
    NOT_SENT
  }

  private final SyntheticDataSpec spec;
  private final SyntheticLearningSpec learning;
  private final Dialect dialect;
  private final LongConsumer progress;
  private final SyntheticRows users = new SyntheticRows("users", USER_COLUMNS);
  private final SyntheticRows sessions = new SyntheticRows("coaching_sessions", SESSION_COLUMNS);
  private final SyntheticRows errors = new SyntheticRows("detected_errors", ERROR_COLUMNS);
  private final SyntheticRows triggers = new SyntheticRows("conversion_triggers", TRIGGER_COLUMNS);

  SyntheticLearningDataWriter(SyntheticDataSpec spec, Dialect dialect, LongConsumer progress) {
    this.spec = spec;
    this.learning = spec.learning();
    this.dialect = dialect;
    this.progress = progress;
  }

  static long totalRows(SyntheticLearningSpec learning) {
    long rows = 0;
    for (int i = 0; i < learners(learning); i++) {
      rows += plan(learning, i, stream(learning, i)).rows();
    }
    return rows;
  }

  /** Writes the rows in the caller's transaction. */
  void write(Connection connection) throws SQLException {
    for (int i = 0; i < learners(learning); i++) {
      SplittableRandom random = stream(learning, i);
      writeLearner(plan(learning, i, random), random);
      if (users.size() + sessions.size() + errors.size() + triggers.size() >= BATCH_ROWS) {
        flush(connection);
      }
    }
    flush(connection);
  }

  private static int learners(SyntheticLearningSpec learning) {
    return learning.users() + learning.users() / USERS_PER_DELETED_USER;
  }

  /** Learner {@code index}'s own stream: the seed and the index, mixed. */
  private static SplittableRandom stream(SyntheticLearningSpec learning, int index) {
    return new SplittableRandom(mix(learning.seed() ^ mix(index + 0x4C45_4152_4E45_5253L)));
  }

  /** Stafford's variant 13 of the MurmurHash3 finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static Plan plan(SyntheticLearningSpec learning, int index, SplittableRandom random) {
    boolean deleted = index >= learning.users();
    String userId = String.format(Locale.ROOT, deleted ? "deleted-%06d" : "learner-%06d", index);
    String role = role(random.nextInt(100));
    String level = random.nextInt(100) < 2 ? null : LEVELS[weighted(random, 30, 35, 25, 8)];
    String email =
        random.nextInt(100) < 3 ? null : "learner" + index + "@example.com";
    int roll = random.nextInt(100);
    Profile profile =
        deleted ? Profile.REGULAR
            : roll < 4 ? Profile.NEVER
            : roll < 19 ? Profile.CHURNED
            : roll < 40 ? Profile.LATE_JOINER
            : Profile.REGULAR;
    if ("free".equals(role)
        && (profile == Profile.REGULAR || profile == Profile.LATE_JOINER)
        && random.nextInt(100) < 10) {
      profile = Profile.STREAKER;
    }
    int count =
        profile == Profile.NEVER
            ? 0
            : Math.max(1, (int) Math.round(learning.sessionsPerUser() * (0.3 + 1.4 * random.nextDouble())));
    int streak = 0;
    boolean unscoredInStreak = false;
    if (profile == Profile.STREAKER) {
      // 3 to 6 scored sessions, and in one streak in five an unscored session among them
      unscoredInStreak = random.nextInt(5) == 0;
      streak = 3 + random.nextInt(4) + (unscoredInStreak ? 1 : 0);
      count = Math.max(count, streak + 1);
    }
    int errorCount =
        count == 0 ? 0
            : (int) Math.round(count * learning.errorsPerSession() * (0.5 + random.nextDouble()));
    Trigger trigger = Trigger.NONE;
    if ("free".equals(role) && !deleted) {
      int t = random.nextInt(100);
      if (profile == Profile.STREAKER) {
        trigger = t < 20 ? Trigger.RECENT_OFFER : Trigger.NONE;
      } else {
        trigger = t < 6 ? Trigger.OLD_OFFER : t < 10 ? Trigger.NOT_SENT : Trigger.NONE;
      }
    }
    return new Plan(
        userId, deleted, role, level, email, profile, count, streak, unscoredInStreak, errorCount,
        trigger);
  }

  private static String role(int roll) {
    return roll < 55 ? "free"
        : roll < 80 ? "student"
        : roll < 86 ? "coach"
        : roll < 88 ? "superuser"
        : roll < 96 ? "trial" // not a documented role
        : null;
  }

  private static int weighted(SplittableRandom random, int... weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int roll = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private void writeLearner(Plan plan, SplittableRandom random) {
    int days = spec.days();
    int streakDays = Math.min(STREAK_DAYS, days);
    // The days (0 = the first of the period) each kind of learner practises on.
    int firstDay = 0;
    int endDay = days;
    switch (plan.profile()) {
      case LATE_JOINER -> firstDay = random.nextInt(Math.max(1, days * 2 / 3));
      case CHURNED -> {
        int lastPossible = days - INACTIVE_DAYS - 1 - random.nextInt(30);
        endDay = lastPossible >= 1 ? lastPossible : days;
      }
      case STREAKER -> endDay = Math.max(1, days - streakDays);
      default -> { }
    }
    int[] sessionErrors = new int[plan.sessions()];
    for (int e = 0; e < plan.errors(); e++) {
      sessionErrors[random.nextInt(plan.sessions())]++;
    }
    Instant first = null;
    Instant lastEnd = null;
    double[] streakScores = new double[plan.streakSessions()];
    int streakIndex = 0;
    int regularSessions = plan.sessions() - plan.streakSessions();
    for (int s = 0; s < plan.sessions(); s++) {
      boolean inStreak = s >= regularSessions;
      int day =
          inStreak
              ? days - streakDays + random.nextInt(streakDays)
              : firstDay + random.nextInt(Math.max(1, endDay - firstDay));
      Instant started = dayAndEveningInstant(day, random);
      int duration = 300 + random.nextInt(2400);
      Double score;
      if (inStreak) {
        score =
            plan.unscoredInStreak() && streakIndex == 0 ? null : (81 + random.nextInt(19)) / 10.0;
        if (score != null) {
          streakScores[streakIndex] = score;
        }
        streakIndex++;
      } else {
        score = random.nextInt(100) < 6 ? null : score(plan.englishLevel(), random);
      }
      String sessionId = plan.userId() + "-s" + sequence(s);
      sessions.add(
          sessionId,
          plan.userId(),
          TOPICS[random.nextInt(TOPICS.length)],
          plan.englishLevel(),
          started,
          started.plusSeconds(duration),
          duration,
          score,
          6 + random.nextInt(60),
          random.nextInt(100) < 4 ? null : sessionErrors[s],
          phase(random));
      for (int e = 0; e < sessionErrors[s]; e++) {
        addError(
            plan,
            sessionId,
            sessionId + "-e" + sequence(e),
            started.plusSeconds(random.nextInt(duration)),
            random);
      }
      first = first == null || started.isBefore(first) ? started : first;
      Instant ended = started.plusSeconds(duration);
      lastEnd = lastEnd == null || ended.isAfter(lastEnd) ? ended : lastEnd;
    }
    if (!plan.deleted()) {
      Instant created =
          first != null
              ? first.minusSeconds(86_400L * (1 + random.nextInt(30)))
              : dayAndEveningInstant(random.nextInt(days), random);
      users.add(plan.userId(), plan.email(), plan.role(), plan.englishLevel(), created, lastEnd);
    }
    addTrigger(plan, streakScores, random);
  }

  private void addError(
      Plan plan, String sessionId, String errorId, Instant detected, SplittableRandom random) {
    int typeRoll = random.nextInt(100);
    String type = typeRoll < 50 ? "grammar" : typeRoll < 75 ? "pronunciation" : "vocabulary";
    String[][][] categories =
        type.equals("grammar") ? GRAMMAR : type.equals("pronunciation") ? PRONUNCIATION : VOCABULARY;
    // Earlier categories and texts are more frequent (a skewed draw), so the top ten stands out.
    String[][] category = categories[skewed(categories.length, random)];
    String[] texts = category[1];
    String text = texts[skewed(texts.length, random)];
    String categoryName = category[0][0];
    if (type.equals("pronunciation")) {
      int roll = random.nextInt(100);
      text = roll < 15 ? null : text; // no transcript
      categoryName = roll >= 15 && roll < 17 ? null : categoryName; // unclassified
    }
    int severity = random.nextInt(100);
    errors.add(
        errorId,
        sessionId,
        plan.userId(),
        type,
        categoryName,
        text,
        severity < 55 ? "low" : severity < 90 ? "medium" : "high",
        detected);
  }

  private void addTrigger(Plan plan, double[] streakScores, SplittableRandom random) {
    LocalDate end = spec.endDate();
    switch (plan.trigger()) {
      case NONE -> { }
      case RECENT_OFFER ->
          triggers.add(
              plan.userId() + "-t1",
              plan.userId(),
              "high_confidence_streak",
              "[\"free_plan\", \"consecutive_sessions_above_8\"]",
              scoresJson(streakScores),
              eveningOf(end.minusDays(2 + random.nextInt(STREAK_DAYS - 2)), random),
              true,
              null);
      case OLD_OFFER ->
          triggers.add(
              plan.userId() + "-t1",
              plan.userId(),
              "high_confidence_streak",
              "[\"free_plan\", \"consecutive_sessions_above_8\"]",
              "[8.4, 8.9, 9.2]",
              eveningOf(end.minusDays(INACTIVE_DAYS + 5 + random.nextInt(60)), random),
              true,
              random.nextInt(3) == 0);
      case NOT_SENT ->
          triggers.add(
              plan.userId() + "-t1",
              plan.userId(),
              "engagement_milestone",
              "[\"free_plan\", \"ten_sessions\"]",
              "[]",
              eveningOf(end.minusDays(1 + random.nextInt(25)), random),
              false,
              null);
    }
  }

  private static String scoresJson(double[] scores) {
    StringBuilder json = new StringBuilder("[");
    for (double score : scores) {
      if (score > 0) {
        json.append(json.length() > 1 ? ", " : "").append(score);
      }
    }
    return json.append(']').toString();
  }

  /** A score around the level's mean, 1 to 10 with one decimal. */
  private static double score(String level, SplittableRandom random) {
    double mean =
        level == null ? 6.0
            : switch (level) {
              case "B1" -> 5.6;
              case "B2" -> 6.3;
              case "C1" -> 7.0;
              default -> 7.6;
            };
    double score = mean + 1.3 * random.nextGaussian();
    return Math.round(Math.min(10.0, Math.max(1.0, score)) * 10) / 10.0;
  }

  private static String phase(SplittableRandom random) {
    int roll = random.nextInt(100);
    return roll < 80 ? "completed" : roll < 92 ? "practice" : roll < 97 ? "feedback" : "intro";
  }

  /** A skewed index in [0, n): index 0 most often. */
  private static int skewed(int n, SplittableRandom random) {
    double u = random.nextDouble();
    return Math.min(n - 1, (int) (n * u * u));
  }

  /** A moment between 06:30 and 23:30 local on day {@code day} of the period, evenings likelier. */
  private Instant dayAndEveningInstant(int day, SplittableRandom random) {
    LocalDate date = spec.endDate().minusDays(spec.days() - day);
    int minute = 6 * 60 + 30 + Math.max(random.nextInt(17 * 60), random.nextInt(17 * 60));
    return date.atStartOfDay(spec.zone()).plusMinutes(minute).plusSeconds(random.nextInt(60)).toInstant();
  }

  private Instant eveningOf(LocalDate date, SplittableRandom random) {
    return date.atStartOfDay(spec.zone()).plusHours(19).plusMinutes(random.nextInt(180)).toInstant();
  }

  /**
   * A learner's n-th session or a session's n-th error as fixed-width digits: ids then sort in
   * the order they are written, so primary keys grow at the end of their index (random ids made
   * every insert a random B-tree write and bulk loads ten times slower).
   */
  private static String sequence(int n) {
    String digits = Integer.toString(n);
    return "0000".substring(Math.min(4, digits.length())) + digits;
  }

  private void flush(Connection connection) throws SQLException {
    long written = users.flush(connection, dialect);
    written += sessions.flush(connection, dialect);
    written += errors.flush(connection, dialect);
    written += triggers.flush(connection, dialect);
    progress.accept(written);
  }
}
