package io.pulsereports.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;

/** One branch of a gym, or the whole gym when {@code branchId} is empty. */
public record GymScope(UUID gymId, Optional<UUID> branchId) {

  public GymScope {
    requireNonNull(gymId, "gymId");
    requireNonNull(branchId, "branchId");
  }

  public static GymScope branch(UUID gymId, UUID branchId) {
    return new GymScope(gymId, Optional.of(branchId));
  }

  public static GymScope wholeGym(UUID gymId) {
    return new GymScope(gymId, Optional.empty());
  }
}
