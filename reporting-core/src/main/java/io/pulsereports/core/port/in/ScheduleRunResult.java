package io.pulsereports.core.port.in;

import static java.util.Objects.requireNonNull;

import io.pulsereports.core.schedule.RunOutcome;
import io.pulsereports.core.schedule.SubscriptionId;
import io.pulsereports.core.schedule.SubscriptionRun;
import java.util.List;

/** The runs one pass of the scheduler made, and how many subscriptions it claimed in all. */
public record ScheduleRunResult(List<Entry> runs, int claimed) {

  public ScheduleRunResult {
    runs = List.copyOf(requireNonNull(runs, "runs"));
  }

  public long count(RunOutcome outcome) {
    return runs.stream().filter(entry -> entry.run().outcome() == outcome).count();
  }

  /** One subscription's run. */
  public record Entry(SubscriptionId subscriptionId, SubscriptionRun run) {

    public Entry {
      requireNonNull(subscriptionId, "subscriptionId");
      requireNonNull(run, "run");
    }
  }
}
