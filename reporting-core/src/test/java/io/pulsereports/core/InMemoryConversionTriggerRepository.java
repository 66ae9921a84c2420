package io.pulsereports.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.pulsereports.core.conversion.ConversionTrigger;
import io.pulsereports.core.model.ReportPeriod;
import io.pulsereports.core.port.out.ConversionTriggerRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * conversion_triggers in memory, behaving as the contract asks: one trigger per (type, user, day),
 * claims that exclude each other per (type, user, day). Writes also go to the learning fake's
 * trigger rows, so the report's cooldown sees them as it would see the table.
 */
final class InMemoryConversionTriggerRepository implements ConversionTriggerRepository {

  private final InMemoryLearningActivityRepository learning;
  private final List<ConversionTrigger> rows = new ArrayList<>();
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  int claims;

  InMemoryConversionTriggerRepository(InMemoryLearningActivityRepository learning) {
    this.learning = learning;
  }

  synchronized List<ConversionTrigger> rows() {
    return List.copyOf(rows);
  }

  /** A row written by another client. */
  synchronized InMemoryConversionTriggerRepository add(ConversionTrigger trigger) {
    rows.add(trigger);
    learning.trigger(trigger.userId(), trigger.triggeredAt().toString(), trigger.offerSent());
    return this;
  }

  @Override
  public synchronized Recorded recordIfAbsent(ConversionTrigger trigger, ReportPeriod day) {
    checkArgument(!trigger.offerSent(), "a new trigger is not sent");
    checkArgument(day.contains(trigger.triggeredAt()), "triggered_at %s is not in %s", trigger.triggeredAt(), day);
    Optional<ConversionTrigger> existing =
        rows.stream()
            .filter(row -> row.triggerId().equals(trigger.triggerId()) || sameDay(row, trigger.triggerType(), trigger.userId(), day))
            .min(Comparator.comparing((ConversionTrigger row) -> !row.offerSent()));
    if (existing.isPresent()) {
      return new Recorded(existing.get(), false);
    }
    add(trigger);
    return new Recorded(trigger, true);
  }

  @Override
  public synchronized List<ConversionTrigger> findOn(String triggerType, ReportPeriod day) {
    return rows.stream()
        .filter(row -> row.triggerType().equals(triggerType) && day.contains(row.triggeredAt()))
        .sorted(Comparator.comparing(ConversionTrigger::userId).thenComparing(row -> !row.offerSent()))
        .toList();
  }

  @Override
  public OfferClaim claim(ConversionTrigger trigger, ReportPeriod day) {
    ReentrantLock lock = locks.computeIfAbsent(key(trigger.triggerType(), trigger.userId(), day.startDate()), k -> new ReentrantLock());
    lock.lock();
    synchronized (this) {
      claims++;
    }
    ConversionTrigger current = current(trigger.triggerId());
    return new OfferClaim() {
      private boolean open = true;

      @Override
      public ConversionTrigger trigger() {
        return current;
      }

      @Override
      public void markOfferSent() {
        checkState(open, "the claim is closed");
        synchronized (InMemoryConversionTriggerRepository.this) {
          rows.replaceAll(row -> row.triggerId().equals(current.triggerId()) ? row.withOfferSent() : row);
          learning.markTriggerSent(current.userId(), current.triggeredAt());
        }
        close();
      }

      @Override
      public void close() {
        if (open) {
          open = false;
          lock.unlock();
        }
      }
    };
  }

  private synchronized ConversionTrigger current(String triggerId) {
    return rows.stream().filter(row -> row.triggerId().equals(triggerId)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no trigger " + triggerId));
  }

  private static boolean sameDay(ConversionTrigger row, String type, String userId, ReportPeriod day) {
    return row.triggerType().equals(type) && row.userId().equals(userId) && day.contains(row.triggeredAt());
  }

  private static String key(String type, String userId, LocalDate day) {
    return type + "\n" + userId + "\n" + day;
  }
}
