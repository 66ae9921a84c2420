package io.pulsereports.core;

import io.pulsereports.core.access.ApiToken;
import io.pulsereports.core.port.out.TokenRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The token repository's contract, in memory, for the core's tests. */
final class InMemoryTokenRepository implements TokenRepository {

  private final Map<UUID, ApiToken> tokens = new LinkedHashMap<>();

  @Override
  public synchronized void insert(ApiToken token) {
    tokens.put(token.id(), token);
  }

  @Override
  public synchronized Optional<ApiToken> findByHash(String tokenHash) {
    return tokens.values().stream().filter(t -> t.tokenHash().equals(tokenHash)).findFirst();
  }

  @Override
  public synchronized Optional<ApiToken> find(UUID id) {
    return Optional.ofNullable(tokens.get(id));
  }

  @Override
  public synchronized List<ApiToken> list() {
    return List.copyOf(tokens.values());
  }

  @Override
  public synchronized boolean revoke(UUID id, Instant at) {
    ApiToken token = tokens.get(id);
    if (token == null || token.revokedAt().isPresent()) {
      return false;
    }
    tokens.put(id, new ApiToken(token.id(), token.name(), token.gymIds(), token.learningReports(), token.tokenHash(), token.prefix(),
        token.createdAt(), Optional.of(at)));
    return true;
  }
}
