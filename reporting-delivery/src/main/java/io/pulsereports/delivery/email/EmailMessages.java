package io.pulsereports.delivery.email;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.pulsereports.core.delivery.DeliveryContent;
import io.pulsereports.core.delivery.DeliveryEnvelope;
import io.pulsereports.core.delivery.MessagePart;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.simplejavamail.api.email.ContentTransferEncoding;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.email.EmailPopulatingBuilder;
import org.simplejavamail.email.EmailBuilder;

/** Builds the Simple Java Mail {@link Email} for one recipient of a delivery. */
final class EmailMessages {

  static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
  static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";
  static final String ONE_CLICK = "List-Unsubscribe=One-Click";

  private static final Pattern BODY_END = Pattern.compile("(?i)</body\\s*>");

  private final SmtpSettings settings;

  EmailMessages(SmtpSettings settings) {
    this.settings = settings;
  }

  Email build(DeliveryContent content, EmailAddresses.Mailbox recipient, DeliveryEnvelope envelope) {
    AttachmentBudget budget = AttachmentBudget.select(content.attachments(), settings.attachmentBudgetBytes());
    EmailPopulatingBuilder email = EmailBuilder.startingBlank()
        .ignoringDefaults(true)
        .from(settings.fromName().orElse(null), settings.fromAddress())
        .to(recipient.name().orElse(null), recipient.address())
        .withSubject(oneLine(content.subject()))
        .withHTMLText(withHtmlNote(content.html(), budget.note()))
        .withPlainText(withTextNote(content.text(), budget.note()))
        .fixingMessageId(messageId(envelope, recipient.address(), settings.fromAddress()))
        .withHeader("Auto-Submitted", "auto-generated");
    for (MessagePart image : content.inlineImages()) {
      email.withEmbeddedImage(image.name(), image.content(), image.mediaType());
    }
    for (MessagePart attachment : budget.attached()) {
      // Base64 keeps the bytes exactly; a text encoding would rewrite a CSV's line ends to CRLF.
      email.withAttachment(attachment.name(), attachment.content(), attachment.mediaType(), null,
          ContentTransferEncoding.BASE_64);
    }
    if (settings.unsubscribeLinksEnabled() && envelope.subscriptionId().isPresent()) {
      String link = UnsubscribeLinks.link(settings.publicBaseUrl().orElseThrow(),
          settings.unsubscribeKey().orElseThrow(), envelope.subscriptionId().get(), recipient.address())
          .toString();
      email.withHeader(LIST_UNSUBSCRIBE, "<" + link + ">");
      email.withHeader(LIST_UNSUBSCRIBE_POST, ONE_CLICK);
    }
    return email.buildEmail();
  }

  /**
   * {@code <DELIVERY-ID.RECIPIENT-HASH@SENDER-DOMAIN>}: the same for every attempt of one delivery
   * to one recipient, different for every other pair. The hash is the first 16 hex digits of the
   * SHA-256 of the lower-case bare address, so the id does not spell the address out.
   */
  static String messageId(DeliveryEnvelope envelope, String recipientAddress, String fromAddress) {
    String domain = fromAddress.substring(fromAddress.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    return "<" + envelope.deliveryId() + "." + recipientHash(recipientAddress) + "@" + domain + ">";
  }

  static String recipientHash(String address) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(address.toLowerCase(Locale.ROOT).getBytes(UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  static String withHtmlNote(String html, String note) {
    if (note.isEmpty()) {
      return html;
    }
    String paragraph = "<p style=\"margin:16px 0;padding:8px 12px;border-left:3px solid #b45309;"
        + "color:#1f2937;font-family:Arial,Helvetica,sans-serif;font-size:13px;\">" + escapeHtml(note) + "</p>";
    Matcher end = BODY_END.matcher(html);
    int last = -1;
    while (end.find()) {
      last = end.start();
    }
    return last < 0 ? html + paragraph : html.substring(0, last) + paragraph + html.substring(last);
  }

  static String withTextNote(String text, String note) {
    if (note.isEmpty()) {
      return text;
    }
    return text.endsWith("\n") ? text + "\n" + note + "\n" : text + "\n\n" + note + "\n";
  }

  private static String oneLine(String subject) {
    return subject.replaceAll("[\\p{Cntrl}]+", " ").strip();
  }

  private static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
