package io.pulsereports.core.schedule;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * How a scheduler instance works.
 *
 * @param batchSize how many due subscriptions (and due deliveries) one claim takes
 * @param pollInterval the pause between two passes when nothing was due
 * @param catchUpWindow how late a run may still be delivered: after downtime each subscription's
 *     latest missed period is delivered once when it is at most this late, otherwise recorded as
 *     missed. Empty: no limit (the latest missed period is always delivered)
 * @param shutdownTimeout how long stopping waits for the work in hand before it gives up (the
 *     leases it holds then run out and another instance takes the work over)
 */
public record SchedulerSettings(
    int batchSize, Duration pollInterval, Optional<Duration> catchUpWindow, Duration shutdownTimeout) {

  public SchedulerSettings {
    checkArgument(batchSize >= 1 && batchSize <= 500, "batchSize %s is outside 1..500", batchSize);
    requireNonNull(pollInterval, "pollInterval");
    checkArgument(!pollInterval.isNegative() && !pollInterval.isZero(), "pollInterval must be positive");
    requireNonNull(catchUpWindow, "catchUpWindow");
    catchUpWindow.ifPresent(window -> checkArgument(!window.isNegative(), "catchUpWindow is negative"));
    requireNonNull(shutdownTimeout, "shutdownTimeout");
    checkArgument(!shutdownTimeout.isNegative(), "shutdownTimeout is negative");
  }

  /** 20 per claim, a pass every 15 s, the latest missed period always delivered, 30 s to stop. */
  public static SchedulerSettings defaults() {
    return new SchedulerSettings(20, Duration.ofSeconds(15), Optional.empty(), Duration.ofSeconds(30));
  }

  public SchedulerSettings withCatchUpWindow(Optional<Duration> window) {
    return new SchedulerSettings(batchSize, pollInterval, window, shutdownTimeout);
  }

  public SchedulerSettings withPollInterval(Duration interval) {
    return new SchedulerSettings(batchSize, interval, catchUpWindow, shutdownTimeout);
  }

  public SchedulerSettings withBatchSize(int size) {
    return new SchedulerSettings(size, pollInterval, catchUpWindow, shutdownTimeout);
  }
}
