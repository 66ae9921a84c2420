package io.pulsereports.delivery.email;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed one-click unsubscribe links (RFC 8058) for report emails.
 *
 * <p>Format:
 *
 * <pre>
 * {base}/api/analytics/reporting/unsubscribe?subscription={id}&amp;recipient={address}&amp;sig={signature}
 * </pre>
 *
 * <ul>
 *   <li>{@code base}: the public base URL (REPORTING_PUBLIC_BASE_URL) without a trailing slash;
 *   <li>{@code id}: the subscription id, a lower-case UUID;
 *   <li>{@code address}: the recipient's bare email address (no display name), percent-encoded;
 *   <li>{@code signature}: HMAC-SHA256 with the UTF-8 bytes of the unsubscribe key
 *       (REPORTING_UNSUBSCRIBE_KEY) over {@code "pulse-unsubscribe\n" + id + "\n" + address},
 *       base64url without padding (43 characters).
 * </ul>
 *
 * <p>The mail client sends {@code POST} to that URL with the body {@code
 * List-Unsubscribe=One-Click}; the HTTP server checks the parameters with {@link #verify} before
 * it deactivates the recipient. The links do not expire: a report can be unsubscribed from months
 * after it arrived. Rotating the key invalidates every link already sent.
 */
public final class UnsubscribeLinks {

  /** The path of the unsubscribe endpoint, below the public base URL. */
  public static final String PATH = "/api/analytics/reporting/unsubscribe";

  /** The shortest unsubscribe key accepted, in characters. */
  public static final int MIN_KEY_LENGTH = 32;

  private static final String ALGORITHM = "HmacSHA256";
  private static final String DOMAIN = "pulse-unsubscribe\n";

  private UnsubscribeLinks() {}

  /** The signed link for {@code recipient} (a bare address) of {@code subscriptionId}. */
  public static URI link(URI publicBaseUrl, String key, UUID subscriptionId, String recipient) {
    requireNonNull(publicBaseUrl, "publicBaseUrl");
    requireNonNull(subscriptionId, "subscriptionId");
    requireNonNull(recipient, "recipient");
    String base = publicBaseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + PATH
        + "?subscription=" + subscriptionId
        + "&recipient=" + URLEncoder.encode(recipient, StandardCharsets.UTF_8)
        + "&sig=" + signature(key, subscriptionId, recipient));
  }

  /** The signature of a link for {@code recipient} of {@code subscriptionId}. */
  public static String signature(String key, UUID subscriptionId, String recipient) {
    requireNonNull(subscriptionId, "subscriptionId");
    requireNonNull(recipient, "recipient");
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, subscriptionId, recipient));
  }

  /**
   * Whether {@code signature} is the signature of {@code recipient} of the subscription {@code
   * subscriptionId}, as the three query parameters of a link arrive (already percent-decoded).
   * Malformed parameters are not valid; the comparison takes the same time whatever differs.
   */
  public static boolean verify(String key, String subscriptionId, String recipient, String signature) {
    requireNonNull(key, "key");
    if (subscriptionId == null || recipient == null || signature == null || recipient.isEmpty()) {
      return false;
    }
    UUID id;
    byte[] given;
    try {
      id = UUID.fromString(subscriptionId);
      given = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    // UUID.fromString accepts short groups ("1-1-1-1-1"); only the canonical form was signed.
    if (!id.toString().equalsIgnoreCase(subscriptionId)) {
      return false;
    }
    return MessageDigest.isEqual(mac(key, id, recipient), given);
  }

  static void checkKey(String key, String name) {
    checkArgument(key.length() >= MIN_KEY_LENGTH,
        "%s must be at least %s characters long (e.g. openssl rand -base64 32)", name, MIN_KEY_LENGTH);
  }

  private static byte[] mac(String key, UUID subscriptionId, String recipient) {
    requireNonNull(key, "key");
    checkArgument(!key.isEmpty(), "the unsubscribe key is empty");
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return mac.doFinal((DOMAIN + subscriptionId + "\n" + recipient).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
