package io.pulsereports.core.model;

import java.util.List;

/** The documented call statuses and outcomes. Other values occur and are counted, never dropped. */
public final class CallStatus {

  public static final String COMPLETED = "completed";
  public static final String MISSED = "missed";
  public static final String FAILED = "failed";
  public static final List<String> DOCUMENTED = List.of(COMPLETED, MISSED, FAILED);

  public static final String INTERESTED = "interested";
  public static final String NOT_INTERESTED = "not_interested";
  public static final String WRONG_NUMBER = "wrong_number";
  /** Where a NULL or undocumented outcome is counted. */
  public static final String OTHER_OUTCOME = "other";

  public static final List<String> DOCUMENTED_OUTCOMES =
      List.of(INTERESTED, NOT_INTERESTED, WRONG_NUMBER, OTHER_OUTCOME);

  private CallStatus() {}

  /** The outcome bucket a completed call counts under. */
  public static String outcomeBucket(java.util.Optional<String> outcome) {
    return outcome.filter(DOCUMENTED_OUTCOMES::contains).orElse(OTHER_OUTCOME);
  }
}
