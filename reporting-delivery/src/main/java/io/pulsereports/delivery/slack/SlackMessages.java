package io.pulsereports.delivery.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.Headline;
import io.pulsereports.delivery.internal.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the Block Kit message for a report: a header with the subject, a section with the
 * summary, sections of headline figures as fields, a button to the full report, and a plain
 * {@code text} for notifications and clients without blocks. Every text is cut to Slack's limits
 * with an ellipsis.
 */
final class SlackMessages {

  static final int MAX_BLOCKS = 50;
  static final int MAX_HEADER_TEXT = 150;
  static final int MAX_SECTION_TEXT = 3000;
  static final int MAX_FIELDS_PER_SECTION = 10;
  static final int MAX_FIELD_TEXT = 2000;
  static final int MAX_BUTTON_TEXT = 75;
  static final int MAX_BUTTON_URL = 3000;
  /** Slack truncates longer top-level texts; 3000 is well within what notifications show. */
  static final int MAX_FALLBACK_TEXT = 3000;

  private final ObjectMapper json;

  SlackMessages(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode build(DeliveryContent content) {
    ObjectNode message = json.createObjectNode();
    message.put("text", fallbackText(content));
    ArrayNode blocks = message.putArray("blocks");

    ObjectNode header = blocks.addObject().put("type", "header");
    header.putObject("text").put("type", "plain_text")
        .put("text", Texts.truncate(orDash(content.subject().replaceAll("\\p{Cntrl}+", " ").strip()), MAX_HEADER_TEXT)).put("emoji", true);

    if (!content.summary().isBlank()) {
      section(blocks, mrkdwn(content.summary(), MAX_SECTION_TEXT));
    }

    Optional<String> link = content.reportLink().filter(SlackMessages::isLinkable);
    int reserved = blocks.size() + (link.isPresent() ? 1 : 0);
    List<Headline> headlines = content.headlines();
    int sectionsAvailable = MAX_BLOCKS - reserved;
    int sectionsNeeded = (headlines.size() + MAX_FIELDS_PER_SECTION - 1) / MAX_FIELDS_PER_SECTION;
    int shown = headlines.size();
    if (sectionsNeeded > sectionsAvailable) {
      // One block goes to the note that says how many figures are left out.
      shown = (sectionsAvailable - 1) * MAX_FIELDS_PER_SECTION;
    }
    for (int start = 0; start < shown; start += MAX_FIELDS_PER_SECTION) {
      ObjectNode section = blocks.addObject().put("type", "section");
      ArrayNode fields = section.putArray("fields");
      for (Headline headline : headlines.subList(start, Math.min(start + MAX_FIELDS_PER_SECTION, shown))) {
        fields.addObject().put("type", "mrkdwn").put("text", field(headline));
      }
    }
    if (shown < headlines.size()) {
      int more = headlines.size() - shown;
      ObjectNode note = blocks.addObject().put("type", "context");
      note.putArray("elements").addObject().put("type", "mrkdwn")
          .put("text", "… and " + more + " more figure" + (more == 1 ? "" : "s") + " in the full report");
    }

    link.ifPresent(url -> {
      ObjectNode actions = blocks.addObject().put("type", "actions");
      ObjectNode button = actions.putArray("elements").addObject().put("type", "button");
      button.putObject("text").put("type", "plain_text").put("text", "Open the full report");
      button.put("url", url);
      button.put("action_id", "open_report");
    });
    return message;
  }

  /** {@code *Label*\nvalue\n▲ 12 % vs previous period}, escaped and cut to a field's limit. */
  static String field(Headline headline) {
    String value = escape(orDash(headline.value()));
    String change = headline.change().filter(c -> !c.isBlank()).map(c -> "\n" + escape(c)).orElse("");
    String label = "*" + escape(headline.label().replace("*", "")) + "*\n";
    return cutEscaped(label + value + change, MAX_FIELD_TEXT);
  }

  static String fallbackText(DeliveryContent content) {
    StringBuilder text = new StringBuilder(orDash(content.subject()));
    if (!content.summary().isBlank()) {
      text.append('\n').append(content.summary());
    }
    for (Headline headline : content.headlines()) {
      text.append('\n').append(headline.label()).append(": ").append(headline.value());
      headline.change().filter(c -> !c.isBlank()).ifPresent(c -> text.append(" (").append(c).append(')'));
    }
    content.reportLink().filter(SlackMessages::isLinkable).ifPresent(url -> text.append('\n').append(url));
    return cutEscaped(escape(text.toString()), MAX_FALLBACK_TEXT);
  }

  private static ObjectNode section(ArrayNode blocks, String mrkdwn) {
    ObjectNode section = blocks.addObject().put("type", "section");
    section.putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
    return section;
  }

  private static String mrkdwn(String text, int max) {
    return cutEscaped(escape(text), max);
  }

  /** Slack's three control characters in mrkdwn and plain texts. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Cuts escaped text to {@code max} characters without splitting an {@code &amp;}-style entity. */
  static String cutEscaped(String escaped, int max) {
    if (escaped.length() <= max) {
      return escaped;
    }
    String cut = Texts.truncate(escaped, max);
    String body = cut.substring(0, cut.length() - Texts.ELLIPSIS.length());
    int amp = body.lastIndexOf('&');
    if (amp >= 0 && body.indexOf(';', amp) < 0) {
      body = body.substring(0, amp);
    }
    return body + Texts.ELLIPSIS;
  }

  private static boolean isLinkable(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return (lower.startsWith("https://") || lower.startsWith("http://")) && url.length() <= MAX_BUTTON_URL
        && !Texts.hasControlCharacters(url) && url.chars().noneMatch(Character::isWhitespace);
  }

  private static String orDash(String text) {
    return text.isBlank() ? "—" : text;
  }

  static List<String> blockTypes(ObjectNode message) {
    List<String> types = new ArrayList<>();
    message.get("blocks").forEach(block -> types.add(block.get("type").asText()));
    return types;
  }
}
