package io.pulsereports.delivery.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Walks a received MIME message: its tree as text, and its leaf parts. */
final class MimeParts {

  private MimeParts() {}

  /** Every leaf part, depth first. */
  static List<Part> leaves(Part part) throws MessagingException, IOException {
    List<Part> leaves = new ArrayList<>();
    collect(part, leaves);
    return leaves;
  }

  /** The tree of content types, e.g. {@code multipart/mixed[multipart/related[...], text/csv]}. */
  static String tree(Part part) throws MessagingException, IOException {
    String type = baseType(part);
    if (part.getContent() instanceof Multipart multipart) {
      List<String> children = new ArrayList<>();
      for (int i = 0; i < multipart.getCount(); i++) {
        children.add(tree(multipart.getBodyPart(i)));
      }
      return type + children.toString().replace(" ", "");
    }
    return type;
  }

  static String baseType(Part part) throws MessagingException {
    return part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
  }

  static byte[] bytes(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    }
  }

  static String fileNameOrNull(Part part) {
    try {
      return part.getFileName();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A text part's content with SMTP's CRLF line ends turned back into LF. */
  static String text(Part part) throws MessagingException, IOException {
    return ((String) part.getContent()).replace("\r\n", "\n");
  }

  private static void collect(Part part, List<Part> leaves) throws MessagingException, IOException {
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, leaves);
      }
    } else {
      leaves.add(part);
    }
  }
}
