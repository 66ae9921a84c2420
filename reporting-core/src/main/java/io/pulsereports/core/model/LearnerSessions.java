package io.pulsereports.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** One user with the sessions they started in a window, in any order. */
public record LearnerSessions(
    String userId, Optional<String> email, Optional<String> englishLevel, List<ScoredSession> sessions) {

  public LearnerSessions {
    requireNonNull(userId, "userId");
    requireNonNull(email, "email");
    requireNonNull(englishLevel, "englishLevel");
    sessions = List.copyOf(requireNonNull(sessions, "sessions"));
  }
}
