package io.pulsereports.core.port.out;

import io.pulsereports.core.access.ApiToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API tokens (api_tokens): hashes only, never a token itself. */
public interface TokenRepository {

  void insert(ApiToken token);

  /** The token with this hash, revoked or not. */
  Optional<ApiToken> findByHash(String tokenHash);

  Optional<ApiToken> find(UUID id);

  /** Every token, oldest first. */
  List<ApiToken> list();

  /** Marks a token revoked at {@code at}; false when there is none or it was revoked already. */
  boolean revoke(UUID id, Instant at);
}
