package io.pulsereports.core.port.out;

import io.pulsereports.core.model.InactiveUsers;
import io.pulsereports.core.model.LearnerSessions;
import io.pulsereports.core.model.MistakeActivity;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.model.RoleEngagement;
import java.util.List;
import java.util.Set;

/**
 * Reads the coaching app's learning activity (users, coaching_sessions, detected_errors,
 * conversion_triggers) for the windows of a learning report. Every window is the half-open
 * interval [{@code window.start()}, {@code window.end()}) of instants; an adapter aggregates in the
 * database and returns sums and counts, except for {@link #freeLearnerSessions}, which returns the
 * window's sessions of free users (the input of a conversion rule).
 */
public interface LearningActivityPort {

  /**
   * Per users.role (NULL as {@code unknown}), over the sessions that started in the window and
   * whose user exists; one entry per role with at least one session.
   */
  List<RoleEngagement> engagementByRole(ReportPeriod window);

  /** The window's detected errors: total, the {@code topLimit} most frequent triples, the heatmap. */
  MistakeActivity mistakes(ReportPeriod window, int topLimit);

  /**
   * Users with role {@code free} and every session they started in the window (NULL scores
   * included), users without a session in the window left out.
   */
  List<LearnerSessions> freeLearnerSessions(ReportPeriod window);

  /**
   * Users with a conversion_triggers row whose offer_sent is true and whose triggered_at is in the
   * window; empty when the database has no conversion_triggers table.
   */
  Set<String> usersOfferedIn(ReportPeriod window);

  /**
   * Users (of the users table) with at least one session that started before {@code window.end()}
   * and none in {@code window}; {@code last_session} is their latest start. At most {@code limit}
   * users are listed, newest last session first, ties by user_id; the count covers all.
   */
  InactiveUsers inactiveUsers(ReportPeriod window, int limit);
}
