package io.pulsereports.core.access;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A stored API token: never the token itself, only its SHA-256 hash (tokens are 256 random bits, so
 * a fast hash is enough) and its first characters to recognise it by. A token sees only its gyms.
 *
 * @param prefix the token's first characters, e.g. {@code prt_Ab3dE}, shown in listings
 */
public record ApiToken(
    UUID id,
    Optional<String> name,
    Set<UUID> gymIds,
    String tokenHash,
    String prefix,
    Instant createdAt,
    Optional<Instant> revokedAt) {

  public ApiToken {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    gymIds = Set.copyOf(requireNonNull(gymIds, "gymIds"));
    checkArgument(!gymIds.isEmpty(), "a token sees at least one gym");
    requireNonNull(tokenHash, "tokenHash");
    checkArgument(tokenHash.matches("[0-9a-f]{64}"), "tokenHash is not a SHA-256 hex digest");
    requireNonNull(prefix, "prefix");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(revokedAt, "revokedAt");
  }

  public boolean active() {
    return revokedAt.isEmpty();
  }

  /** Whether this token may see {@code gymId}'s data. */
  public boolean sees(UUID gymId) {
    return gymIds.contains(gymId);
  }
}
