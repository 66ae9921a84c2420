package io.pulsereports.core;

import static java.util.Comparator.comparing;

import io.pulsereports.core.model.CodePointOrder;
import io.pulsereports.core.model.HeatmapCell;
import io.pulsereports.core.model.InactiveUser;
import io.pulsereports.core.model.InactiveUsers;
import io.pulsereports.core.model.LearnerSessions;
import io.pulsereports.core.model.MistakeActivity;
import io.pulsereports.core.model.MistakeCount;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.RoleEngagement;
import io.pulsereports.core.model.ScoredSession;
import io.pulsereports.core.port.out.LearningActivityPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Holds raw rows of the learning tables (users, coaching_sessions, detected_errors,
 * conversion_triggers), NULLs included, and answers the port the way a database adapter must:
 * by filtering on the window's instants and aggregating. Records every query it answers.
 */
final class InMemoryLearningActivityRepository implements LearningActivityPort {

  static final String UNKNOWN = "unknown";

  record UserRow(String userId, Optional<String> email, Optional<String> role, Optional<String> englishLevel) {}

  record SessionRow(String sessionId, String userId, Instant startedAt, OptionalDouble confidenceScore, OptionalInt errorCount) {}

  record ErrorRow(Optional<String> errorType, Optional<String> errorCategory, Optional<String> errorText, Instant detectedAt) {}

  record TriggerRow(String userId, Instant triggeredAt, boolean offerSent) {}

  /** One answered call: the port method and the window it was asked for. */
  record Query(String method, ReportPeriod window) {}

  private final Map<String, UserRow> users = new LinkedHashMap<>();
  private final List<SessionRow> sessions = new ArrayList<>();
  private final List<ErrorRow> errors = new ArrayList<>();
  private final List<TriggerRow> triggers = new ArrayList<>();
  final List<Query> queries = java.util.Collections.synchronizedList(new ArrayList<>());

  /** A user with an email derived from the id and level B2; {@code role} may be null (NULL). */
  InMemoryLearningActivityRepository user(String userId, String role) {
    return user(userId, userId + "@example.com", role, "B2");
  }

  InMemoryLearningActivityRepository user(String userId, String email, String role, String englishLevel) {
    users.put(
        userId,
        new UserRow(userId, Optional.ofNullable(email), Optional.ofNullable(role), Optional.ofNullable(englishLevel)));
    return this;
  }

  /** A session; {@code confidence} and {@code errorCount} may be null (NULL). */
  InMemoryLearningActivityRepository session(
      String sessionId, String userId, String startedAt, Double confidence, Integer errorCount) {
    sessions.add(
        new SessionRow(
            sessionId,
            userId,
            Instant.parse(startedAt),
            confidence == null ? OptionalDouble.empty() : OptionalDouble.of(confidence),
            errorCount == null ? OptionalInt.empty() : OptionalInt.of(errorCount)));
    return this;
  }

  /** A detected error; any of type, category and text may be null (NULL). */
  InMemoryLearningActivityRepository error(String type, String category, String text, String detectedAt) {
    errors.add(
        new ErrorRow(Optional.ofNullable(type), Optional.ofNullable(category), Optional.ofNullable(text), Instant.parse(detectedAt)));
    return this;
  }

  /** {@code times} identical detected errors. */
  InMemoryLearningActivityRepository errors(int times, String type, String category, String text, String detectedAt) {
    for (int i = 0; i < times; i++) {
      error(type, category, text, detectedAt);
    }
    return this;
  }

  synchronized InMemoryLearningActivityRepository trigger(String userId, String triggeredAt, boolean offerSent) {
    triggers.add(new TriggerRow(userId, Instant.parse(triggeredAt), offerSent));
    return this;
  }

  /** Marks the trigger rows of {@code userId} at {@code triggeredAt} sent (a conversion trigger adapter's write). */
  synchronized void markTriggerSent(String userId, Instant triggeredAt) {
    triggers.replaceAll(t -> t.userId().equals(userId) && t.triggeredAt().equals(triggeredAt)
        ? new TriggerRow(userId, triggeredAt, true) : t);
  }

  @Override
  public List<RoleEngagement> engagementByRole(ReportPeriod window) {
    queries.add(new Query("engagementByRole", window));
    Map<String, List<SessionRow>> byRole = new TreeMap<>(CodePointOrder.INSTANCE);
    for (SessionRow session : sessions) {
      UserRow user = users.get(session.userId());
      if (user != null && window.contains(session.startedAt())) {
        byRole.computeIfAbsent(user.role().orElse(UNKNOWN), role -> new ArrayList<>()).add(session);
      }
    }
    List<RoleEngagement> result = new ArrayList<>();
    byRole.forEach((role, rows) -> {
      Set<String> active = new HashSet<>();
      double confidenceSum = 0;
      long confidenceCount = 0;
      long errorSum = 0;
      long errorCount = 0;
      for (SessionRow row : rows) {
        active.add(row.userId());
        if (row.confidenceScore().isPresent()) {
          confidenceSum += row.confidenceScore().getAsDouble();
          confidenceCount++;
        }
        if (row.errorCount().isPresent()) {
          errorSum += row.errorCount().getAsInt();
          errorCount++;
        }
      }
      result.add(new RoleEngagement(role, active.size(), rows.size(), confidenceSum, confidenceCount, errorSum, errorCount));
    });
    return result;
  }

  @Override
  public MistakeActivity mistakes(ReportPeriod window, int topLimit) {
    queries.add(new Query("mistakes", window));
    record Triple(String type, String category, Optional<String> text) {}
    record Cell(String category, String type) {}
    Map<Triple, Long> triples = new LinkedHashMap<>();
    Map<Cell, Long> cells = new LinkedHashMap<>();
    long total = 0;
    for (ErrorRow error : errors) {
      if (window.contains(error.detectedAt())) {
        String type = error.errorType().orElse(UNKNOWN);
        String category = error.errorCategory().orElse(UNKNOWN);
        triples.merge(new Triple(type, category, error.errorText()), 1L, Long::sum);
        cells.merge(new Cell(category, type), 1L, Long::sum);
        total++;
      }
    }
    Comparator<MistakeCount> order =
        Comparator.comparingLong(MistakeCount::frequency)
            .reversed()
            .thenComparing(MistakeCount::errorType, CodePointOrder.INSTANCE)
            .thenComparing(MistakeCount::errorCategory, CodePointOrder.INSTANCE)
            .thenComparing(count -> count.errorText().orElse(null), Comparator.nullsFirst(CodePointOrder.INSTANCE));
    List<MistakeCount> top =
        triples.entrySet().stream()
            .map(e -> new MistakeCount(e.getKey().type(), e.getKey().category(), e.getKey().text(), e.getValue()))
            .sorted(order)
            .limit(topLimit)
            .toList();
    List<HeatmapCell> heatmap =
        cells.entrySet().stream()
            .map(e -> new HeatmapCell(e.getKey().category(), e.getKey().type(), e.getValue()))
            .toList();
    return new MistakeActivity(total, top, heatmap);
  }

  @Override
  public List<LearnerSessions> freeLearnerSessions(ReportPeriod window) {
    queries.add(new Query("freeLearnerSessions", window));
    List<LearnerSessions> learners = new ArrayList<>();
    for (UserRow user : users.values()) {
      if (!user.role().filter("free"::equals).isPresent()) {
        continue;
      }
      List<ScoredSession> inWindow =
          sessions.stream()
              .filter(s -> s.userId().equals(user.userId()) && window.contains(s.startedAt()))
              .map(s -> new ScoredSession(s.sessionId(), s.startedAt(), s.confidenceScore()))
              .toList();
      if (!inWindow.isEmpty()) {
        learners.add(new LearnerSessions(user.userId(), user.email(), user.englishLevel(), inWindow));
      }
    }
    return learners;
  }

  @Override
  public synchronized Set<String> usersOfferedIn(ReportPeriod window) {
    queries.add(new Query("usersOfferedIn", window));
    Set<String> offered = new TreeSet<>();
    triggers.stream().filter(t -> t.offerSent() && window.contains(t.triggeredAt())).forEach(t -> offered.add(t.userId()));
    return offered;
  }

  @Override
  public InactiveUsers inactiveUsers(ReportPeriod window, int limit) {
    queries.add(new Query("inactiveUsers", window));
    List<InactiveUser> inactive = new ArrayList<>();
    for (UserRow user : users.values()) {
      List<Instant> starts = sessions.stream().filter(s -> s.userId().equals(user.userId())).map(SessionRow::startedAt).toList();
      boolean activeInWindow = starts.stream().anyMatch(window::contains);
      Optional<Instant> last = starts.stream().filter(start -> start.isBefore(window.end())).max(Comparator.naturalOrder());
      if (last.isPresent() && !activeInWindow) {
        inactive.add(new InactiveUser(user.userId(), user.email(), user.role().orElse(UNKNOWN), last.get()));
      }
    }
    List<InactiveUser> listed =
        inactive.stream()
            .sorted(comparing(InactiveUser::lastSession, Comparator.reverseOrder()).thenComparing(InactiveUser::userId, CodePointOrder.INSTANCE))
            .limit(limit)
            .toList();
    return new InactiveUsers(inactive.size(), listed);
  }
}
