package io.pulsereports.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulsereports.core.delivery.MessagePart;
import io.pulsereports.delivery.DeliveryFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailMessagesTest {

  static MessagePart part(String name, int size) {
    return new MessagePart(name, "text/csv", new byte[size]);
  }

  @Test
  void attachesWhatFitsInOrderAndLeavesOutTheRest() {
    AttachmentBudget budget = AttachmentBudget.select(
        List.of(part("a.csv", 600), part("big.csv", 2_000_000), part("b.csv", 300), part("c.csv", 200)), 1000);

    assertThat(budget.attached()).extracting(MessagePart::name).containsExactly("a.csv", "b.csv");
    assertThat(budget.leftOut()).extracting(MessagePart::name).containsExactly("big.csv", "c.csv");
    assertThat(budget.note()).isEqualTo(
        "Not attached because the email would exceed its 1000 B attachment limit: big.csv (1.9 MB), c.csv (200 B).");
  }

  @Test
  void saysNothingWhenEverythingFits() {
    AttachmentBudget budget = AttachmentBudget.select(List.of(part("a.csv", 10)), 10);

    assertThat(budget.leftOut()).isEmpty();
    assertThat(budget.note()).isEmpty();
    assertThat(EmailMessages.withHtmlNote("<p>x</p>", "")).isEqualTo("<p>x</p>");
    assertThat(EmailMessages.withTextNote("x", "")).isEqualTo("x");
  }

  @Test
  void putsTheHtmlNoteBeforeTheLastBodyEndOrAtTheEnd() {
    assertThat(EmailMessages.withHtmlNote("<html><BODY><p>x</p></BODY ></html>", "Left out: a<b>.csv"))
        .startsWith("<html><BODY><p>x</p><p style=")
        .contains(">Left out: a&lt;b&gt;.csv</p></BODY ></html>");
    assertThat(EmailMessages.withHtmlNote("<p>fragment</p>", "Left out")).startsWith("<p>fragment</p><p style=")
        .endsWith("Left out</p>");
  }

  @Test
  void derivesTheMessageIdFromDeliveryRecipientAndSenderDomain() {
    String id = EmailMessages.messageId(DeliveryFixtures.envelope(), "Ops@Gym.example", "reports@Pulse.Example");

    assertThat(id).isEqualTo("<0d9b7c1e-5f3a-4b8e-a2c4-7e6f5d4c3b2a."
        + EmailMessages.recipientHash("ops@gym.example") + "@pulse.example>");
    assertThat(EmailMessages.recipientHash("ops@gym.example")).hasSize(16).isNotEqualTo(EmailMessages.recipientHash("owner@gym.example"));
    assertThat(id).doesNotContain("ops@gym");
  }
}
