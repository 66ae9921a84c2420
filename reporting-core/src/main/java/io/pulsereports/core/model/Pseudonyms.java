package io.pulsereports.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.util.Locale;

/**
 * Keyed pseudonyms for personal identifiers in exported reports: HMAC-SHA-256 of the identifier
 * under a secret key, so the same user gets the same pseudonym in every run and every output, and
 * nobody without the key can reverse it or test a guess.
 */
public final class Pseudonyms {

  public static final int MIN_KEY_LENGTH = 16;
  private static final int HEX_CHARS = 20;

  private final HashFunction hmac;

  private Pseudonyms(HashFunction hmac) {
    this.hmac = hmac;
  }

  /** Pseudonyms under {@code secret}, which must be at least {@value #MIN_KEY_LENGTH} characters. */
  public static Pseudonyms withKey(String secret) {
    requireNonNull(secret, "secret");
    checkArgument(secret.length() >= MIN_KEY_LENGTH,
        "the pseudonym key must be at least %s characters", MIN_KEY_LENGTH);
    return new Pseudonyms(Hashing.hmacSha256(secret.getBytes(UTF_8)));
  }

  /** {@code user_} and 20 hex digits of the keyed hash of the user id. */
  public String userId(String userId) {
    return "user_" + digest("user_id:" + requireNonNull(userId, "userId"));
  }

  /** A pseudonymous address on the reserved {@code .invalid} domain, so nothing can be sent to it. */
  public String email(String email) {
    String normalised = requireNonNull(email, "email").strip().toLowerCase(Locale.ROOT);
    return "user_" + digest("email:" + normalised) + "@anonymized.invalid";
  }

  private String digest(String text) {
    return hmac.hashString(text, UTF_8).toString().substring(0, HEX_CHARS);
  }

  @Override
  public String toString() {
    return "Pseudonyms[key hidden]";
  }
}
