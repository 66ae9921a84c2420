package io.pulsereports.persistence.jdbc;

import static io.pulsereports.persistence.jdbc.DeliveryFixture.GYM_A;
import static io.pulsereports.persistence.jdbc.DeliveryFixture.NOW;

import io.pulsereports.core.access.ApiToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Tokens for the repository tests: {@code aToken()…build()}, an active, unnamed token of gym A,
 * created at NOW, whose hash is the SHA-256 of a fresh random token (see {@link DeliveryFixture}
 * for NOW and the gyms).
 */
final class TokenFixture {

  private UUID id = UUID.randomUUID();
  private Optional<String> name = Optional.empty();
  private Set<UUID> gymIds = Set.of(GYM_A);
  private boolean learningReports;
  private String tokenHash = sha256("prt_" + UUID.randomUUID());
  private String prefix = "prt_Ab3dE";
  private Instant createdAt = NOW;
  private Optional<Instant> revokedAt = Optional.empty();

  private TokenFixture() {}

  static TokenFixture aToken() {
    return new TokenFixture();
  }

  TokenFixture id(UUID value) {
    id = value;
    return this;
  }

  TokenFixture name(String value) {
    name = Optional.of(value);
    return this;
  }

  TokenFixture gyms(UUID... values) {
    gymIds = Set.of(values);
    return this;
  }

  /** Sees the learning reports; with {@link #gyms()} and no gym, only them. */
  TokenFixture learningReports() {
    learningReports = true;
    return this;
  }

  TokenFixture hash(String value) {
    tokenHash = value;
    return this;
  }

  TokenFixture prefix(String value) {
    prefix = value;
    return this;
  }

  TokenFixture createdAt(Instant value) {
    createdAt = value;
    return this;
  }

  TokenFixture revokedAt(Instant value) {
    revokedAt = Optional.of(value);
    return this;
  }

  ApiToken build() {
    return new ApiToken(id, name, gymIds, learningReports, tokenHash, prefix, createdAt, revokedAt);
  }

  /** {@code token} revoked at {@code at}, everything else kept. */
  static ApiToken revoked(ApiToken token, Instant at) {
    return new ApiToken(token.id(), token.name(), token.gymIds(), token.learningReports(), token.tokenHash(),
        token.prefix(), token.createdAt(), Optional.of(at));
  }

  /** The lower-case hex SHA-256 of {@code text}, as tokens are stored. */
  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
