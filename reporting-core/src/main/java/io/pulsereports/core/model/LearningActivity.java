package io.pulsereports.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * Everything a learning daily report needs, as the learning activity port returned it for the
 * report's windows: engagement per role, the mistakes, the free learners' sessions of the
 * conversion window, the users sent an offer within the cooldown, and the inactive users.
 */
public record LearningActivity(
    List<RoleEngagement> engagementByRole,
    MistakeActivity mistakes,
    List<LearnerSessions> freeLearners,
    Set<String> offeredWithinCooldown,
    InactiveUsers inactiveUsers) {

  public LearningActivity {
    engagementByRole = List.copyOf(requireNonNull(engagementByRole, "engagementByRole"));
    requireNonNull(mistakes, "mistakes");
    freeLearners = List.copyOf(requireNonNull(freeLearners, "freeLearners"));
    offeredWithinCooldown = Set.copyOf(requireNonNull(offeredWithinCooldown, "offeredWithinCooldown"));
    requireNonNull(inactiveUsers, "inactiveUsers");
  }

  /** No sessions, no errors, no users. */
  public static LearningActivity empty() {
    return new LearningActivity(
        List.of(), new MistakeActivity(0, List.of(), List.of()), List.of(), Set.of(), new InactiveUsers(0, List.of()));
  }
}
