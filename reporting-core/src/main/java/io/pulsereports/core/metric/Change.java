package io.pulsereports.core.metric;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One figure this period against the previous one. Counts keep integer values; rates and averages
 * are doubles. {@code pctChange} is {@code change / previous}, undefined when previous is 0 or
 * undefined.
 */
public record Change(
    Optional<Number> current,
    Optional<Number> previous,
    Optional<Number> change,
    OptionalDouble pctChange,
    Trend trend) {

  public Change {
    requireNonNull(current, "current");
    requireNonNull(previous, "previous");
    requireNonNull(change, "change");
    requireNonNull(pctChange, "pctChange");
    requireNonNull(trend, "trend");
  }

  public static Change ofCounts(long current, long previous) {
    long change = current - previous;
    return new Change(
        Optional.of(current),
        Optional.of(previous),
        Optional.of(change),
        previous == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) change / previous),
        trend(Long.compare(current, previous)));
  }

  public static Change ofValues(OptionalDouble current, OptionalDouble previous) {
    if (current.isEmpty() || previous.isEmpty()) {
      return new Change(
          boxed(current), boxed(previous), Optional.empty(), OptionalDouble.empty(), Trend.FLAT);
    }
    double change = current.getAsDouble() - previous.getAsDouble();
    return new Change(
        boxed(current),
        boxed(previous),
        Optional.of(change),
        previous.getAsDouble() == 0
            ? OptionalDouble.empty()
            : OptionalDouble.of(change / previous.getAsDouble()),
        trend(Double.compare(current.getAsDouble(), previous.getAsDouble())));
  }

  private static Optional<Number> boxed(OptionalDouble value) {
    return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
  }

  private static Trend trend(int comparison) {
    return comparison > 0 ? Trend.UP : comparison < 0 ? Trend.DOWN : Trend.FLAT;
  }
}
