package io.pulsereports.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.pulsereports.core.delivery.SendResult;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailValidationException;
import org.simplejavamail.mailer.MailerBuilder;

/** Classification of the exceptions Jakarta Mail and Simple Java Mail throw. */
class SmtpFailuresTest {

  static final String PASSWORD = "s3cret-password";
  final SmtpFailures failures = new SmtpFailures("smtp.example.com", 587, Optional.of(PASSWORD));

  SendResult classify(Throwable failure) {
    return failures.classify(new RuntimeException("Third party error", failure));
  }

  @Test
  void temporaryRepliesAreRetryable() {
    for (String reply : new String[] {"421 4.7.0 Try again later", "450 4.2.1 Busy", "451 4.3.0 Local error",
        "452 4.3.1 Insufficient storage", "454 4.7.0 TLS not available"}) {
      SendResult result = classify(new SendFailedException(reply + "\n"));
      assertThat(result).as(reply).isEqualTo(SendResult.retryable("SMTP smtp.example.com:587 replied " + reply));
    }
  }

  @Test
  void permanentRepliesArePermanent() {
    for (String reply : new String[] {"550 5.1.1 User unknown", "552 5.3.4 Message too big",
        "553 5.1.8 Bad sender", "554 5.7.1 Rejected", "535 5.7.8 Authentication credentials invalid"}) {
      SendResult result = classify(new MessagingException("Invalid Addresses", new SendFailedException(reply)));
      assertThat(result).as(reply).isEqualTo(SendResult.permanent("SMTP smtp.example.com:587 replied " + reply));
    }
  }

  @Test
  void readsTheReplyOutOfABadGreeting() {
    SendResult result = classify(new MessagingException(
        "Got bad greeting from SMTP host: smtp.example.com, port: 587, response: 421 Service not available"));

    assertThat(result).isEqualTo(SendResult.retryable("SMTP smtp.example.com:587 replied 421 Service not available"));
  }

  @Test
  void networkProblemsAreRetryable() {
    assertThat(classify(new MessagingException("Couldn't connect", new ConnectException("Connection refused"))))
        .isEqualTo(SendResult.retryable("SMTP smtp.example.com:587: connection refused"));
    assertThat(classify(new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"))))
        .isEqualTo(SendResult.retryable("SMTP smtp.example.com:587: timed out"));
    assertThat(classify(new MessagingException("Unknown SMTP host", new UnknownHostException("smtp.example.com"))))
        .isEqualTo(SendResult.retryable("SMTP smtp.example.com:587: unknown host"));
    assertThat(classify(new MessagingException("Could not convert socket to TLS", new SSLHandshakeException("PKIX"))))
        .isEqualTo(SendResult.retryable("SMTP smtp.example.com:587: TLS failure (SSLHandshakeException)"));
  }

  @Test
  void aMessageSimpleJavaMailRefusesIsPermanent() {
    Throwable refused = catchThrowable(() -> MailerBuilder.withSMTPServer("127.0.0.1", 2525).buildMailer()
        .validate(EmailBuilder.startingBlank().withSubject("no sender, no recipient").buildEmail()));
    assertThat(refused).isInstanceOf(MailValidationException.class);

    SendResult result = failures.classify(refused);

    assertThat(result).isInstanceOf(SendResult.PermanentFailure.class);
    assertThat(((SendResult.PermanentFailure) result).reason()).startsWith("the email was rejected before sending");
  }

  @Test
  void anythingElseIsRetryable() {
    assertThat(classify(new IllegalStateException("odd")))
        .isEqualTo(SendResult.retryable("SMTP smtp.example.com:587: unexpected failure (RuntimeException)"));
  }

  @Test
  void removesThePasswordEvenWhenAServerEchoesIt() {
    SendResult result = classify(new AuthenticationFailedException("535 5.7.8 bad login reports:" + PASSWORD));

    assertThat(result).isEqualTo(SendResult.permanent("SMTP smtp.example.com:587 replied 535 5.7.8 bad login reports:***"));
  }

  @Test
  void keepsOnlyTheFirstLineOfALongReply() {
    SendResult result = classify(new SendFailedException("550-5.7.1 first line\n550-5.7.1 second line\n550 5.7.1 " + "x".repeat(500)));

    assertThat(result).isEqualTo(SendResult.permanent("SMTP smtp.example.com:587 replied 550 5.7.1 first line"));
  }
}
