package io.pulsereports.core.conversion;

import static com.google.common.base.Preconditions.checkArgument;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.ScoredSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of {@code conversion_triggers}: a conversion rule fired for a user, with the conditions
 * it met, the confidence scores that made it fire (newest first), when, and whether the offer was
 * sent.
 *
 * <p>A trigger Pulse Reports records for local day D has the id {@link #idFor idFor(type, user,
 * D)}, the same in every run, so that a run that finds its own row again recognises it. Rows
 * written by other clients keep their own ids; their {@code conditions_met} is present only when
 * it has the shape {@link TriggerConditions} describes, and {@code confidence_scores} is empty
 * when it is not a JSON array of numbers.
 *
 * @param triggerType the rule's name, such as {@code executive_offer}
 */
public record ConversionTrigger(
    String triggerId,
    String userId,
    String triggerType,
    Optional<TriggerConditions> conditionsMet,
    List<Double> confidenceScores,
    Instant triggeredAt,
    boolean offerSent) {

  public ConversionTrigger {
    requireNonNull(triggerId, "triggerId");
    checkArgument(!triggerId.isBlank(), "triggerId is blank");
    requireNonNull(userId, "userId");
    requireNonNull(triggerType, "triggerType");
    requireNonNull(conditionsMet, "conditionsMet");
    confidenceScores = List.copyOf(requireNonNull(confidenceScores, "confidenceScores"));
    requireNonNull(triggeredAt, "triggeredAt");
  }

  /**
   * A new trigger of {@code rule} for {@code userId} on local day {@code day}, not yet sent:
   * conditions from the rule and the outcome, the qualifying sessions' scores newest first.
   */
  public static ConversionTrigger fired(
      ConversionRule rule, String userId, ConversionOutcome.Qualified qualified, LocalDate day, Instant triggeredAt) {
    requireNonNull(rule, "rule");
    requireNonNull(qualified, "qualified");
    List<Double> scores =
        qualified.qualifyingSessions().stream()
            .sorted(ConversionRule.NEWEST_FIRST)
            .map(ScoredSession::confidenceScore)
            .map(score -> score.orElseThrow(() -> new IllegalArgumentException("a qualifying session has no score")))
            .toList();
    return new ConversionTrigger(
        idFor(rule.name(), userId, day),
        userId,
        rule.name(),
        Optional.of(TriggerConditions.of(rule, qualified)),
        scores,
        triggeredAt,
        false);
  }

  /**
   * The id Pulse Reports gives the trigger of {@code triggerType} for {@code userId} on local day
   * {@code day}: a name-based UUID (version 3) of the three, in canonical lower-case text.
   */
  public static String idFor(String triggerType, String userId, LocalDate day) {
    requireNonNull(triggerType, "triggerType");
    requireNonNull(userId, "userId");
    requireNonNull(day, "day");
    String name = "pulse-reports:conversion-trigger\n" + triggerType + "\n" + userId + "\n" + day;
    return UUID.nameUUIDFromBytes(name.getBytes(UTF_8)).toString();
  }

  /** The same trigger with its offer sent. */
  public ConversionTrigger withOfferSent() {
    return new ConversionTrigger(triggerId, userId, triggerType, conditionsMet, confidenceScores, triggeredAt, true);
  }
}
