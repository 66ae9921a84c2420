package io.pulsereports.core.delivery;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A worker's claim on a delivery it is sending. Another worker may take the delivery over once
 * {@code until} has passed (the first worker crashed or hung).
 */
public record Lease(String owner, Instant until) {

  public Lease {
    requireNonNull(owner, "owner");
    requireNonNull(until, "until");
  }
}
