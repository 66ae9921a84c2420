package io.pulsereports.delivery.email;

import io.pulsereports.core.delivery.MessagePart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which attachments fit an email's size budget: in their order, each one that still fits is
 * attached, each one that does not is left out (a smaller one after it may still fit).
 */
record AttachmentBudget(List<MessagePart> attached, List<MessagePart> leftOut, long budgetBytes) {

  AttachmentBudget {
    attached = List.copyOf(attached);
    leftOut = List.copyOf(leftOut);
  }

  static AttachmentBudget select(List<MessagePart> attachments, long budgetBytes) {
    List<MessagePart> attached = new ArrayList<>();
    List<MessagePart> leftOut = new ArrayList<>();
    long remaining = budgetBytes;
    for (MessagePart part : attachments) {
      if (part.size() <= remaining) {
        attached.add(part);
        remaining -= part.size();
      } else {
        leftOut.add(part);
      }
    }
    return new AttachmentBudget(attached, leftOut, budgetBytes);
  }

  /** The sentence that tells the reader which files were left out, or "" when none was. */
  String note() {
    if (leftOut.isEmpty()) {
      return "";
    }
    StringBuilder files = new StringBuilder();
    for (MessagePart part : leftOut) {
      if (files.length() > 0) {
        files.append(", ");
      }
      files.append(part.name()).append(" (").append(size(part.size())).append(')');
    }
    return "Not attached because the email would exceed its " + size(budgetBytes)
        + " attachment limit: " + files + ".";
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
