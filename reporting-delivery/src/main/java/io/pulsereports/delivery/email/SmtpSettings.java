package io.pulsereports.delivery.email;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.pulsereports.delivery.internal.Env;
import io.pulsereports.delivery.internal.Texts;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How reports are sent by email: the SMTP server, the sender, limits, and the optional one-click
 * unsubscribe links.
 *
 * <p>{@link #toString()} never shows the password or the unsubscribe key.
 *
 * @param host the SMTP server's host name or IP address
 * @param port the SMTP server's port (1–65535)
 * @param tls how the connection is secured
 * @param username the login, present exactly when {@code password} is
 * @param password the login's password; never printed
 * @param fromAddress the sender's bare email address
 * @param fromName the sender's display name
 * @param timeout the limit for connecting, and for each read and write, on the SMTP connection
 * @param poolSize the most SMTP connections kept open and used at once (1–100). Simple Java Mail
 *     keeps one connection pool per JVM, sized by the first deliverer that sends; later deliverers
 *     get their own cluster in it with those same limits
 * @param attachmentBudgetBytes the most bytes of attachments per email, all attachments together;
 *     attachments that do not fit are left out with a note in the email
 * @param publicBaseUrl where the reporting HTTP server is reachable from the internet, for links
 * @param unsubscribeKey the secret that signs unsubscribe links (at least 32 characters); never
 *     printed. With {@code publicBaseUrl}, emails of a subscription carry {@code List-Unsubscribe}
 *     headers; see {@link UnsubscribeLinks}
 */
public record SmtpSettings(
    String host,
    int port,
    Tls tls,
    Optional<String> username,
    Optional<String> password,
    String fromAddress,
    Optional<String> fromName,
    Duration timeout,
    int poolSize,
    long attachmentBudgetBytes,
    Optional<URI> publicBaseUrl,
    Optional<String> unsubscribeKey) {

  public static final String HOST_VARIABLE = "REPORTING_SMTP_HOST";
  public static final String PORT_VARIABLE = "REPORTING_SMTP_PORT";
  public static final String USERNAME_VARIABLE = "REPORTING_SMTP_USERNAME";
  public static final String PASSWORD_VARIABLE = "REPORTING_SMTP_PASSWORD";
  public static final String FROM_VARIABLE = "REPORTING_SMTP_FROM";
  public static final String TLS_VARIABLE = "REPORTING_SMTP_TLS";
  public static final String PUBLIC_BASE_URL_VARIABLE = "REPORTING_PUBLIC_BASE_URL";
  public static final String UNSUBSCRIBE_KEY_VARIABLE = "REPORTING_UNSUBSCRIBE_KEY";

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_POOL_SIZE = 4;
  public static final long DEFAULT_ATTACHMENT_BUDGET_BYTES = 5L * 1024 * 1024;

  /** How the SMTP connection is secured; {@link #code()} is the value of REPORTING_SMTP_TLS. */
  public enum Tls {
    /** Plain SMTP, no encryption (a local relay only). Default port 25. */
    NONE(25),
    /** Plain SMTP upgraded with STARTTLS, which is required. Default port 587. */
    STARTTLS(587),
    /** SMTP over TLS from the first byte (implicit TLS). Default port 465. */
    SMTPS(465);

    private final int defaultPort;

    Tls(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    public int defaultPort() {
      return defaultPort;
    }

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Tls> fromCode(String code) {
      for (Tls tls : values()) {
        if (tls.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
          return Optional.of(tls);
        }
      }
      return Optional.empty();
    }
  }

  public SmtpSettings {
    checkHost(requireNonNull(host, "host"), "host");
    checkPort(port, "port");
    requireNonNull(tls, "tls");
    requireNonNull(username, "username");
    requireNonNull(password, "password");
    checkArgument(username.isPresent() == password.isPresent(),
        "username and password go together: set both or neither");
    username.ifPresent(u -> checkArgument(!u.isBlank() && !Texts.hasControlCharacters(u),
        "username is blank or contains control characters"));
    password.ifPresent(p -> checkArgument(!p.isEmpty(), "password is empty"));
    requireNonNull(fromAddress, "fromAddress");
    EmailAddresses.Mailbox from = EmailAddresses.parse(fromAddress);
    checkArgument(from.name().isEmpty(), "fromAddress is a bare address; the name goes in fromName");
    requireNonNull(fromName, "fromName");
    fromName.ifPresent(n -> checkArgument(!Texts.hasControlCharacters(n),
        "fromName contains a line break or control character"));
    requireNonNull(timeout, "timeout");
    checkArgument(!timeout.isNegative() && !timeout.isZero() && timeout.compareTo(Duration.ofMinutes(10)) <= 0,
        "timeout %s is outside (0, 10 minutes]", timeout);
    checkArgument(poolSize >= 1 && poolSize <= 100, "poolSize %s is outside 1..100", poolSize);
    checkArgument(attachmentBudgetBytes >= 0, "attachmentBudgetBytes %s is negative", attachmentBudgetBytes);
    requireNonNull(publicBaseUrl, "publicBaseUrl");
    publicBaseUrl.ifPresent(url -> checkBaseUrl(url, "publicBaseUrl"));
    requireNonNull(unsubscribeKey, "unsubscribeKey");
    unsubscribeKey.ifPresent(key -> UnsubscribeLinks.checkKey(key, "unsubscribeKey"));
  }

  /** A builder for the server {@code host} and the sender {@code fromAddress}; see the setters' defaults. */
  public static Builder builder(String host, String fromAddress) {
    return new Builder(host, fromAddress);
  }

  /**
   * The settings the environment gives: REPORTING_SMTP_HOST and REPORTING_SMTP_FROM (an address,
   * or {@code Name <address>}) are required; REPORTING_SMTP_TLS (none | starttls | smtps, default
   * starttls), REPORTING_SMTP_PORT (default by TLS mode: 25, 587, 465), REPORTING_SMTP_USERNAME
   * with REPORTING_SMTP_PASSWORD, REPORTING_PUBLIC_BASE_URL and REPORTING_UNSUBSCRIBE_KEY are
   * optional. Blank values count as unset; the rest are defaults.
   *
   * @throws IllegalArgumentException naming the variable that is missing or invalid (and never
   *     repeating a password or key)
   */
  public static SmtpSettings fromEnvironment(Map<String, String> environment) {
    Env env = Env.of(environment);
    String host = env.required(HOST_VARIABLE, "the SMTP server's host name");
    checkHost(host, HOST_VARIABLE);
    Tls tls = env.optional(TLS_VARIABLE)
        .map(code -> Tls.fromCode(code).orElseThrow(() -> new IllegalArgumentException(
            TLS_VARIABLE + " must be none, starttls or smtps, not '" + Texts.singleLine(code, 40) + "'")))
        .orElse(Tls.STARTTLS);
    int port = env.optionalInt(PORT_VARIABLE, 1, 65535).orElse(tls.defaultPort());
    Optional<String> username = env.optional(USERNAME_VARIABLE);
    // Kept as given (a password may end in a space), but blank counts as unset like every variable.
    Optional<String> password = Optional.ofNullable(environment.get(PASSWORD_VARIABLE)).filter(p -> !p.isBlank());
    if (username.isPresent() && password.isEmpty()) {
      throw new IllegalArgumentException(
          USERNAME_VARIABLE + " is set but " + PASSWORD_VARIABLE + " is not: set both or neither");
    }
    if (password.isPresent() && username.isEmpty()) {
      throw new IllegalArgumentException(
          PASSWORD_VARIABLE + " is set but " + USERNAME_VARIABLE + " is not: set both or neither");
    }
    if (username.isPresent() && Texts.hasControlCharacters(username.get())) {
      throw new IllegalArgumentException(USERNAME_VARIABLE + " contains control characters");
    }
    String from = env.required(FROM_VARIABLE, "the sender, e.g. 'Pulse Reports <reports@example.com>'");
    EmailAddresses.Mailbox sender;
    try {
      sender = EmailAddresses.parse(from);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(FROM_VARIABLE + ": " + e.getMessage(), e);
    }
    Optional<URI> baseUrl = env.optional(PUBLIC_BASE_URL_VARIABLE).map(url -> parseBaseUrl(url, PUBLIC_BASE_URL_VARIABLE));
    Optional<String> key = Optional.ofNullable(environment.get(UNSUBSCRIBE_KEY_VARIABLE)).filter(k -> !k.isBlank());
    key.ifPresent(k -> UnsubscribeLinks.checkKey(k, UNSUBSCRIBE_KEY_VARIABLE));
    return new SmtpSettings(host, port, tls, username, password, sender.address(), sender.name(),
        DEFAULT_TIMEOUT, DEFAULT_POOL_SIZE, DEFAULT_ATTACHMENT_BUDGET_BYTES, baseUrl, key);
  }

  /** Whether emails of a subscription carry signed one-click unsubscribe links. */
  public boolean unsubscribeLinksEnabled() {
    return publicBaseUrl.isPresent() && unsubscribeKey.isPresent();
  }

  @Override
  public String toString() {
    return "SmtpSettings[host=" + host + ", port=" + port + ", tls=" + tls.code()
        + ", username=" + username.orElse("(none)")
        + ", password=" + (password.isPresent() ? "***" : "(none)")
        + ", from=" + fromName.map(n -> n + " <" + fromAddress + ">").orElse(fromAddress)
        + ", timeout=" + timeout + ", poolSize=" + poolSize
        + ", attachmentBudgetBytes=" + attachmentBudgetBytes
        + ", publicBaseUrl=" + publicBaseUrl.map(URI::toString).orElse("(none)")
        + ", unsubscribeKey=" + (unsubscribeKey.isPresent() ? "***" : "(none)") + "]";
  }

  private static void checkHost(String host, String name) {
    checkArgument(host.matches("[A-Za-z0-9._:\\[\\]-]+"),
        "%s '%s' is not a host name or IP address", name, Texts.singleLine(host, 80));
  }

  private static void checkPort(int port, String name) {
    checkArgument(port >= 1 && port <= 65535, "%s %s is outside 1..65535", name, port);
  }

  private static URI parseBaseUrl(String text, String name) {
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name + " is not a valid URL: '" + Texts.singleLine(text, 120) + "'", e);
    }
    checkBaseUrl(url, name);
    return url;
  }

  private static void checkBaseUrl(URI url, String name) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    checkArgument((scheme.equals("https") || scheme.equals("http")) && url.getHost() != null,
        "%s must be an absolute http(s) URL such as https://reports.example.com", name);
    checkArgument(url.getRawUserInfo() == null, "%s must not contain a user name or password", name);
    checkArgument(url.getRawQuery() == null && url.getRawFragment() == null,
        "%s must not have a query or fragment", name);
  }

  /** Builds {@link SmtpSettings}; every setter but the constructor's arguments is optional. */
  public static final class Builder {
    private final String host;
    private final String fromAddress;
    private Optional<Integer> port = Optional.empty();
    private Tls tls = Tls.STARTTLS;
    private Optional<String> username = Optional.empty();
    private Optional<String> password = Optional.empty();
    private Optional<String> fromName = Optional.empty();
    private Duration timeout = DEFAULT_TIMEOUT;
    private int poolSize = DEFAULT_POOL_SIZE;
    private long attachmentBudgetBytes = DEFAULT_ATTACHMENT_BUDGET_BYTES;
    private Optional<URI> publicBaseUrl = Optional.empty();
    private Optional<String> unsubscribeKey = Optional.empty();

    private Builder(String host, String fromAddress) {
      this.host = requireNonNull(host, "host");
      this.fromAddress = requireNonNull(fromAddress, "fromAddress");
    }

    /** Default: the TLS mode's port (25, 587 or 465). */
    public Builder port(int port) {
      this.port = Optional.of(port);
      return this;
    }

    /** Default: {@link Tls#STARTTLS}. */
    public Builder tls(Tls tls) {
      this.tls = requireNonNull(tls, "tls");
      return this;
    }

    /** Default: no login. */
    public Builder credentials(String username, String password) {
      this.username = Optional.of(requireNonNull(username, "username"));
      this.password = Optional.of(requireNonNull(password, "password"));
      return this;
    }

    /** Default: no display name. */
    public Builder fromName(String fromName) {
      this.fromName = Optional.of(requireNonNull(fromName, "fromName"));
      return this;
    }

    /** Default: {@link #DEFAULT_TIMEOUT}. */
    public Builder timeout(Duration timeout) {
      this.timeout = requireNonNull(timeout, "timeout");
      return this;
    }

    /** Default: {@link #DEFAULT_POOL_SIZE}. */
    public Builder poolSize(int poolSize) {
      this.poolSize = poolSize;
      return this;
    }

    /** Default: {@link #DEFAULT_ATTACHMENT_BUDGET_BYTES} (5 MiB). */
    public Builder attachmentBudgetBytes(long attachmentBudgetBytes) {
      this.attachmentBudgetBytes = attachmentBudgetBytes;
      return this;
    }

    /** Default: none (no links). */
    public Builder publicBaseUrl(URI publicBaseUrl) {
      this.publicBaseUrl = Optional.of(requireNonNull(publicBaseUrl, "publicBaseUrl"));
      return this;
    }

    /** Default: none (no unsubscribe links). */
    public Builder unsubscribeKey(String unsubscribeKey) {
      this.unsubscribeKey = Optional.of(requireNonNull(unsubscribeKey, "unsubscribeKey"));
      return this;
    }

    public SmtpSettings build() {
      return new SmtpSettings(host, port.orElse(tls.defaultPort()), tls, username, password,
          fromAddress, fromName, timeout, poolSize, attachmentBudgetBytes, publicBaseUrl, unsubscribeKey);
    }
  }
}
