package io.pulsereports.core.port.in;

import io.pulsereports.core.access.ApiToken;
import io.pulsereports.core.access.NewApiToken;
import java.util.List;
import java.util.Optional;

/**
 * API tokens: created for some gyms (the secret is returned once; only its hash is stored), listed,
 * revoked, and checked on every request. Errors are {@link
 * io.pulsereports.core.InvalidReportRequestException}s naming the field ({@code gym_id}, {@code
 * name}, {@code token_id}).
 */
public interface ManageTokensUseCase {

  /** A token for {@code gymIds} (at least one, unless {@code learningReports}) and, if asked, the learning reports. */
  NewApiToken createToken(List<String> gymIds, boolean learningReports, Optional<String> name);

  /** A token for {@code gymIds} only. */
  default NewApiToken createToken(List<String> gymIds, Optional<String> name) {
    return createToken(gymIds, false, name);
  }

  List<ApiToken> listTokens();

  ApiToken revokeToken(String tokenId);

  /** The active token a bearer secret belongs to; empty for an unknown, malformed or revoked one. */
  Optional<ApiToken> authenticate(String secret);
}
