package io.pulsereports.core.access;

import static java.util.Objects.requireNonNull;

/** A token just created: the secret, shown once and never stored, and what is stored of it. */
public record NewApiToken(String secret, ApiToken token) {

  public NewApiToken {
    requireNonNull(secret, "secret");
    requireNonNull(token, "token");
  }

  @Override
  public String toString() {
    return "NewApiToken[" + token.prefix() + "…]";
  }
}
