package io.pulsereports.core.delivery;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * How the delivery service behaves: its retry policy, the name it claims work under, how long a
 * claim lasts before another worker may take it over, the public base URL of report links, and
 * the sources of time, randomness (jitter) and ids, which tests replace.
 */
public record DeliverySettings(
    RetryPolicy retryPolicy,
    String workerId,
    Duration lease,
    Optional<String> publicBaseUrl,
    int maxRecipients,
    Clock clock,
    DoubleSupplier random,
    Supplier<UUID> ids) {

  public DeliverySettings {
    requireNonNull(retryPolicy, "retryPolicy");
    requireNonNull(workerId, "workerId");
    checkArgument(!workerId.isBlank(), "workerId is blank");
    requireNonNull(lease, "lease");
    checkArgument(lease.compareTo(Duration.ofSeconds(1)) >= 0, "lease %s is under a second", lease);
    requireNonNull(publicBaseUrl, "publicBaseUrl");
    checkArgument(maxRecipients >= 1, "maxRecipients %s is below 1", maxRecipients);
    requireNonNull(clock, "clock");
    requireNonNull(random, "random");
    requireNonNull(ids, "ids");
  }
}
