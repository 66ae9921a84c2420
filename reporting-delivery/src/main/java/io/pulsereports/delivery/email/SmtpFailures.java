package io.pulsereports.delivery.email;

import io.pulsereports.core.delivery.SendResult;
import io.pulsereports.delivery.internal.Texts;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.simplejavamail.mailer.MailValidationException;

/**
 * Classifies what went wrong while sending one email.
 *
 * <table>
 *   <tr><th>failure</th><th>result</th></tr>
 *   <tr><td>a 4xx SMTP reply (421, 450, 451, 452, 454 …)</td><td>retryable</td></tr>
 *   <tr><td>a 5xx SMTP reply (550, 552, 553, 554, 535 …)</td><td>permanent</td></tr>
 *   <tr><td>refused connection, timeout, unknown host, TLS or other network error, STARTTLS
 *       required but not offered</td><td>retryable</td></tr>
 *   <tr><td>no pooled connection could be opened</td><td>retryable</td></tr>
 *   <tr><td>the message failed Simple Java Mail's checks before sending</td><td>permanent</td></tr>
 *   <tr><td>anything else</td><td>retryable</td></tr>
 * </table>
 *
 * <p>A reply code wins over a network error further down the chain (the server said why). Reasons
 * name the server as {@code host:port} and quote at most the first line of its reply; the password
 * is removed from them in any case.
 */
final class SmtpFailures {

  static final int MAX_REPLY_LENGTH = 160;

  /** A reply at the start of a message ("451 4.3.0 Try again"), or after "response:". */
  private static final Pattern REPLY = Pattern.compile("^\\s*\\[?([245]\\d\\d)(?:[ -]|$)(.*)", Pattern.DOTALL);
  private static final Pattern RESPONSE = Pattern.compile("response:\\s*\\[?([245]\\d\\d)(?:[ -]|$|\\])(.*)", Pattern.DOTALL);

  private final String server;
  private final Optional<String> password;

  SmtpFailures(String host, int port, Optional<String> password) {
    this.server = "SMTP " + host + ":" + port;
    this.password = password;
  }

  SendResult classify(Throwable failure) {
    Optional<Reply> reply = reply(failure);
    if (reply.isPresent()) {
      String reason = server + " replied " + reply.get();
      return reply.get().code() >= 500 ? SendResult.permanent(clean(reason)) : SendResult.retryable(clean(reason));
    }
    for (Throwable t : chain(failure)) {
      if (t instanceof MailValidationException) {
        return SendResult.permanent(clean("the email was rejected before sending: " + Texts.singleLine(
            String.valueOf(t.getMessage()), MAX_REPLY_LENGTH)));
      }
    }
    Optional<String> network = networkProblem(failure);
    if (network.isPresent()) {
      return SendResult.retryable(clean(server + ": " + network.get()));
    }
    if (isPoolExhaustion(failure)) {
      return SendResult.retryable(clean(server + ": could not open a connection"));
    }
    return SendResult.retryable(clean(server + ": unexpected failure (" + failure.getClass().getSimpleName() + ")"));
  }

  /** The first SMTP reply code found in the chain of causes, with its text. */
  static Optional<Reply> reply(Throwable failure) {
    for (Throwable t : chain(failure)) {
      String message = t.getMessage();
      if (message == null || t instanceof IOException) {
        continue;
      }
      for (Pattern pattern : new Pattern[] {REPLY, RESPONSE}) {
        Matcher matcher = pattern.matcher(message);
        if (matcher.find()) {
          int code = Integer.parseInt(matcher.group(1));
          if (code >= 400) {
            String text = Texts.singleLine(matcher.group(2).replaceFirst("^\\]", ""), MAX_REPLY_LENGTH);
            return Optional.of(new Reply(code, text));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> networkProblem(Throwable failure) {
    for (Throwable t : chain(failure)) {
      if (t.getMessage() != null && t.getMessage().contains("STARTTLS is required")) {
        return Optional.of("STARTTLS is required but the server does not offer it");
      }
      if (t instanceof ConnectException) {
        return Optional.of("connection refused");
      }
      if (t instanceof NoRouteToHostException) {
        return Optional.of("no route to host");
      }
      if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
        return Optional.of("timed out");
      }
      if (t instanceof UnknownHostException) {
        return Optional.of("unknown host");
      }
      if (t instanceof SSLException) {
        return Optional.of("TLS failure (" + t.getClass().getSimpleName() + ")");
      }
    }
    for (Throwable t : chain(failure)) {
      if (t instanceof IOException) {
        return Optional.of("connection failed (" + t.getClass().getSimpleName() + ")");
      }
    }
    return Optional.empty();
  }

  /** Simple Java Mail's batch module could not hand out a connection (and kept no cause). */
  private static boolean isPoolExhaustion(Throwable failure) {
    for (Throwable t : chain(failure)) {
      if (t.getClass().getName().startsWith("org.simplejavamail.internal.batchsupport")
          || t.getClass().getName().startsWith("org.bbottema.")) {
        return true;
      }
    }
    return false;
  }

  private String clean(String reason) {
    return Texts.truncate(Texts.scrub(reason, password.orElse(null)), 300);
  }

  /** {@code failure} and its causes (Jakarta Mail's next exceptions are causes), each once. */
  static Iterable<Throwable> chain(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    java.util.List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  /** An SMTP reply: its code and the first line of its text. */
  record Reply(int code, String text) {
    @Override
    public String toString() {
      return text.isEmpty() ? String.valueOf(code) : code + " " + text;
    }
  }
}
