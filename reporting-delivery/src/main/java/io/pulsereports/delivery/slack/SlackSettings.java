package io.pulsereports.delivery.slack;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import io.pulsereports.delivery.internal.Env;
import io.pulsereports.delivery.internal.Texts;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How reports are posted to Slack incoming webhooks.
 *
 * @param allowedHosts the hosts webhook URLs may point to, lower case, matched exactly (no
 *     wildcards, no subdomains); default {@code hooks.slack.com}
 * @param connectTimeout the limit for opening the connection
 * @param readTimeout the limit for each read and write; the whole call is limited to the connect
 *     timeout plus twice this
 * @param allowLoopbackHttp for tests only: also accept {@code http://} webhooks on a loopback
 *     address (127.0.0.0/8, ::1, localhost). Production webhooks are always https.
 */
public record SlackSettings(
    Set<String> allowedHosts, Duration connectTimeout, Duration readTimeout, boolean allowLoopbackHttp) {

  public static final String ALLOWED_HOSTS_VARIABLE = "REPORTING_SLACK_ALLOWED_HOSTS";
  public static final String DEFAULT_HOST = "hooks.slack.com";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

  private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
      + "|\\[[0-9a-f:.]+\\]");

  public SlackSettings {
    requireNonNull(allowedHosts, "allowedHosts");
    checkArgument(!allowedHosts.isEmpty(), "allowedHosts is empty: no webhook could be used");
    allowedHosts = normalise(allowedHosts, "allowedHosts");
    checkTimeout(connectTimeout, "connectTimeout");
    checkTimeout(readTimeout, "readTimeout");
  }

  /** hooks.slack.com only, 5 s to connect, 10 s per read or write, https only. */
  public static SlackSettings defaults() {
    return new SlackSettings(Set.of(DEFAULT_HOST), DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, false);
  }

  /**
   * The defaults with the hosts of REPORTING_SLACK_ALLOWED_HOSTS (comma-separated, e.g. {@code
   * hooks.slack.com,hooks.slack-gov.com}) when it is set.
   *
   * @throws IllegalArgumentException naming the variable when a host is malformed
   */
  public static SlackSettings fromEnvironment(Map<String, String> environment) {
    Env env = Env.of(environment);
    SlackSettings defaults = defaults();
    return env.optional(ALLOWED_HOSTS_VARIABLE)
        .map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList())
        .map(hosts -> {
          if (hosts.isEmpty()) {
            throw new IllegalArgumentException(ALLOWED_HOSTS_VARIABLE + " lists no host");
          }
          try {
            return defaults.withAllowedHosts(hosts.toArray(String[]::new));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ALLOWED_HOSTS_VARIABLE + ": " + e.getMessage(), e);
          }
        })
        .orElse(defaults);
  }

  public SlackSettings withAllowedHosts(String... hosts) {
    return new SlackSettings(Set.of(hosts), connectTimeout, readTimeout, allowLoopbackHttp);
  }

  public SlackSettings withTimeouts(Duration connectTimeout, Duration readTimeout) {
    return new SlackSettings(allowedHosts, connectTimeout, readTimeout, allowLoopbackHttp);
  }

  /** For tests against a local server: http to loopback addresses is accepted too. */
  public SlackSettings allowingLoopbackHttp() {
    return new SlackSettings(allowedHosts, connectTimeout, readTimeout, true);
  }

  private static Set<String> normalise(Set<String> hosts, String name) {
    ImmutableSortedSet.Builder<String> normalised = ImmutableSortedSet.naturalOrder();
    for (String host : hosts) {
      requireNonNull(host, name + " contains null");
      String lower = host.strip().toLowerCase(Locale.ROOT);
      checkArgument(HOST.matcher(lower).matches(),
          "'%s' is not a host name (no scheme, port, path or wildcard)", Texts.singleLine(host, 80));
      normalised.add(lower);
    }
    return normalised.build();
  }

  private static void checkTimeout(Duration timeout, String name) {
    requireNonNull(timeout, name);
    checkArgument(!timeout.isNegative() && !timeout.isZero() && timeout.compareTo(Duration.ofMinutes(5)) <= 0,
        "%s %s is outside (0, 5 minutes]", name, timeout);
  }
}
