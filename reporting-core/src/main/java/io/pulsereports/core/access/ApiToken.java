package io.pulsereports.core.access;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.pulsereports.core.model.GymScope;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A stored API token: never the token itself, only its SHA-256 hash (tokens are 256 random bits, so
 * a fast hash is enough) and its first characters to recognise it by. A token sees only its gyms,
 * and the learning engagement reports (which belong to no gym) only when it was created for them.
 *
 * @param learningReports whether the token sees the reports without a gym: learning-daily reports,
 *     their subscriptions and deliveries
 * @param prefix the token's first characters, e.g. {@code prt_Ab3dE}, shown in listings
 */
public record ApiToken(
    UUID id,
    Optional<String> name,
    Set<UUID> gymIds,
    boolean learningReports,
    String tokenHash,
    String prefix,
    Instant createdAt,
    Optional<Instant> revokedAt) {

  public ApiToken {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    gymIds = Set.copyOf(requireNonNull(gymIds, "gymIds"));
    checkArgument(!gymIds.isEmpty() || learningReports, "a token sees at least one gym or the learning reports");
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

  /**
   * Whether the token sees something of {@code scope}: a gym's (or one of its branches') when the
   * gym is one of the token's, something without a gym (the learning reports) when the token was
   * created for them.
   */
  public boolean sees(Optional<GymScope> scope) {
    return scope.map(s -> sees(s.gymId())).orElse(learningReports);
  }
}
