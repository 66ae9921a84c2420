package io.pulsereports.persistence.jdbc;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The size of a deterministic synthetic learning data set (users, coaching_sessions,
 * detected_errors, conversion_triggers); its dates, days and zone are those of the enclosing
 * {@link SyntheticDataSpec}. The same spec always writes the same rows.
 *
 * <p>{@code users} learners across the roles free, student, coach, superuser, an undocumented
 * {@code trial} and a few without a role; each has about {@code sessionsPerUser} sessions (0.3 to
 * 1.7 times as many; a few users none) with about {@code errorsPerSession} detected errors each.
 * Some learners stop 30 or more days before the end (inactive users), about one free user in ten
 * ends with a streak of 3 to 6 sessions scored above 8.0 in the last 14 days (conversion
 * candidates), a few of them were already sent an offer (conversion_triggers), and a few sessions
 * belong to users deleted since (one per 100 users). it_errors, pricing_errors and lead_scores are
 * left empty: no report reads them yet.
 */
public record SyntheticLearningSpec(int users, int sessionsPerUser, int errorsPerSession, long seed) {

  public SyntheticLearningSpec {
    checkArgument(users >= 0, "users must not be negative");
    checkArgument(sessionsPerUser >= 1, "sessionsPerUser must be at least 1");
    checkArgument(errorsPerSession >= 0, "errorsPerSession must not be negative");
  }

  /** No learning rows at all (the learning tables are still created). */
  public static SyntheticLearningSpec none() {
    return new SyntheticLearningSpec(0, 1, 0, 0L);
  }

  /** The demo's learners: 400 users, about 12,000 sessions and 36,000 detected errors. */
  public static SyntheticLearningSpec demo() {
    return new SyntheticLearningSpec(400, 30, 3, 20261121L);
  }

  public boolean isEmpty() {
    return users == 0;
  }

  /** The exact number of rows the spec writes, over all learning tables. */
  public long totalRows() {
    return SyntheticLearningDataWriter.totalRows(this);
  }
}
