package io.pulsereports.core.delivery;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One headline figure of a report as people read it: {@code Calls} · {@code 128} · {@code ▲ 12 %
 * vs previous period}. The change carries its meaning in words and arrows, not colour alone.
 */
public record Headline(String label, String value, Optional<String> change) {

  public Headline {
    requireNonNull(label, "label");
    requireNonNull(value, "value");
    requireNonNull(change, "change");
  }
}
