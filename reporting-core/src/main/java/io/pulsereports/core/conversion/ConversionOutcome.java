package io.pulsereports.core.conversion;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.ScoredSession;
import java.util.List;

/** What a {@link ConversionRule} decided for one user. */
public sealed interface ConversionOutcome {

  /**
   * The user qualifies: {@code sessions} qualifying sessions (the whole leading streak, or every
   * qualifying session of the window when the rule does not require them consecutive), newest
   * first, their mean score, and what to do.
   */
  record Qualified(
      int sessions, double avgScore, List<ScoredSession> qualifyingSessions, Recommendation recommendation)
      implements ConversionOutcome {

    public Qualified {
      qualifyingSessions = List.copyOf(requireNonNull(qualifyingSessions, "qualifyingSessions"));
      checkArgument(sessions >= 1, "sessions %s is below 1", sessions);
      checkArgument(
          sessions == qualifyingSessions.size(),
          "sessions %s != %s qualifying sessions",
          sessions,
          qualifyingSessions.size());
      checkArgument(Double.isFinite(avgScore), "avgScore %s is not finite", avgScore);
      requireNonNull(recommendation, "recommendation");
    }
  }

  /** The user does not qualify, and why. */
  record NotQualified(Reason reason) implements ConversionOutcome {

    public NotQualified {
      requireNonNull(reason, "reason");
    }
  }

  /** Why a user was not selected. */
  enum Reason {
    /** An offer was already sent within the cooldown. */
    ALREADY_OFFERED,
    /** No session with a confidence score started in the rule's window. */
    NO_SCORED_SESSION_IN_WINDOW,
    /** Fewer qualifying sessions (in a leading streak, when required) than the rule's minimum. */
    TOO_FEW_QUALIFYING_SESSIONS
  }
}
