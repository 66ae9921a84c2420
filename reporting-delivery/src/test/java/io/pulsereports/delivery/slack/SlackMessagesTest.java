package io.pulsereports.delivery.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.Headline;
import io.pulsereports.delivery.DeliveryFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackMessagesTest {

  final SlackMessages messages = new SlackMessages(new ObjectMapper());

  static DeliveryContent content(String subject, String summary, List<Headline> headlines, Optional<String> link) {
    DeliveryContent c = DeliveryFixtures.content();
    return new DeliveryContent(subject, summary, headlines, c.html(), c.text(), c.inlineImages(), c.attachments(), link);
  }

  @Test
  void staysWithinFiftyBlocksAndSaysHowManyFiguresAreLeftOut() {
    ObjectNode message = messages.build(DeliveryFixtures.withHeadlines(DeliveryFixtures.headlines(600)));

    JsonNode blocks = message.get("blocks");
    assertThat(blocks.size()).isEqualTo(50);
    assertThat(SlackMessages.blockTypes(message)).startsWith("header", "section").endsWith("context", "actions");
    int fields = 0;
    for (JsonNode block : blocks) {
      if (block.has("fields")) {
        assertThat(block.get("fields").size()).isLessThanOrEqualTo(10);
        fields += block.get("fields").size();
      }
    }
    assertThat(fields).isEqualTo(460);
    assertThat(blocks.get(48).at("/elements/0/text").asText()).isEqualTo("… and 140 more figures in the full report");
  }

  @Test
  void fitsExactlyFortySevenSectionsWithoutANote() {
    ObjectNode message = messages.build(DeliveryFixtures.withHeadlines(DeliveryFixtures.headlines(470)));

    assertThat(message.get("blocks").size()).isEqualTo(50);
    assertThat(SlackMessages.blockTypes(message)).doesNotContain("context");
  }

  @Test
  void truncatesOverLongTextsWithinSlacksLimits() {
    String longSubject = "Subject ".repeat(100);
    String longSummary = "Summary & <details> ".repeat(400);
    List<Headline> headlines = List.of(
        new Headline("Label", "9".repeat(5000), Optional.of("▲ " + "x".repeat(3000))),
        new Headline("A&B <c>", "1 < 2 & 3 > 2", Optional.empty()));

    ObjectNode message = messages.build(content(longSubject, longSummary, headlines, Optional.empty()));

    JsonNode blocks = message.get("blocks");
    String header = blocks.get(0).at("/text/text").asText();
    assertThat(header).hasSize(150).endsWith("…").startsWith("Subject Subject");
    String summary = blocks.get(1).at("/text/text").asText();
    assertThat(summary.length()).isLessThanOrEqualTo(3000);
    assertThat(summary).endsWith("…").startsWith("Summary &amp; &lt;details&gt; ");
    assertThat(summary.substring(summary.lastIndexOf('&') < 0 ? 0 : summary.lastIndexOf('&'))).matches("&(amp|lt|gt);.*");
    String first = blocks.get(2).at("/fields/0/text").asText();
    assertThat(first).hasSizeLessThanOrEqualTo(2000).startsWith("*Label*\n999").endsWith("…");
    assertThat(blocks.get(2).at("/fields/1/text").asText()).isEqualTo("*A&amp;B &lt;c&gt;*\n1 &lt; 2 &amp; 3 &gt; 2");
    assertThat(message.get("text").asText().length()).isLessThanOrEqualTo(3000);
    assertThat(SlackMessages.blockTypes(message)).doesNotContain("actions");
  }

  @Test
  void neverCutsAnEntityInHalf() {
    String escaped = SlackMessages.escape("ab&&&&&&&&");
    for (int max = 3; max < escaped.length(); max++) {
      String cut = SlackMessages.cutEscaped(escaped, max);
      assertThat(cut.length()).isLessThanOrEqualTo(max);
      String body = cut.substring(0, cut.length() - 1);
      assertThat(body.replace("&amp;", "")).doesNotContain("&");
    }
  }

  @Test
  void keepsTheHeaderOnOneLineAndNeverEmpty() {
    ObjectNode message = messages.build(content("Line one\r\nLine two", "", List.of(), Optional.empty()));
    ObjectNode blank = messages.build(content(" ", "", List.of(), Optional.empty()));

    assertThat(message.get("blocks").get(0).at("/text/text").asText()).isEqualTo("Line one Line two");
    assertThat(blank.get("blocks").get(0).at("/text/text").asText()).isEqualTo("—");
    assertThat(SlackMessages.blockTypes(blank)).containsExactly("header");
  }

  @Test
  void linksOnlyToHttpUrlsThatFitAButton() {
    List<String> types = new ArrayList<>();
    for (String link : new String[] {"javascript:alert(1)", "https://x.example/" + "a".repeat(3000), "https://x.example/r"}) {
      types.add(String.join(",", SlackMessages.blockTypes(messages.build(content("S", "s", List.of(), Optional.of(link))))));
    }
    assertThat(types).containsExactly("header,section", "header,section", "header,section,actions");
  }
}
