package io.pulsereports.persistence.jdbc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulsereports.core.delivery.RecipientOutcome;
import io.pulsereports.core.delivery.RecipientOutcome.State;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON columns that name recipients: {@code recipients} of report_deliveries and of
 * report_subscriptions, the array of addresses (or webhook URLs), and {@code recipient_outcomes}
 * of report_deliveries, one object per recipient in the same order: {@code {"recipient", "state",
 * "attempts", "sent_at", "last_error"}} with {@code state} pending, sent or failed, {@code
 * sent_at} ISO-8601 UTC to the microsecond, and null where a value is absent.
 */
final class RecipientsJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final TypeReference<List<StoredOutcome>> OUTCOMES = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private RecipientsJson() {}

  /** A recipient's outcome as stored. */
  private record StoredOutcome(
      @JsonProperty("recipient") String recipient,
      @JsonProperty("state") String state,
      @JsonProperty("attempts") int attempts,
      @JsonProperty("sent_at") String sentAt,
      @JsonProperty("last_error") String lastError) {}

  static String addresses(List<RecipientOutcome> outcomes) {
    return stringArray(outcomes.stream().map(RecipientOutcome::recipient).toList());
  }

  /**
   * A JSON array of strings, in order: the addresses of report_subscriptions.recipients, and the
   * day names of its delivery_days.
   */
  static String stringArray(List<String> values) {
    return write(values);
  }

  /**
   * The strings of the JSON array in {@code column}.
   *
   * @throws IllegalArgumentException if it is not an array of strings (the message names the
   *     column, never the text)
   */
  static List<String> readStringArray(String json, String column) {
    List<String> values;
    try {
      values = MAPPER.readValue(json, STRINGS);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // Not the parser's message: it may quote the text, and recipients can be webhook URLs.
      throw new IllegalArgumentException(column + " is not a JSON array of strings", e);
    }
    if (values == null || values.contains(null)) {
      throw new IllegalArgumentException(column + " is not a JSON array of strings");
    }
    return List.copyOf(values);
  }

  static String outcomes(List<RecipientOutcome> outcomes) {
    return write(
        outcomes.stream()
            .map(
                outcome ->
                    new StoredOutcome(
                        outcome.recipient(),
                        outcome.state().code(),
                        outcome.attempts(),
                        outcome
                            .sentAt()
                            .map(at -> at.truncatedTo(ChronoUnit.MICROS).toString())
                            .orElse(null),
                        outcome.lastError().orElse(null)))
            .toList());
  }

  /**
   * The outcomes stored in {@code json}.
   *
   * @throws IllegalArgumentException if it is not such a list
   */
  static List<RecipientOutcome> readOutcomes(String json) {
    List<StoredOutcome> stored;
    try {
      stored = MAPPER.readValue(json, OUTCOMES);
    } catch (JsonProcessingException e) {
      // Not the parser's message: it may quote the text, and recipients can be webhook URLs.
      throw new IllegalArgumentException("recipient_outcomes is not a JSON list of outcomes", e);
    }
    return stored.stream()
        .map(
            outcome ->
                new RecipientOutcome(
                    outcome.recipient(),
                    State.valueOf(outcome.state().toUpperCase(Locale.ROOT)),
                    outcome.attempts(),
                    Optional.ofNullable(outcome.sentAt()).map(Instant::parse),
                    Optional.ofNullable(outcome.lastError())))
        .toList();
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      // Strings, ints and lists of records always serialise.
      throw new IllegalStateException("Could not write recipients as JSON", e);
    }
  }
}
