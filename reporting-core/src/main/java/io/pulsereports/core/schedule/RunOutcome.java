package io.pulsereports.core.schedule;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What became of one scheduled run of a subscription. */
public enum RunOutcome {
  /** The delivery was recorded and is on its way (pending, sending or waiting for a retry). */
  CREATED,
  /** The delivery was sent to every recipient. */
  DELIVERED,
  /** The period had no data and the subscription skips empty reports: nothing was sent. */
  SKIPPED,
  /** The delivery failed, or the report could not be generated; the reason is recorded. */
  FAILED,
  /** The run was later than the catch-up window allows and was not delivered. */
  MISSED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RunOutcome> fromCode(String code) {
    return Arrays.stream(values()).filter(outcome -> outcome.code().equals(code)).findFirst();
  }

  @Override
  public String toString() {
    return code();
  }
}
