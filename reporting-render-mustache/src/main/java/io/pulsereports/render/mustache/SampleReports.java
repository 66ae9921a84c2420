package io.pulsereports.render.mustache;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.metric.LeadMetricsConfig;
import io.pulsereports.core.metric.LeadPerformanceCalculator;
import io.pulsereports.core.metric.LearningEngagementCalculator;
import io.pulsereports.core.metric.LearningMetricsConfig;
import io.pulsereports.core.model.CallGroup;
import io.pulsereports.core.model.GymScope;
import io.pulsereports.core.model.HeatmapCell;
import io.pulsereports.core.model.InactiveUser;
import io.pulsereports.core.model.InactiveUsers;
import io.pulsereports.core.model.LeadActivity;
import io.pulsereports.core.model.LeadCount;
import io.pulsereports.core.model.LearnerSessions;
import io.pulsereports.core.model.LearningActivity;
import io.pulsereports.core.model.MistakeActivity;
import io.pulsereports.core.model.MistakeCount;
import io.pulsereports.core.model.Report;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.ReportRequest;
import io.pulsereports.core.model.ReportType;
import io.pulsereports.core.model.RoleEngagement;
import io.pulsereports.core.model.ScoredSession;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Realistic reports made of fixed fake data, for previewing templates without a database: a
 * branch of a gym in New York with six staff members ({@code daily} on Tue 10 Mar 2026, {@code
 * weekly} for Mon 2 – Sun 8 Mar 2026 against the week before), and a coaching app ({@code
 * learning-daily} on Tue 10 Mar 2026). The figures are computed by the core's own calculators from
 * made-up activity, so they are consistent the way real ones are (rates, ranks, trends, funnel,
 * candidates), and they are the same on every call and every machine.
 *
 * <pre>{@code
 * Report<?> sample = SampleReports.of(ReportType.WEEKLY);
 * byte[] preview = MustacheReportRenderer.create().withHtmlTemplate(ReportType.WEEKLY, myTemplate)
 *     .render(sample, ReportFormat.HTML).get(0).content();
 * }</pre>
 */
public final class SampleReports {

  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final UUID GYM = UUID.fromString("6f1c2a4e-0b7d-4c52-9a8e-1d2b3c4d5e6f");
  static final UUID BRANCH = UUID.fromString("0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d");
  static final LocalDate DAY = LocalDate.of(2026, 3, 10);
  static final LocalDate WEEK_START = LocalDate.of(2026, 3, 2);

  private static final List<String> STAFF =
      List.of("maria.lopez", "sam.ortiz", "priya.nair", "jordan.lee", "mia.chen", "noah.brown");
  private static final int[] STAFF_WEIGHTS = {22, 20, 18, 16, 14, 10};
  private static final List<String> LEAD_STATUSES = List.of("new", "contacted", "qualified", "converted", "lost");
  private static final int[] LEAD_WEIGHTS = {30, 25, 18, 13, 14};
  private static final List<String> CALL_STATUSES = List.of("completed", "missed", "failed", "voicemail");
  private static final int[] CALL_WEIGHTS = {64, 22, 8, 6};
  private static final List<String> OUTCOMES = List.of("interested", "not_interested", "wrong_number", "callback");
  private static final int[] OUTCOME_WEIGHTS = {31, 41, 9, 19};
  /** Calls by local hour, 08:00 to 19:00: a morning peak and an after-work one. */
  private static final int[] HOUR_WEIGHTS = {6, 10, 12, 11, 8, 7, 6, 7, 9, 10, 8, 5};

  private SampleReports() {}

  /** The report types with a sample: {@code daily}, {@code weekly}, {@code learning-daily}. */
  public static List<ReportType> types() {
    return List.of(ReportType.DAILY, ReportType.WEEKLY, ReportType.LEARNING_DAILY);
  }

  /**
   * The sample report of a type.
   *
   * @throws IllegalArgumentException for a type without a sample (see {@link #types()})
   */
  public static Report<?> of(ReportType type) {
    requireNonNull(type, "type");
    return switch (type.name()) {
      case "daily" -> daily();
      case "weekly" -> weekly();
      case "learning-daily" -> learningDaily();
      default -> throw new IllegalArgumentException("no sample report of type '" + type.name()
          + "' (samples: daily, weekly, learning-daily)");
    };
  }

  private static Report<?> daily() {
    ReportPeriod day = ReportPeriod.day(DAY, ZONE);
    return new Report<>(
        new ReportRequest(ReportType.DAILY, Optional.of(GymScope.branch(GYM, BRANCH)), day),
        morningAfter(DAY),
        calculator().daily(leadActivity(day.dates(), 11, 1.0)));
  }

  private static Report<?> weekly() {
    ReportPeriod week = ReportPeriod.isoWeekContaining(WEEK_START, ZONE);
    return new Report<>(
        new ReportRequest(ReportType.WEEKLY, Optional.of(GymScope.branch(GYM, BRANCH)), week),
        morningAfter(week.endDate()),
        calculator().weekly(leadActivity(week.dates(), 7, 1.0), leadActivity(week.previous().dates(), 3, 0.92), week));
  }

  private static LeadPerformanceCalculator calculator() {
    return new LeadPerformanceCalculator(LeadMetricsConfig.defaults());
  }

  /** 06:00 local on the day after {@code date}, when a scheduled report would be generated. */
  private static Instant morningAfter(LocalDate date) {
    return date.plusDays(1).atTime(LocalTime.of(6, 0)).atZone(ZONE).toInstant();
  }

  /** Leads and calls of a few dates; quieter at weekends, {@code volume} scales a whole period. */
  private static LeadActivity leadActivity(List<LocalDate> dates, long seed, double volume) {
    Random random = new Random(seed);
    List<LeadCount> leads = new ArrayList<>();
    List<CallGroup> calls = new ArrayList<>();
    long converted = 0;
    for (LocalDate date : dates) {
      boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
      Map<String, Long> byStatus = new LinkedHashMap<>();
      int newLeads = (int) Math.round((weekend ? 4 : 9) * volume) + random.nextInt(4);
      for (int i = 0; i < newLeads; i++) {
        byStatus.merge(pick(random, LEAD_STATUSES, LEAD_WEIGHTS), 1L, Long::sum);
      }
      byStatus.forEach((status, count) -> leads.add(new LeadCount(date, status, count)));
      converted += byStatus.getOrDefault("converted", 0L) + random.nextInt(2);
      int dayCalls = (int) Math.round((weekend ? 16 : 38) * volume) + random.nextInt(9);
      for (int i = 0; i < dayCalls; i++) {
        int hour = 8 + pickIndex(random, HOUR_WEIGHTS);
        String staff = pick(random, STAFF, STAFF_WEIGHTS);
        String status = pick(random, CALL_STATUSES, CALL_WEIGHTS);
        boolean completed = status.equals("completed");
        Optional<String> outcome = completed ? Optional.of(pick(random, OUTCOMES, OUTCOME_WEIGHTS)) : Optional.empty();
        long duration = completed ? 60 + random.nextInt(420) : 0;
        calls.add(new CallGroup(date, hour, Optional.of(staff), status, outcome, 1, duration, completed ? 1 : 0));
      }
    }
    return new LeadActivity(leads, converted, calls);
  }

  private static String pick(Random random, List<String> values, int[] weights) {
    return values.get(pickIndex(random, weights));
  }

  private static int pickIndex(Random random, int[] weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
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

  private static Report<?> learningDaily() {
    ReportPeriod day = ReportPeriod.day(DAY, ZONE);
    LearningEngagementCalculator calculator = new LearningEngagementCalculator(LearningMetricsConfig.defaults());
    return new Report<>(
        new ReportRequest(ReportType.LEARNING_DAILY, Optional.empty(), day),
        morningAfter(DAY),
        calculator.daily(day, learningActivity()));
  }

  private static LearningActivity learningActivity() {
    List<RoleEngagement> roles = List.of(
        new RoleEngagement("free", 142, 331, 6.74 * 318, 318, 1043, 331),
        new RoleEngagement("student", 61, 158, 7.31 * 156, 156, 411, 158),
        new RoleEngagement("coach", 14, 39, 8.02 * 39, 39, 62, 39),
        new RoleEngagement("superuser", 2, 5, 7.6 * 5, 5, 9, 5));
    return new LearningActivity(roles, mistakes(), freeLearners(), Set.of("learner-0413"), inactiveUsers());
  }

  /** The 30-day mistakes: the heatmap counts, and the most frequent texts within them. */
  private static MistakeActivity mistakes() {
    String[][] cells = {
        {"Articles", "grammar", "412"}, {"Prepositions", "grammar", "318"}, {"Verb tenses", "grammar", "296"},
        {"Subject-verb agreement", "grammar", "187"}, {"Word order", "grammar", "121"},
        {"Word choice", "vocabulary", "264"}, {"False friends", "vocabulary", "143"},
        {"Collocations", "vocabulary", "131"}, {"Prepositions", "vocabulary", "58"},
        {"th sounds", "pronunciation", "209"}, {"Word stress", "pronunciation", "122"},
        {"Vowel sounds", "pronunciation", "97"}, {"Word choice", "pronunciation", "12"}};
    List<HeatmapCell> heatmap = new ArrayList<>();
    long total = 0;
    for (String[] cell : cells) {
      heatmap.add(new HeatmapCell(cell[0], cell[1], Long.parseLong(cell[2])));
      total += Long.parseLong(cell[2]);
    }
    List<MistakeCount> top = List.of(
        mistake("grammar", "Articles", "a information", 118),
        mistake("grammar", "Verb tenses", "I have went", 97),
        mistake("pronunciation", "th sounds", "think → sink", 91),
        mistake("grammar", "Prepositions", "depend of", 84),
        mistake("vocabulary", "Word choice", "make a photo", 77),
        mistake("vocabulary", "False friends", "actually (currently)", 64),
        mistake("grammar", "Subject-verb agreement", "she don't", 58),
        mistake("grammar", "Articles", "the nature", 51),
        mistake("vocabulary", "Collocations", "do a mistake", 47),
        mistake("pronunciation", "Word stress", "deVElop", 39),
        mistake("grammar", "Word order", "always I go", 33),
        mistake("pronunciation", "Vowel sounds", "ship → sheep", 28));
    return new MistakeActivity(total, top, heatmap);
  }

  private static MistakeCount mistake(String type, String category, String text, long frequency) {
    return new MistakeCount(type, category, Optional.of(text), frequency);
  }

  /** Free learners of the conversion window; four have a streak above 8.0, one was offered already. */
  private static List<LearnerSessions> freeLearners() {
    return List.of(
        learner("learner-0127", "C1", 9.4, 9.1, 8.8, 8.6, 7.2),
        learner("learner-0088", "B2", 8.9, 9.2, 8.7),
        learner("learner-0342", "C1", 8.6, 8.4, 8.9, 8.2),
        learner("learner-0205", "B2", 8.3, 8.5, 8.1, 6.9),
        learner("learner-0413", "C2", 9.6, 9.5, 9.3),
        learner("learner-0051", "B1", 8.8, 7.9, 9.0, 8.7),
        learner("learner-0290", "B2", 7.4, 8.1, 8.3),
        learner("learner-0166", "B1", 9.1, 8.6));
  }

  /** A learner with sessions on consecutive evenings before {@link #DAY}, newest score first. */
  private static LearnerSessions learner(String userId, String level, double... newestFirst) {
    List<ScoredSession> sessions = new ArrayList<>();
    for (int i = 0; i < newestFirst.length; i++) {
      Instant startedAt = DAY.minusDays(i).atTime(19, 30).atZone(ZONE).toInstant();
      sessions.add(ScoredSession.scored(userId + "-s" + i, startedAt, newestFirst[i]));
    }
    return new LearnerSessions(userId, Optional.of(userId.replace("learner-", "learner") + "@example.com"),
        Optional.of(level), sessions);
  }

  private static InactiveUsers inactiveUsers() {
    String[][] users = {
        {"learner-0512", "free", "2026-02-07T18:40:00Z"}, {"learner-0377", "student", "2026-02-03T12:05:00Z"},
        {"learner-0091", "free", "2026-01-29T20:15:00Z"}, {"learner-0448", "free", "2026-01-22T09:30:00Z"},
        {"learner-0263", "student", "2026-01-14T17:55:00Z"}, {"learner-0019", "free", "2025-12-30T21:10:00Z"}};
    List<InactiveUser> list = new ArrayList<>();
    for (String[] user : users) {
      list.add(new InactiveUser(user[0], Optional.of(user[0].replace("learner-", "learner") + "@example.com"), user[1],
          Instant.parse(user[2])));
    }
    return new InactiveUsers(list.size(), list);
  }
}
