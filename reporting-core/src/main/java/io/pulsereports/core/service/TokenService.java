package io.pulsereports.core.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.google.common.hash.Hashing;
import com.google.common.io.BaseEncoding;
import io.pulsereports.core.InvalidReportRequestException;
import io.pulsereports.core.NotFoundException;
import io.pulsereports.core.access.ApiToken;
import io.pulsereports.core.access.NewApiToken;
import io.pulsereports.core.port.in.ManageTokensUseCase;
import io.pulsereports.core.port.out.TokenRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Creates and checks API tokens. A token is {@code prt_} and 43 base64url characters (256 random
 * bits): unguessable, so its SHA-256 is stored rather than a slow password hash, and a lookup by
 * hash is one indexed read per request.
 */
final class TokenService implements ManageTokensUseCase {

  static final String PREFIX = "prt_";
  static final int MAX_GYMS = 100;
  private static final Pattern SECRET = Pattern.compile("prt_[A-Za-z0-9_-]{43}");

  private final TokenRepository repository;
  private final Clock clock;
  private final Supplier<byte[]> randomBytes;
  private final Supplier<UUID> ids;

  TokenService(TokenRepository repository, Clock clock, Supplier<byte[]> randomBytes, Supplier<UUID> ids) {
    this.repository = requireNonNull(repository, "repository");
    this.clock = requireNonNull(clock, "clock");
    this.randomBytes = requireNonNull(randomBytes, "randomBytes");
    this.ids = requireNonNull(ids, "ids");
  }

  @Override
  public NewApiToken createToken(List<String> gymIds, boolean learningReports, Optional<String> name) {
    Set<UUID> gyms = new LinkedHashSet<>();
    for (String gym : requireNonNull(gymIds, "gymIds")) {
      gyms.add(RequestFields.uuid("gym_id", gym));
    }
    if (gyms.isEmpty() && !learningReports) {
      throw new InvalidReportRequestException(
          "gym_id", "at least one gym is required (or the learning reports): a token sees only its gyms");
    }
    if (gyms.size() > MAX_GYMS) {
      throw new InvalidReportRequestException("gym_id", gyms.size() + " gyms; the maximum is " + MAX_GYMS);
    }
    Optional<String> label = name.map(String::strip).filter(text -> !text.isEmpty());
    if (label.isPresent() && (label.get().length() > 200 || label.get().chars().anyMatch(Character::isISOControl))) {
      throw new InvalidReportRequestException("name", "must be at most 200 characters without control characters");
    }
    byte[] random = randomBytes.get();
    if (random.length != 32) {
      throw new IllegalStateException("the random source gave " + random.length + " bytes, expected 32");
    }
    String secret = PREFIX + BaseEncoding.base64Url().omitPadding().encode(random);
    ApiToken token = new ApiToken(ids.get(), label, gyms, learningReports, hash(secret), secret.substring(0, PREFIX.length() + 6),
        clock.instant(), Optional.empty());
    repository.insert(token);
    return new NewApiToken(secret, token);
  }

  @Override
  public List<ApiToken> listTokens() {
    return repository.list();
  }

  @Override
  public ApiToken revokeToken(String tokenId) {
    UUID id = RequestFields.uuid("token_id", tokenId);
    ApiToken token = repository.find(id)
        .orElseThrow(() -> new NotFoundException("token_id", "no token " + id));
    if (token.revokedAt().isPresent()) {
      return token;
    }
    Instant now = clock.instant();
    repository.revoke(id, now);
    return repository.find(id).orElseThrow();
  }

  @Override
  public Optional<ApiToken> authenticate(String secret) {
    if (secret == null || !SECRET.matcher(secret).matches()) {
      return Optional.empty();
    }
    return repository.findByHash(hash(secret)).filter(ApiToken::active);
  }

  static String hash(String secret) {
    return Hashing.sha256().hashString(secret, UTF_8).toString();
  }

}
