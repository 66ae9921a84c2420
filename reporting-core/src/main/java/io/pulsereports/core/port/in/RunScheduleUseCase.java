package io.pulsereports.core.port.in;

import java.util.function.BooleanSupplier;

/** Runs the subscriptions that are due: one pass of the scheduler. */
public interface RunScheduleUseCase {

  /**
   * Claims up to {@code limit} due subscriptions and runs each: generates and delivers its latest
   * due period once (the delivery log's idempotency key makes a second delivery of a period
   * impossible, whichever instance runs it), and schedules its next run. Stops early, releasing
   * what it claimed and did not run, when {@code stopRequested} turns true.
   */
  ScheduleRunResult runDueSubscriptions(int limit, BooleanSupplier stopRequested);

  default ScheduleRunResult runDueSubscriptions(int limit) {
    return runDueSubscriptions(limit, () -> false);
  }
}
