package io.pulsereports.delivery.slack;

import io.pulsereports.delivery.internal.Texts;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Checks and redacts webhook URLs. The path of a webhook URL is its secret: no message made here
 * contains it.
 */
final class WebhookUrls {

  private static final int MAX_LENGTH = 2048;
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final SlackSettings settings;

  WebhookUrls(SlackSettings settings) {
    this.settings = settings;
  }

  /** Why {@code webhook} may not be posted to, or empty when it may. */
  Optional<String> problem(String webhook) {
    try {
      parse(webhook);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The URL to post to.
   *
   * @throws IllegalArgumentException saying why {@code webhook} may not be posted to
   */
  HttpUrl parse(String webhook) {
    if (webhook == null || webhook.isBlank()) {
      throw new IllegalArgumentException("the webhook URL is empty");
    }
    if (webhook.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the webhook URL is longer than " + MAX_LENGTH + " characters");
    }
    if (webhook.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new IllegalArgumentException("the webhook URL contains whitespace or control characters");
    }
    URI uri;
    try {
      uri = new URI(webhook);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the webhook is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
      throw new IllegalArgumentException("the webhook is not an absolute https URL");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("the webhook URL must not contain a user name or password");
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (host.isEmpty()) {
      throw new IllegalArgumentException("the webhook URL has no valid host");
    }
    boolean loopbackHttp = scheme.equals("http") && settings.allowLoopbackHttp() && isLoopback(host);
    if (!scheme.equals("https") && !loopbackHttp) {
      throw new IllegalArgumentException("the webhook URL must use https, not " + Texts.singleLine(scheme, 20));
    }
    if (!settings.allowedHosts().contains(host)) {
      throw new IllegalArgumentException("webhook host " + Texts.singleLine(host, 100)
          + " is not allowed (allowed: " + String.join(", ", settings.allowedHosts()) + ")");
    }
    if (uri.getRawPath() == null || uri.getRawPath().length() <= 1) {
      throw new IllegalArgumentException("the webhook URL has no path");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("the webhook URL must not have a fragment");
    }
    HttpUrl url = HttpUrl.parse(webhook);
    // Two parsers must agree on the host, or a crafted URL could pass one and reach another host.
    if (url == null || !url.host().equalsIgnoreCase(stripBrackets(host))
        || !url.scheme().equals(scheme) || !url.username().isEmpty() || !url.password().isEmpty()) {
      throw new IllegalArgumentException("the webhook is not a valid URL");
    }
    return url;
  }

  /** {@code scheme://host[:port]/services/***}; never the path, query or user info. */
  static String redact(String webhook) {
    if (webhook == null) {
      return "(no webhook URL)";
    }
    try {
      URI uri = new URI(webhook.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "(invalid webhook URL)";
      }
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port
          + "/services/***";
    } catch (URISyntaxException e) {
      return "(invalid webhook URL)";
    }
  }

  static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    String literal = stripBrackets(host);
    boolean ipv4 = IPV4.matcher(literal).matches()
        && java.util.Arrays.stream(literal.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
    if (!ipv4 && !literal.contains(":")) {
      return false; // a name other than localhost, or no valid address: never resolved here
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
