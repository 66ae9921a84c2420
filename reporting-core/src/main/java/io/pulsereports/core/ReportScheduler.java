package io.pulsereports.core;

import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import io.pulsereports.core.port.in.ManageDeliveriesUseCase;
import io.pulsereports.core.port.in.RunDueResult;
import io.pulsereports.core.port.in.RunScheduleUseCase;
import io.pulsereports.core.port.in.ScheduleRunResult;
import io.pulsereports.core.schedule.SchedulerSettings;
import java.util.concurrent.TimeUnit;

/**
 * One scheduler instance: a background thread that, every poll interval, runs the due
 * subscriptions and then the due deliveries (new ones and retries), each in claims of the batch
 * size until none is left. Any number of instances may share one database: the claims keep them
 * from doing the same work, the delivery log from delivering a period twice.
 *
 * <p>{@link #close()} stops cleanly: no new claim is taken, the subscription or delivery in hand
 * is finished, subscriptions claimed but not started are released; if that takes longer than the
 * shutdown timeout the thread is interrupted and what it still holds is taken over by another
 * instance when its lease runs out.
 */
public final class ReportScheduler implements AutoCloseable {

  /** What the scheduler did; every method is optional. Called on the scheduler's thread. */
  public interface Listener {
    default void subscriptionsRun(ScheduleRunResult result) {}

    default void deliveriesRun(RunDueResult result) {}

    /** A pass failed (the database is unreachable, say); the next pass tries again. */
    default void passFailed(RuntimeException error) {}
  }

  private final RunScheduleUseCase schedule;
  private final ManageDeliveriesUseCase deliveries;
  private final SchedulerSettings settings;
  private final Listener listener;
  private final Object wakeUp = new Object();
  private final Thread thread;
  private volatile boolean stopping;

  ReportScheduler(
      RunScheduleUseCase schedule, ManageDeliveriesUseCase deliveries, SchedulerSettings settings, Listener listener) {
    this.schedule = requireNonNull(schedule, "schedule");
    this.deliveries = requireNonNull(deliveries, "deliveries");
    this.settings = requireNonNull(settings, "settings");
    this.listener = requireNonNull(listener, "listener");
    this.thread = new Thread(this::loop, "pulse-reports-scheduler");
    thread.setDaemon(false);
  }

  /** Starts the background thread. */
  public void start() {
    checkState(!thread.isAlive() && !stopping, "the scheduler was started already");
    thread.start();
  }

  /**
   * One pass, on the caller's thread: the due subscriptions, then the due deliveries, claim after
   * claim until nothing due is left or a stop is requested. For tests that drive a controlled
   * clock, and for running the scheduler from cron.
   */
  public void runOnce() {
    ScheduleRunResult runs;
    do {
      runs = schedule.runDueSubscriptions(settings.batchSize(), () -> stopping);
      if (runs.claimed() > 0) {
        listener.subscriptionsRun(runs);
      }
    } while (runs.claimed() == settings.batchSize() && !stopping);
    RunDueResult sent;
    do {
      sent = deliveries.runDueDeliveries(settings.batchSize());
      if (!sent.attempted().isEmpty()) {
        listener.deliveriesRun(sent);
      }
    } while (sent.attempted().size() == settings.batchSize() && !stopping);
  }

  private void loop() {
    while (!stopping) {
      try {
        runOnce();
      } catch (RuntimeException e) {
        listener.passFailed(e);
      }
      synchronized (wakeUp) {
        if (stopping) {
          break;
        }
        try {
          wakeUp.wait(settings.pollInterval().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
  }

  /** Whether the background thread is running. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /**
   * Stops the scheduler and waits for it, up to the shutdown timeout (then interrupts it).
   *
   * @return true when it stopped within the timeout, having finished the work in hand
   */
  public boolean stop() {
    stopping = true;
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
    if (!thread.isAlive()) {
      return true;
    }
    try {
      thread.join(Math.max(1, settings.shutdownTimeout().toMillis()));
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(5));
        return false;
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Waits until the scheduler has stopped (for a launcher's main thread). */
  public void awaitStopped() throws InterruptedException {
    thread.join();
  }

  @Override
  public void close() {
    stop();
  }
}
