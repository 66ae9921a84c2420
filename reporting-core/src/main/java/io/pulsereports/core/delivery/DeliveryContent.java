package io.pulsereports.core.delivery;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A rendered report ready to send through any channel: a subject, a one-line summary of scope,
 * period and time zone, the headline figures, an email-safe HTML body with a plain-text twin,
 * inline images referenced from the HTML by content id, attachments, and a link to the full
 * report when a public base URL is configured. An email uses all of it; a Slack message the
 * subject, summary, headlines and link.
 */
public record DeliveryContent(
    String subject,
    String summary,
    List<Headline> headlines,
    String html,
    String text,
    List<MessagePart> inlineImages,
    List<MessagePart> attachments,
    Optional<String> reportLink) {

  public DeliveryContent {
    requireNonNull(subject, "subject");
    requireNonNull(summary, "summary");
    headlines = List.copyOf(requireNonNull(headlines, "headlines"));
    requireNonNull(html, "html");
    requireNonNull(text, "text");
    inlineImages = List.copyOf(requireNonNull(inlineImages, "inlineImages"));
    attachments = List.copyOf(requireNonNull(attachments, "attachments"));
    requireNonNull(reportLink, "reportLink");
  }
}
