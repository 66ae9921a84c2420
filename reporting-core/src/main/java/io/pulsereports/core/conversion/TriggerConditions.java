package io.pulsereports.core.conversion;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * What a conversion trigger records in {@code conversion_triggers.conditions_met}: the rule's
 * thresholds and what the user met. Stored as the JSON object {@code {"min_sessions": 3,
 * "min_confidence": 8.0, "consecutive_required": true, "window_days": 14, "streak": 4,
 * "avg_score": 8.6}}.
 *
 * @param streak the qualifying sessions (the leading streak, or every qualifying session of the
 *     window when the rule does not require them consecutive)
 * @param avgScore their mean confidence score
 */
public record TriggerConditions(
    int minSessions, double minConfidence, boolean consecutiveRequired, int windowDays, int streak, double avgScore) {

  public TriggerConditions {
    checkArgument(minSessions >= 1, "minSessions %s is below 1", minSessions);
    checkArgument(Double.isFinite(minConfidence), "minConfidence %s is not finite", minConfidence);
    checkArgument(windowDays >= 1, "windowDays %s is below 1", windowDays);
    checkArgument(streak >= 0, "streak %s is negative", streak);
    checkArgument(Double.isFinite(avgScore), "avgScore %s is not finite", avgScore);
  }

  /** The thresholds of {@code rule} and what {@code qualified} met. */
  public static TriggerConditions of(ConversionRule rule, ConversionOutcome.Qualified qualified) {
    requireNonNull(rule, "rule");
    requireNonNull(qualified, "qualified");
    return new TriggerConditions(
        rule.minSessions(),
        rule.minConfidence(),
        rule.consecutiveRequired(),
        rule.windowDays(),
        qualified.sessions(),
        qualified.avgScore());
  }
}
