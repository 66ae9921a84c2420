package io.pulsereports.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.OptionalDouble;

/** One coaching session as a conversion rule sees it: when it started and its confidence score. */
public record ScoredSession(String sessionId, Instant startedAt, OptionalDouble confidenceScore) {

  public ScoredSession {
    requireNonNull(sessionId, "sessionId");
    requireNonNull(startedAt, "startedAt");
    requireNonNull(confidenceScore, "confidenceScore");
  }

  public static ScoredSession scored(String sessionId, Instant startedAt, double score) {
    return new ScoredSession(sessionId, startedAt, OptionalDouble.of(score));
  }

  public static ScoredSession unscored(String sessionId, Instant startedAt) {
    return new ScoredSession(sessionId, startedAt, OptionalDouble.empty());
  }
}
