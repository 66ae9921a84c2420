package io.pulsereports.core.metric;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A free user a conversion rule selected: the qualifying sessions (the streak, or all qualifying
 * sessions when the rule does not require them consecutive), their mean score, and what to do.
 */
public record ConversionCandidate(
    String userId,
    Optional<String> email,
    Optional<String> englishLevel,
    int sessions,
    double avgScore,
    String recommendation) {

  public static final String SEND_EXECUTIVE_OFFER = "SEND_EXECUTIVE_OFFER";

  public ConversionCandidate {
    requireNonNull(userId, "userId");
    requireNonNull(email, "email");
    requireNonNull(englishLevel, "englishLevel");
    checkArgument(sessions >= 1, "sessions %s is below 1", sessions);
    requireNonNull(recommendation, "recommendation");
  }
}
