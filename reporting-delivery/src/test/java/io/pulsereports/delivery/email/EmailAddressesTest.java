package io.pulsereports.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Recipient checks of the email deliverer; nothing is sent. */
class EmailAddressesTest {

  static EmailDelivery email;

  @BeforeAll
  static void open() {
    email = EmailDelivery.smtp(SmtpSettings.builder("127.0.0.1", "reports@pulse.example")
        .port(2525).tls(SmtpSettings.Tls.NONE).timeout(Duration.ofSeconds(1)).build());
  }

  @AfterAll
  static void close() {
    email.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ops@gym.example",
      "first.last+reports@sub.gym.example",
      "Ops Team <ops@gym.example>",
      "\"Ops Team\" <ops@gym.example>",
      "  ops@gym.example  "})
  void acceptsOneValidAddressWithOrWithoutADisplayName(String recipient) {
    assertThat(email.recipientProblem(recipient)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "   ",
      "ops",
      "ops@",
      "@gym.example",
      "ops@localhost",
      "ops@[127.0.0.1]",
      "ops@gym..example",
      "ops gym@example.com",
      "Ops <ops@gym.example",
      "<>"})
  void rejectsMalformedAddresses(String recipient) {
    assertThat(email.recipientProblem(recipient)).isPresent();
    // The same rules without an SMTP server, for validating subscriptions.
    assertThat(EmailDelivery.addressRules().recipientProblem(recipient)).isEqualTo(email.recipientProblem(recipient));
  }

  @org.junit.jupiter.api.Test
  void theRulesWithoutAServerAcceptAndShowAddressesLikeTheDeliverer() {
    assertThat(EmailDelivery.addressRules().method()).isEqualTo(io.pulsereports.core.delivery.DeliveryMethod.EMAIL);
    assertThat(EmailDelivery.addressRules().recipientProblem("Ops Team <ops@gym.example>")).isEmpty();
    assertThat(EmailDelivery.addressRules().redact("Ops Team <ops@gym.example>")).isEqualTo("ops@gym.example");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a@gym.example, b@gym.example",
      "a@gym.example; b@gym.example",
      "\"Doe, Jane\" <jane@gym.example>",
      "Doe, Jane <jane@gym.example>"})
  void rejectsMoreThanOneAddressAndCommasInDisplayNames(String recipient) {
    assertThat(email.recipientProblem(recipient)).hasValueSatisfying(problem ->
        assertThat(problem).contains("one email address per recipient"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ops@gym.example\r\nBcc: everyone@gym.example",
      "ops@gym.example\nBcc: everyone@gym.example",
      "Ops\r\n <ops@gym.example>",
      "ops@gym.example\u0000"})
  void rejectsHeaderInjection(String recipient) {
    assertThat(email.recipientProblem(recipient)).contains(
        "the email address contains a line break or control character");
  }

  @org.junit.jupiter.api.Test
  void explainsWhatIsWrong() {
    assertThat(email.recipientProblem("ops@localhost")).hasValueSatisfying(problem ->
        assertThat(problem).isEqualTo("'ops@localhost' is not a valid email address (the domain must be a name with a top-level domain, such as example.com)"));
    assertThat(email.recipientProblem("")).contains("the email address is empty");
  }

  @org.junit.jupiter.api.Test
  void redactsToTheBareAddress() {
    assertThat(email.redact("Ops Team <ops@gym.example>")).isEqualTo("ops@gym.example");
    assertThat(email.redact("not an address")).isEqualTo("(invalid email address)");
  }
}
